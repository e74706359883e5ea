// 居民注册审核 / 成员管理 (staff subpackage): the caller's community's members, pending applications
// first; rc_staff, party_org and admin approve them and make approved residents owners'-committee
// members (account.approve, account.grantRole), each after a confirmation.
import type { ListMembersInput, Role } from '../../../typings/api';
import * as account from '../../services/account';
import * as community from '../../services/community';
import type { DatasetEvent, DetailEvent } from '../../utils/events';
import { pageStyle } from '../../utils/font';
import {
  canManageMembers,
  compoundNames,
  confirmationOf,
  emptyMemberList,
  emptyText,
  FORBIDDEN_MESSAGE,
  MEMBER_TABS,
  ROLE_FILTERS,
  roleFilterLabel,
  rowAfter,
  successToastOf,
  withPage,
  type MemberAction,
  type MemberList,
  type MemberTab,
} from './rows';

const PAGE_SIZE = 20;

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

  data: {
    pageStyle: '',
    loading: true,
    error: '',
    /** Set when the caller may not manage members: shown as is, without 重试. */
    forbidden: '',
    communityId: '',
    tabs: MEMBER_TABS,
    tab: 'pending' as MemberTab,
    role: '' as Role | '',
    roleLabel: roleFilterLabel(''),
    roleOptions: ROLE_FILTERS.map((f) => ({ label: f.label, value: f.value })),
    rolePickerVisible: false,
    empty: emptyText('pending', ''),
    list: emptyMemberList() as MemberList,
    loadingMore: false,
    moreError: '',
    confirm: { ...CLOSED } as Confirmation,
    /** The member whose action is being sent. */
    busyId: '',
    _compounds: {} as Record<string, string>,
    /** Number of the latest first-page load; answers of older loads are dropped. */
    _seq: 0,
  },

  lifetimes: {
    attached() {
      this.setData({ pageStyle: pageStyle() });
      this.init();
    },
  },

  methods: {
    /** Who the caller is (their community) and the compound names, then the first page. */
    async init(): Promise<void> {
      this.setData({ loading: true, error: '', forbidden: '' });
      const [me, communities] = await Promise.all([account.whoami(), community.list()]);
      if (!me.ok) {
        this.setData({ loading: false, error: me.error.message });
        return;
      }
      const user = me.data.user;
      if (!canManageMembers(user)) {
        this.setData({ loading: false, forbidden: FORBIDDEN_MESSAGE });
        return;
      }
      // Without the compound names a row still shows its building and room.
      this.setData({
        communityId: user.communityId,
        _compounds: compoundNames(communities.ok ? communities.data : null, user.communityId),
      });
      await this.loadFirst();
    },

    query(): ListMembersInput {
      const q: ListMembersInput = { communityId: this.data.communityId, status: this.data.tab, limit: PAGE_SIZE };
      if (this.data.tab === 'active' && this.data.role) q.role = this.data.role;
      return q;
    },

    /** Loads the first page of the current filter; `quiet` keeps the list shown meanwhile (pull to refresh). */
    async loadFirst(quiet = false): Promise<void> {
      const seq = this.data._seq + 1;
      this.setData({ _seq: seq, error: '', moreError: '', loadingMore: false, empty: emptyText(this.data.tab, this.data.role) });
      if (!quiet) this.setData({ loading: true });
      const res = await account.listMembers(this.query());
      if (seq !== this.data._seq) return;
      if (!res.ok) {
        if (res.error.code === 'FORBIDDEN') this.setData({ loading: false, forbidden: res.error.message || FORBIDDEN_MESSAGE });
        else this.setData({ loading: false, error: res.error.message });
        return;
      }
      this.setData({ loading: false, list: withPage(this.data.list, res.data, false, this.data._compounds) });
    },

    async loadMore(): Promise<void> {
      const { list, loading, loadingMore } = this.data;
      if (loading || loadingMore || list.ended || !list.nextCursor) return;
      const seq = this.data._seq;
      this.setData({ loadingMore: true, moreError: '' });
      const res = await account.listMembers({ ...this.query(), cursor: list.nextCursor });
      if (seq !== this.data._seq) return;
      if (!res.ok) {
        this.setData({ loadingMore: false, moreError: res.error.message });
        return;
      }
      this.setData({ loadingMore: false, list: withPage(this.data.list, res.data, true, this.data._compounds) });
    },

    onPullDownRefresh() {
      const done = () => wx.stopPullDownRefresh();
      (this.data.communityId ? this.loadFirst(true) : this.init()).then(done, done);
    },

    onReachBottom() {
      this.loadMore();
    },

    onRetry() {
      if (this.data.communityId) this.loadFirst();
      else this.init();
    },

    onTabChange(e: DetailEvent<{ value: MemberTab }>) {
      if (e.detail.value === this.data.tab) return;
      this.setData({ tab: e.detail.value, list: emptyMemberList() });
      this.loadFirst();
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
      this.setData({ role, roleLabel: roleFilterLabel(role), list: emptyMemberList() });
      this.loadFirst();
    },

    /** 通过 / 设为业委会成员 on a row: asks first. */
    onActionTap(e: DatasetEvent<{ id: string; action: MemberAction }>) {
      const { id, action } = e.currentTarget.dataset;
      const row = this.data.list.rows.find((r) => r.userId === id);
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
      const index = this.data.list.rows.findIndex((r) => r.userId === userId);
      if (index < 0) return;
      const row = this.data.list.rows[index];
      if (res.ok) {
        this.setData({ [`list.rows[${index}]`]: rowAfter(row, res.data) });
        wx.showToast({ title: successToastOf(action), icon: 'success' });
        return;
      }
      // NOT_PENDING (approved by a colleague), ROLE_ALREADY_GRANTED, network…: said on the row.
      this.setData({ [`list.rows[${index}].error`]: res.error.message });
    },
  },
});
