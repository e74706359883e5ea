// 志愿服务队 (staff): the community's volunteer teams (志愿服务队) and activity groups (群众活动团队)
// with their leaders, how many activities each published and the service hours credited in them; staff register a team and name its
// leader from the community's approved members (outreach.createTeam). The leader may then publish
// activities for the team.
import { callerBehavior } from '../../behaviors/page';
import { staffOnly } from '../gate';
import { formBehavior } from '../../behaviors/form';
import * as account from '../../services/account';
import * as outreach from '../service';
import type { DetailEvent } from '../../utils/events';
import { pickerBehavior } from '../picker';
import { formatHours } from '../../pages/volunteer/format';

interface TeamRow {
  teamId: string;
  name: string;
  kind: string;
  leader: string;
  activities: string;
}

Component({
  behaviors: [callerBehavior, formBehavior, pickerBehavior],

  data: {
    teams: [] as TeamRow[],
    form: { name: '', kind: 'volunteer' as 'volunteer' | 'mass', leaderUserId: '' },
    leaderName: '',
    leaderOptions: [] as Array<{ label: string; value: string }>,
  },

  methods: {
    async init(): Promise<void> {
      if (await this.caller(staffOnly('仅社区党组织和居委会工作人员可以管理服务队'))) await this.load();
    },

    async load(): Promise<void> {
      const fresh = this.beginLoad();
      const [teams, members] = await Promise.all([
        outreach.listTeams(this.data.communityId),
        account.listMembers({ communityId: this.data.communityId, status: 'active', limit: 100 }),
      ]);
      if (!fresh()) return;
      if (!teams.ok) {
        this.loadFailed(teams.error);
        return;
      }
      this.setData({
        loading: false,
        error: '',
        teams: teams.data.map((t) => ({
          teamId: t.teamId,
          name: t.name,
          kind: t.kindLabel,
          leader: `队长 ${t.leaderName}`,
          activities: `已发布活动 ${t.activities} 场 · 服务时长 ${formatHours(t.serviceHours)} 小时`,
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

    onLeaderConfirm(e: DetailEvent<{ value: string[] }>) {
      const id = e.detail.value[0];
      const label = this.data.leaderOptions.find((o) => o.value === id)?.label ?? '';
      this.setData({ pickerVisible: false, 'form.leaderUserId': id, leaderName: label, 'errors.leader': '' });
    },

    async onSubmit(): Promise<void> {
      const { form } = this.data;
      const errors: Record<string, string> = {};
      if (!form.name.trim()) errors.name = '请填写服务队名称';
      if (!form.leaderUserId) errors.leader = '请选择队长';
      const team = await this.submitForm({
        errors,
        toast: '已登记',
        send: () =>
          outreach.createTeam({
            communityId: this.data.communityId,
            name: form.name.trim(),
            leaderUserId: form.leaderUserId,
            kind: form.kind,
          }),
      });
      if (!team) return;
      this.setData({ 'form.name': '', 'form.leaderUserId': '', leaderName: '' });
      await this.load();
    },
  },
});
