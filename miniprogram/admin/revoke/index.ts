// 撤销角色 (admin subpackage): the approved members of a community (account.listMembers, picked
// with <community-picker>) with the roles the caller may take back; each revocation asks first
// (account.revokeRole, audited by the server) and the list is reloaded.
import type { MemberView, Page, Role } from '../../../typings/api';
import { pagingBehavior } from '../../behaviors/paging';
import * as account from '../../services/account';
import * as admin from '../service';
import { me } from '../../services/session';
import { confirm } from '../../utils/confirm';
import type { DatasetEvent, DetailEvent } from '../../utils/events';
import { failureText } from '../shared';
import { revokeRowOf, type RevokeRow } from './rows';

interface Query {
  communityId: string;
  _roles: Role[];
}

const paging = pagingBehavior<MemberView, RevokeRow, Page<MemberView>, Query>({
  fetch: (data, cursor) =>
    account.listMembers({ communityId: data.communityId, status: 'active', limit: 50, ...(cursor ? { cursor } : {}) }),
  row: (m, data) => revokeRowOf(m, data.communityId, data._roles),
  key: (r) => r.userId,
  failed: (error) => (error.code === 'FORBIDDEN' ? { forbidden: error.message } : { error: error.message }),
});

Component({
  options: { pureDataPattern: /^_/ },

  behaviors: [paging],

  data: {
    ready: false,
    forbidden: '',
    communityId: '',
    _roles: [] as Role[],
    busy: '',
    actionError: '',
  },

  methods: {
    async onCommunity(e: DetailEvent<{ communityId: string }>) {
      const communityId = e.detail.communityId;
      if (!communityId) {
        this.setData({ loading: false, forbidden: '您没有可管理的社区' });
        return;
      }
      const who = await me();
      const roles = who.ok && who.data.user ? who.data.user.roles : [];
      this.setData({ communityId, _roles: roles, ready: true, forbidden: '', actionError: '' });
      this.clearList();
      await this.loadFirst();
    },

    onCommunityFail(e: DetailEvent<{ message: string }>) {
      this.setData({ loading: false, error: e.detail.message });
    },

    /** Before the community is known there is nothing to retry but the picker's own load. */
    init() {
      return Promise.resolve();
    },

    async onRevoke(e: DatasetEvent<{ id: string; index: number }>) {
      const { id, index } = e.currentTarget.dataset;
      const row = this.data.list.items.find((r) => r.userId === id);
      const role = row?.revocable[Number(index)];
      if (!row || !role || this.data.busy) return;
      if (!(await confirm({ title: '撤销角色', content: `撤销 ${row.name} 的“${role.label}”角色？`, confirmText: '撤销' }))) return;
      this.setData({ busy: id, actionError: '' });
      const res = await admin.revokeRole({ userId: id, role: role.role, scopeId: role.scopeId });
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
