// 邀请授权 (admin subpackage): the granting person picks a role they may hand out and its scope
// (a street, community, compound or firm they reach; the admin picks a community or compound in a
// street first, and a firm among the first by name or by the start of its name: invitable.ts),
// creates a one-time code valid 7 days
// (account.invite) and shares it — as a WeChat share card opening the redeem page with the code,
// and as text to read out or copy.
import type { InvitableRole, Invitation, StructureView } from '../../../typings/admin';
import type { InvitableView, ScopeLevel } from '../../../typings/api';
import { adminPageBehavior } from '../behavior';
import * as admin from '../service';
import { formatTime } from '../../utils/china-time';
import type { DetailEvent } from '../../utils/events';
import { firmOptions, invitableRoles, SCOPE_LABELS, scopeOptions, streetFirst, streetOptionsOf, type Option } from '../invitable';
import { failureText } from '../shared';

Component({
  behaviors: [adminPageBehavior],

  options: { pureDataPattern: /^_/ },

  data: {
    roleOptions: [] as Option[],
    scopeOptions: [] as Option[],
    _structure: null as StructureView | null,
    _invitable: [] as InvitableView[],
    role: '' as InvitableRole | '',
    roleLabel: '',
    scopeTitle: '范围',
    scopeLevel: '' as ScopeLevel | '',
    scopeId: '',
    scopeName: '',
    /** The admin's street for a community or compound (街道 → 社区/小区). */
    needsStreet: false,
    streetOptions: [] as Option[],
    streetId: '',
    streetName: '',
    /** The start of a firm's name typed to find it. */
    firmQuery: '',
    rolePicker: false,
    streetPicker: false,
    scopePicker: false,
    creating: false,
    invitation: null as Invitation | null,
    expires: '',
  },

  lifetimes: {
    attached() {
      this.load();
    },
  },

  methods: {
    async load() {
      const fresh = this.beginLoad();
      this.setData({ loading: true, error: '', forbidden: '' });
      const user = await this.callerFor(fresh);
      if (user === undefined) return;
      const roleOptions = invitableRoles(user?.status === 'active' ? user : null);
      if (!roleOptions.length) {
        this.setData({ loading: false, forbidden: '您没有可授予他人的角色' });
        return;
      }
      const res = await admin.structure();
      if (!this.answered(fresh, res)) return;
      this.setData({ loading: false, roleOptions, _invitable: user?.invitable ?? [], _structure: res.data });
    },

    openRole() {
      this.setData({ rolePicker: true });
    },

    openScope() {
      if (!this.data.role) {
        this.setData({ formError: '请先选择角色' });
        return;
      }
      if (this.data.needsStreet && !this.data.streetId) {
        this.setData({ formError: '请先选择街道' });
        return;
      }
      if (!this.data.scopeOptions.length) {
        this.setData({ formError: `您管辖范围内还没有${this.data.scopeTitle}` });
        return;
      }
      this.setData({ scopePicker: true });
    },

    openStreet() {
      this.setData({ streetPicker: true });
    },

    closePicker() {
      this.setData({ rolePicker: false, streetPicker: false, scopePicker: false });
    },

    onRole(e: DetailEvent<{ value: string[] }>) {
      const role = e.detail.value[0] as InvitableRole | undefined;
      this.setData({ rolePicker: false, formError: '' });
      if (!role || role === this.data.role) return;
      const invitable = this.data._invitable.find((r) => r.role === role);
      if (!invitable) return;
      const level = invitable.scopeLevel;
      const needsStreet = streetFirst(level, this.data._structure);
      const options = needsStreet || !this.data._structure ? [] : scopeOptions(level, this.data._structure);
      const scopeTitle = level === 'city' ? '' : SCOPE_LABELS[level];
      this.setData({
        role,
        roleLabel: invitable.label,
        scopeTitle,
        scopeLevel: level,
        scopeOptions: options,
        scopeId: '',
        scopeName: '',
        needsStreet,
        streetOptions: needsStreet ? streetOptionsOf(this.data._structure) : [],
        streetId: '',
        streetName: '',
        firmQuery: '',
      });
      if (level === 'firm') this.findFirms('');
    },

    /** The admin's street: its communities or compounds become the choices. */
    async onStreet(e: DetailEvent<{ value: string[] }>) {
      const streetId = e.detail.value[0] ?? '';
      this.setData({ streetPicker: false, formError: '' });
      if (!streetId || streetId === this.data.streetId) return;
      const res = await admin.structure(streetId);
      if (!res.ok) {
        this.setData({ formError: failureText(res.error) });
        return;
      }
      const level = this.data.scopeLevel;
      this.setData({
        streetId,
        streetName: this.data.streetOptions.find((o) => o.value === streetId)?.label ?? '',
        scopeOptions: level ? scopeOptions(level, res.data) : [],
        scopeId: '',
        scopeName: '',
      });
    },

    /** The firms offered: the first by name, or those whose name starts with what is typed. */
    async findFirms(q: string) {
      const res = await firmOptions(q);
      if (q !== this.data.firmQuery || this.data.scopeLevel !== 'firm') return;
      if (!res.ok) {
        this.setData({ formError: failureText(res.error) });
        return;
      }
      this.setData({ scopeOptions: res.data });
    },

    onFirmSearch(e: DetailEvent<{ value: string }>) {
      this.setData({ firmQuery: e.detail.value, formError: '' });
      this.findFirms(e.detail.value);
    },

    onScope(e: DetailEvent<{ value: string[] }>) {
      const value = e.detail.value[0] ?? '';
      this.setData({
        scopePicker: false,
        formError: '',
        scopeId: value,
        scopeName: this.data.scopeOptions.find((o) => o.value === value)?.label ?? '',
      });
    },

    async onCreate() {
      const { role, scopeId, creating } = this.data;
      if (creating) return;
      if (!role || !scopeId) {
        this.setData({ formError: !role ? '请选择角色' : `请选择${this.data.scopeTitle}` });
        return;
      }
      this.setData({ creating: true, formError: '' });
      const res = await admin.invite(role, scopeId);
      this.setData({ creating: false });
      if (!res.ok) {
        this.setData({ formError: failureText(res.error) });
        return;
      }
      this.setData({ invitation: res.data, expires: formatTime(res.data.expiresAt) });
    },

    onCopy() {
      const code = this.data.invitation?.code;
      if (code) wx.setClipboardData({ data: code });
    },

    onAnother() {
      this.setData({ invitation: null, scopeId: '', scopeName: '' });
    },

    /** The share card: it opens the redeem page with the code filled in. */
    onShareAppMessage() {
      const inv = this.data.invitation;
      if (!inv) return { title: '红色物业 · 三方联动', path: '/pages/home/index' };
      return { title: `邀请您担任${inv.scopeName}${inv.roleLabel}`, path: `/admin/redeem/index?code=${inv.code}` };
    },
  },
});
