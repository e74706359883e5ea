// 志愿服务队 (staff): the community's volunteer teams (志愿服务队) and activity groups (群众活动团队)
// with their leaders and how many activities each published; staff register a team and name its
// leader from the community's approved members (outreach.createTeam). The leader may then publish
// activities for the team.
import * as account from '../../services/account';
import * as outreach from '../service';
import type { DetailEvent } from '../../utils/events';
import { pageStyle } from '../../utils/font';
import { staffGate } from '../staff';

interface TeamRow {
  teamId: string;
  name: string;
  kind: string;
  leader: string;
  activities: string;
}

const KIND_TEXT = { volunteer: '志愿服务队', mass: '群众活动团队' } as const;

Component({
  options: { pureDataPattern: /^_/ },

  data: {
    pageStyle: '',
    loading: true,
    error: '',
    forbidden: '',
    communityId: '',
    teams: [] as TeamRow[],
    form: { name: '', kind: 'volunteer' as 'volunteer' | 'mass', leaderUserId: '' },
    leaderName: '',
    leaderOptions: [] as Array<{ label: string; value: string }>,
    pickerVisible: false,
    errors: {} as Record<string, string>,
    formError: '',
    submitting: false,
  },

  lifetimes: {
    attached() {
      this.setData({ pageStyle: pageStyle() });
      this.init();
    },
  },

  methods: {
    async init(): Promise<void> {
      this.setData({ loading: true, error: '', forbidden: '' });
      const gate = await staffGate('仅社区党组织和居委会工作人员可以管理服务队');
      if (!gate.ok) {
        this.setData('forbidden' in gate ? { loading: false, forbidden: gate.forbidden } : { loading: false, error: gate.error });
        return;
      }
      this.setData({ communityId: gate.user.communityId });
      await this.load();
    },

    async load(): Promise<void> {
      const [teams, members] = await Promise.all([
        outreach.listTeams(this.data.communityId),
        account.listMembers({ communityId: this.data.communityId, status: 'active', limit: 100 }),
      ]);
      if (!teams.ok) {
        this.setData({ loading: false, error: teams.error.message });
        return;
      }
      this.setData({
        loading: false,
        error: '',
        teams: teams.data.map((t) => ({
          teamId: t.teamId,
          name: t.name,
          kind: KIND_TEXT[t.kind],
          leader: `队长 ${t.leaderName}`,
          activities: `已发布活动 ${t.activities} 场`,
        })),
        // Without the member list the teams still show; the leader picker is then empty.
        leaderOptions: members.ok ? members.data.items.map((m) => ({ label: `${m.name}（${m.building}${m.room}）`, value: m.userId })) : [],
      });
    },

    onVolunteerKind() {
      this.setData({ 'form.kind': 'volunteer' });
    },

    onMassKind() {
      this.setData({ 'form.kind': 'mass' });
    },

    onInput(e: DetailEvent<{ value: string }>) {
      this.setData({ 'form.name': e.detail.value, 'errors.name': '' });
    },

    openPicker() {
      this.setData({ pickerVisible: true });
    },

    closePicker() {
      this.setData({ pickerVisible: false });
    },

    onLeaderConfirm(e: DetailEvent<{ value: string[] }>) {
      const id = e.detail.value[0];
      const label = this.data.leaderOptions.find((o) => o.value === id)?.label ?? '';
      this.setData({ pickerVisible: false, 'form.leaderUserId': id, leaderName: label, 'errors.leader': '' });
    },

    async onSubmit(): Promise<void> {
      if (this.data.submitting) return;
      const { form } = this.data;
      const errors: Record<string, string> = {};
      if (!form.name.trim()) errors.name = '请填写服务队名称';
      if (!form.leaderUserId) errors.leader = '请选择队长';
      this.setData({ errors, formError: '' });
      if (Object.keys(errors).length) return;
      this.setData({ submitting: true });
      const res = await outreach.createTeam({
        communityId: this.data.communityId,
        name: form.name.trim(),
        leaderUserId: form.leaderUserId,
        kind: form.kind,
      });
      this.setData({ submitting: false });
      if (!res.ok) {
        this.setData({ formError: res.error.message });
        return;
      }
      wx.showToast({ title: '已登记', icon: 'success' });
      this.setData({ 'form.name': '', 'form.leaderUserId': '', leaderName: '' });
      await this.load();
    },

    onRetry() {
      if (this.data.communityId) {
        this.setData({ loading: true });
        this.load();
      } else this.init();
    },

    onPullDownRefresh() {
      const done = () => wx.stopPullDownRefresh();
      (this.data.communityId ? this.load() : this.init()).then(done, done);
    },
  },
});
