// 居民注册审核 / 成员管理 (staff subpackage): the caller's community's members, pending applications
// first; rc_staff, party_org and admin approve them and make approved residents owners'-committee
// members (account.approve, account.grantRole), each after a confirmation.
import type { ListMembersInput, MemberPage, MemberView, Role } from '../../../typings/api';
import { pagingBehavior } from '../../behaviors/paging';
import * as account from '../../services/account';
import * as community from '../../services/community';
import { me } from '../../services/session';
import type { DatasetEvent, DetailEvent } from '../../utils/events';
import {
  canManageMembers,
  compoundNames,
  confirmationOf,
  emptyText,
  FORBIDDEN_MESSAGE,
  ALL_ROLES,
  memberRowOf,
  roleFilterOptions,
  rowAfter,
  successToastOf,
  type MemberAction,
  type MemberRow,
  type MemberTab,
} from './rows';

const PAGE_SIZE = 20;

interface Filter {
  communityId: string;
  tab: MemberTab;
  role: Role | '';
  _compounds: Record<string, string>;
}

const paging = pagingBehavior<MemberView, MemberRow, MemberPage, Filter>({
  fetch(data, cursor) {
    const q: ListMembersInput = { communityId: data.communityId, status: data.tab, limit: PAGE_SIZE };
    if (data.tab === 'active' && data.role) q.role = data.role;
    if (cursor) q.cursor = cursor;
    return account.listMembers(q);
  },
  row: (m, data) => memberRowOf(m, data._compounds),
  key: (r) => r.userId,
  // The roles to filter by, with their names, come with the list.
  withFirst: (answer) => ({ roleOptions: roleFilterOptions(answer.roleFilters), tabs: answer.statusTabs }),
  failed: (error) => (error.code === 'FORBIDDEN' ? { forbidden: error.message || FORBIDDEN_MESSAGE } : { error: error.message }),
});

interface Confirmation {
  visible: boolean;
  action: MemberAction;
  userId: string;
  title: string;
  content: string;
  confirmBtn: string;
}

const CLOSED: Confirmation = { visible: false, action: 'approve', userId: '', title: '', content: '', confirmBtn: '' };

Component({
  options: { pureDataPattern: /^_/ },

  behaviors: [paging],

  data: {
    /** Set when the caller may not manage members: shown as is, without 重试. */
    forbidden: '',
    communityId: '',
    ready: false,
    /** 待审核 / 已通过, as the server names them: empty until the first answer. */
    tabs: [] as MemberPage['statusTabs'],
    tab: 'pending' as MemberTab,
    role: '' as Role | '',
    roleLabel: ALL_ROLES,
    roleOptions: roleFilterOptions([]),
    rolePickerVisible: false,
    empty: emptyText('pending', ''),
    confirm: { ...CLOSED } as Confirmation,
    /** The member whose action is being sent. */
    busyId: '',
    _compounds: {} as Record<string, string>,
  },

  lifetimes: {
    attached() {
      this.init();
    },
  },

  methods: {
    /** Who the caller is (their community) and the compound names, then the first page. */
    async init(): Promise<void> {
      this.setData({ loading: true, error: '', forbidden: '' });
      const [who, communities] = await Promise.all([me(), community.list({ mine: true })]);
      if (!who.ok) {
        this.setData({ loading: false, error: who.error.message });
        return;
      }
      const user = who.data.user;
      if (!canManageMembers(user)) {
        this.setData({ loading: false, forbidden: FORBIDDEN_MESSAGE });
        return;
      }
      // Without the compound names a row still shows its building and room.
      this.setData({
        ready: true,
        communityId: user.communityId,
        _compounds: compoundNames(communities.ok ? communities.data : null, user.communityId),
      });
      await this.loadFirst();
    },

    onTabChange(e: DetailEvent<{ value: MemberTab }>) {
      if (e.detail.value === this.data.tab) return;
      this.refilter({ tab: e.detail.value, empty: emptyText(e.detail.value, this.data.role ? this.data.roleLabel : '') });
    },

    openRolePicker() {
      this.setData({ rolePickerVisible: true });
    },

    closeRolePicker() {
      this.setData({ rolePickerVisible: false });
    },

    onRoleConfirm(e: DetailEvent<{ value: Array<Role | ''> }>) {
      const role = e.detail.value[0] ?? '';
      this.setData({ rolePickerVisible: false });
      if (role === this.data.role) return;
      const label = this.data.roleOptions.find((o) => o.value === role)?.label ?? ALL_ROLES;
      this.refilter({ role, roleLabel: label, empty: emptyText(this.data.tab, role ? label : '') });
    },

    /** 通过 / 设为业委会成员 on a row: asks first. */
    onActionTap(e: DatasetEvent<{ id: string; action: MemberAction }>) {
      const { id, action } = e.currentTarget.dataset;
      const row = this.data.list.items.find((r) => r.userId === id);
      if (!row || this.data.busyId) return;
      this.setData({ confirm: { visible: true, action, userId: id, ...confirmationOf(action, row.name) } });
    },

    onConfirmCancel() {
      // Only hidden, so the text does not blank out while the dialog fades.
      this.setData({ 'confirm.visible': false, 'confirm.userId': '' });
    },

    async onConfirm(): Promise<void> {
      const { action, userId } = this.data.confirm;
      this.setData({ 'confirm.visible': false, 'confirm.userId': '' });
      if (!userId || this.data.busyId) return;
      this.setData({ busyId: userId });
      const res = action === 'approve' ? await account.approve(userId) : await account.grantRole({ userId, role: 'oc_member' });
      this.setData({ busyId: '' });
      // The list may have been reloaded meanwhile: update the member where they are now, if shown.
      const index = this.data.list.items.findIndex((r) => r.userId === userId);
      if (index < 0) return;
      const row = this.data.list.items[index];
      if (res.ok) {
        this.setData({ [`list.items[${index}]`]: rowAfter(row, res.data) });
        wx.showToast({ title: successToastOf(action), icon: 'success' });
        return;
      }
      // NOT_PENDING (approved by a colleague), ROLE_ALREADY_GRANTED, network…: said on the row.
      this.setData({ [`list.items[${index}].error`]: res.error.message });
    },
  },
});
