// 志愿服务队 (staff): the community's volunteer teams (志愿服务队) and activity groups (群众活动团队)
// with their leaders, how many activities each published and the service hours credited in them; staff register a team and name its
// leader from the community's approved members (outreach.createTeam). The leader may then publish
// activities for the team. 更换队长 on a team names another leader (outreach.setTeamLeader), asked
// first: the former leader no longer organises the team's activities.
import { callerBehavior } from '../../behaviors/page';
import { staffOnly } from '../gate';
import { formBehavior } from '../../behaviors/form';
import * as account from '../../services/account';
import * as outreach from '../service';
import type { DatasetEvent, DetailEvent } from '../../utils/events';
import { confirm } from '../../utils/confirm';
import { pickerBehavior } from '../picker';
import { formatHours } from '../../pages/volunteer/format';
import { formOptions } from '../../utils/form-options';
import type { FormOptions } from '../../../typings/api';

interface TeamRow {
  teamId: string;
  name: string;
  kind: string;
  leaderUserId: string;
  leaderName: string;
  leader: string;
  activities: string;
  error: string;
}

Component({
  behaviors: [callerBehavior, formBehavior, pickerBehavior],

  data: {
    teams: [] as TeamRow[],
    form: { name: '', kind: 'volunteer' as 'volunteer' | 'mass', leaderUserId: '' },
    leaderName: '',
    /** 志愿服务队 / 群众活动团队, as the server names them (whoami's options). */
    kindOptions: [] as FormOptions['teamKinds'],
    leaderOptions: [] as Array<{ label: string; value: string }>,
    /** The leader picker of a team: shown, for which team (kept after it closes: it closes before it confirms), the team being sent. */
    changeVisible: false,
    changeTeamId: '',
    changeValue: [] as string[],
    changeTitle: '',
    changing: '',
  },

  methods: {
    async init(): Promise<void> {
      if (!(await this.caller(staffOnly('仅社区党组织和居委会工作人员可以管理服务队')))) return;
      this.setData({ kindOptions: (await formOptions()).teamKinds });
      await this.load();
    },

    async load(): Promise<void> {
      const fresh = this.beginLoad();
      const [teams, members] = await Promise.all([
        outreach.listTeams(this.data.communityId),
        account.listMembers({ communityId: this.data.communityId, status: 'active', limit: 100 }),
      ]);
      if (!this.answered(fresh, teams)) return;
      this.setData({
        loading: false,
        error: '',
        teams: teams.data.map((t) => ({
          teamId: t.teamId,
          name: t.name,
          kind: t.kindLabel,
          leaderUserId: t.leaderUserId,
          leaderName: t.leaderName,
          leader: `队长 ${t.leaderName}`,
          activities: `已发布活动 ${t.activities} 场 · 服务时长 ${formatHours(t.serviceHours)} 小时`,
          error: '',
        })),
        // Without the member list the teams still show; the leader picker is then empty.
        leaderOptions: members.ok ? members.data.items.map((m) => ({ label: `${m.name}（${m.building}${m.room}）`, value: m.userId })) : [],
      });
    },

    onKind(e: DatasetEvent<{ kind: FormOptions['teamKinds'][number]['value'] }>) {
      this.setData({ 'form.kind': e.currentTarget.dataset.kind });
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
    onChangeLeaderOpen(e: DatasetEvent<{ id: string }>) {
      const t = this.data.teams.find((x) => x.teamId === e.currentTarget.dataset.id);
      if (t && !this.data.changing)
        this.setData({ changeVisible: true, changeTeamId: t.teamId, changeValue: [t.leaderUserId], changeTitle: `更换队长 · ${t.name}` });
    },

    onChangeLeaderClose() {
      this.setData({ changeVisible: false });
    },

    /** A leader picked: asks, sends, then reads the teams again (a refusal shows on the team's card). */
    async onChangeLeaderConfirm(e: DetailEvent<{ value: string[] }>): Promise<void> {
      const index = this.data.teams.findIndex((x) => x.teamId === this.data.changeTeamId);
      const t = this.data.teams[index];
      const leaderUserId = e.detail.value[0];
      this.setData({ changeVisible: false });
      if (!t || !leaderUserId || leaderUserId === t.leaderUserId) return;
      const label = this.data.leaderOptions.find((o) => o.value === leaderUserId)?.label ?? '';
      const yes = await confirm({
        title: '更换队长',
        content: `确定将「${t.name}」的队长由${t.leaderName}改为${label}？原队长将不能再组织该队的活动。`,
        confirmText: '更换',
      });
      if (!yes) return;
      this.setData({ changing: t.teamId, [`teams[${index}].error`]: '' });
      const res = await outreach.setTeamLeader({ teamId: t.teamId, leaderUserId });
      this.setData({ changing: '' });
      if (!res.ok && res.error.reason !== 'STALE') {
        this.setData({ [`teams[${index}].error`]: res.error.message });
        return;
      }
      // Changed by someone else meanwhile: the teams as they are now say by whom.
      wx.showToast({ title: res.ok ? '已更换队长' : res.error.message, icon: res.ok ? 'success' : 'none' });
      await this.load();
    },
  },
});
