// 撤销角色 (admin subpackage): the granting person picks a street, community or compound they
// reach (the structure's pickers, as on 邀请授权: the admin picks a community or compound in a street)
// and sees every holder of a role they may take back
// there — members there or not: street admins, invited staff without a residence — with the name
// masked, the role, its scope and when it was granted (account.listMembers with `holders`). Each
// revocation asks first (account.revokeRole, audited by the server) and the list is reloaded.
import type { StructureView } from '../../../typings/admin';
import type { HolderView, Page, SelfView } from '../../../typings/api';
import { pagingBehavior } from '../../behaviors/paging';
import * as admin from '../service';
import { confirm } from '../../utils/confirm';
import type { DatasetEvent, DetailEvent } from '../../utils/events';
import { streetFirst, streetOptionsOf, type Option } from '../invitable';
import { failureText } from '../shared';
import { holderRowOf, PLACE_FIELD, placeLevels, placeOptions, type HolderRow, type PlaceLevel } from './rows';

interface Query {
  level: PlaceLevel;
  placeId: string;
}

const paging = pagingBehavior<HolderView, HolderRow, Page<HolderView>, Query>({
  fetch: (data, cursor) => admin.holders({ [PLACE_FIELD[data.level]]: data.placeId, limit: 20, ...(cursor ? { cursor } : {}) }),
  row: (h) => holderRowOf(h),
  key: (r) => r.key,
  failed: (error) => (error.code === 'FORBIDDEN' ? { forbidden: error.message } : { error: error.message }),
  autoload: true,
});

Component({
  options: { pureDataPattern: /^_/ },

  behaviors: [paging],

  data: {
    ready: false,
    forbidden: '',
    _user: null as SelfView | null,
    _structure: null as StructureView | null,
    levelOptions: [] as Option[],
    level: '' as PlaceLevel | '',
    levelLabel: '',
    placeOptions: [] as Option[],
    placeId: '',
    placeName: '',
    /** The admin's street for a community or compound (街道 → 社区/小区), kept across levels. */
    needsStreet: false,
    streetOptions: [] as Option[],
    streetId: '',
    streetName: '',
    levelPicker: false,
    streetPicker: false,
    placePicker: false,
    busy: '',
    actionError: '',
  },

  methods: {
    /** Who is looking and what they reach; then the widest level's first place. */
    async init(): Promise<void> {
      const fresh = this.beginLoad();
      this.setData({ loading: true, error: '', forbidden: '' });
      const user = await this.callerFor(fresh);
      if (user === undefined) return;
      const levelOptions = placeLevels(user?.status === 'active' ? user.roles : []);
      if (!levelOptions.length) {
        this.setData({ loading: false, forbidden: '您没有可撤销的角色' });
        return;
      }
      const res = await admin.structure();
      if (!fresh()) return;
      if (!res.ok) {
        this.setData({
          loading: false,
          ...(res.error.code === 'FORBIDDEN' ? { forbidden: res.error.message } : { error: res.error.message }),
        });
        return;
      }
      this.setData({ _user: user, _structure: res.data, levelOptions, ready: true });
      await this.pickLevel(levelOptions[0].value as PlaceLevel);
    },

    /** Shows the places of `level` and the holders of its first. */
    async pickLevel(level: PlaceLevel): Promise<void> {
      const { _structure, _user, levelOptions } = this.data;
      const levelLabel = levelOptions.find((o) => o.value === level)?.label ?? '';
      const needsStreet = streetFirst(level, _structure);
      this.setData({ level, levelLabel, needsStreet, actionError: '' });
      if (needsStreet) {
        const streetOptions = streetOptionsOf(_structure);
        this.setData({ streetOptions });
        await this.pickStreet(this.data.streetId || (streetOptions[0]?.value ?? ''));
        return;
      }
      const options = _structure ? placeOptions(level, _structure, _user) : [];
      this.setData({ placeOptions: options });
      await this.pickPlace(options[0]?.value ?? '');
    },

    /** The admin's street: the communities or compounds in it, and the holders of the first. */
    async pickStreet(streetId: string): Promise<void> {
      const { level, _user, streetOptions } = this.data;
      const res = streetId ? await admin.structure(streetId) : null;
      if (res && !res.ok) {
        this.setData({ loading: false, actionError: failureText(res.error) });
        return;
      }
      const options = res && level ? placeOptions(level, res.data, _user) : [];
      const streetName = streetOptions.find((o) => o.value === streetId)?.label ?? '';
      this.setData({ streetId, streetName, placeOptions: options });
      await this.pickPlace(options[0]?.value ?? '');
    },

    async pickPlace(placeId: string): Promise<void> {
      const placeName = this.data.placeOptions.find((o) => o.value === placeId)?.label ?? '';
      this.setData({ placeId, placeName, actionError: '', forbidden: '' });
      // A street looked at is the one whose communities and compounds the admin sees next.
      if (this.data.level === 'street' && placeId) this.setData({ streetId: placeId });
      this.clearList();
      if (!placeId) {
        this.setData({ loading: false });
        return;
      }
      await this.loadFirst();
    },

    openLevel() {
      if (this.data.levelOptions.length > 1) this.setData({ levelPicker: true });
    },

    openPlace() {
      if (this.data.placeOptions.length > 1) this.setData({ placePicker: true });
    },

    openStreet() {
      if (this.data.streetOptions.length > 1) this.setData({ streetPicker: true });
    },

    closePicker() {
      this.setData({ levelPicker: false, streetPicker: false, placePicker: false });
    },

    onStreet(e: DetailEvent<{ value: string[] }>) {
      const id = e.detail.value[0];
      this.setData({ streetPicker: false });
      if (id && id !== this.data.streetId) this.pickStreet(id);
    },

    onLevel(e: DetailEvent<{ value: string[] }>) {
      const level = e.detail.value[0] as PlaceLevel | undefined;
      this.setData({ levelPicker: false });
      if (level && level !== this.data.level) this.pickLevel(level);
    },

    onPlace(e: DetailEvent<{ value: string[] }>) {
      const id = e.detail.value[0];
      this.setData({ placePicker: false });
      if (id && id !== this.data.placeId) this.pickPlace(id);
    },

    async onRevoke(e: DatasetEvent<{ key: string }>) {
      const row = this.data.list.items.find((r) => r.key === e.currentTarget.dataset.key);
      if (!row || this.data.busy) return;
      const content = `撤销 ${row.name} 的“${row.held}”角色？撤销后对方不再拥有该角色的权限。`;
      if (!(await confirm({ title: '撤销角色', content, confirmText: '撤销' }))) return;
      this.setData({ busy: row.key, actionError: '' });
      const res = await admin.revokeRole({ userId: row.userId, role: row.role, scopeId: row.scopeId });
      this.setData({ busy: '' });
      if (!res.ok) {
        this.setData({ actionError: `${row.name}：${failureText(res.error)}` });
        return;
      }
      wx.showToast({ title: '已撤销', icon: 'success' });
      await this.loadFirst(true);
    },
  },
});
