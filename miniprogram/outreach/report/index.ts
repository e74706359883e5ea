// 党员报到: a party member reports in to the community where they live or the one their unit is
// paired with (outreach.report), and sees their reports — waiting or confirmed — with any building
// role (楼栋党小组长 / 楼栋长) the community's party organisation has named them to.
import type { CommunityListItem } from '../../../typings/api';
import { callerBehavior } from '../../behaviors/page';
import { formBehavior } from '../../behaviors/form';
import * as community from '../../services/community';
import * as outreach from '../service';
import type { DetailEvent } from '../../utils/events';
import { openPage } from '../../utils/navigate';
import { pickerBehavior } from '../picker';
import { chinaDateTime } from '../labels';

interface ReportRow {
  reportId: string;
  title: string;
  community: string;
  kind: string;
  status: string;
  confirmed: boolean;
  posts: string[];
  when: string;
}

const rowOf = (r: outreach.ReportView): ReportRow => ({
  reportId: r.reportId,
  title: `${r.unitName} · ${r.branchName}`,
  community: r.communityName,
  kind: r.kindLabel,
  status: r.statusLabel,
  confirmed: r.status === 'confirmed',
  posts: r.buildingPosts.map((p) => `${p.building}${p.roleLabel}`),
  when: r.confirmedAt ? `确认于 ${chinaDateTime(r.confirmedAt)}` : `提交于 ${chinaDateTime(r.reportedAt)}`,
});

Component({
  behaviors: [callerBehavior, formBehavior, pickerBehavior],

  options: { pureDataPattern: /^_/ },

  data: {
    registered: true,
    isPartyMember: false,
    reports: [] as ReportRow[],
    /** Kinds already reported: the form offers the others. */
    reportedKinds: [] as string[],
    form: { communityId: '', unitName: '', branchName: '', kind: 'residence' as outreach.ReportKind },
    communityName: '',
    communityOptions: [] as Array<{ label: string; value: string }>,
    _homeCommunityId: '',
    _communities: [] as CommunityListItem[],
  },

  methods: {
    async load(): Promise<void> {
      const [user, communities] = await Promise.all([this.caller(), community.list()]);
      if (user === undefined) return;
      if (!user) {
        this.setData({ loading: false, registered: false });
        return;
      }
      const mine = await outreach.myReports();
      if (!mine.ok) {
        this.loadFailed(mine.error);
        return;
      }
      const list = communities.ok ? communities.data : [];
      const reportedKinds = mine.data.map((r) => r.kind);
      const kind = reportedKinds.includes('residence') ? 'paired' : 'residence';
      this.setData({
        loading: false,
        registered: true,
        isPartyMember: user.isPartyMember,
        reports: mine.data.map(rowOf),
        reportedKinds,
        communityOptions: list.map((c) => ({ label: c.name, value: c.communityId })),
        _communities: list,
        _homeCommunityId: user.communityId,
      });
      this.chooseKind(kind);
    },

    /** The kind of report; a residence report goes to the community one lives in. */
    chooseKind(kind: outreach.ReportKind) {
      const communityId = kind === 'residence' ? this.data._homeCommunityId : this.data.form.communityId || this.data._homeCommunityId;
      const name = this.data._communities.find((c) => c.communityId === communityId)?.name ?? '';
      this.setData({ 'form.kind': kind, 'form.communityId': communityId, communityName: name, 'errors.communityId': '' });
    },

    onResidence() {
      this.chooseKind('residence');
    },

    onPaired() {
      this.chooseKind('paired');
    },

    openPicker() {
      if (this.data.form.kind === 'residence') {
        this.setData({ 'errors.communityId': '居住地报到为您登记居住的社区' });
        return;
      }
      this.setData({ pickerVisible: true });
    },

    onCommunityConfirm(e: DetailEvent<{ value: string[] }>) {
      const id = e.detail.value[0];
      const name = this.data._communities.find((c) => c.communityId === id)?.name ?? '';
      this.setData({ pickerVisible: false, 'form.communityId': id, communityName: name });
    },

    async onSubmit(): Promise<void> {
      const { form } = this.data;
      const errors: Record<string, string> = {};
      if (!form.communityId) errors.communityId = '请选择报到社区';
      if (!form.unitName.trim()) errors.unitName = '请填写工作单位';
      if (!form.branchName.trim()) errors.branchName = '请填写所在党支部';
      const done = await this.submitForm({
        errors,
        toast: '已提交，等待社区确认',
        send: () =>
          outreach.report({
            communityId: form.communityId,
            unitName: form.unitName.trim(),
            branchName: form.branchName.trim(),
            kind: form.kind,
          }),
      });
      if (!done) return;
      this.setData({ 'form.unitName': '', 'form.branchName': '' });
      await this.load();
    },

    onNeeds() {
      openPage('/outreach/needs/index');
    },

    onRegister() {
      openPage('/pages/register/index');
    },
  },
});
