// 党员报到: a party member reports in to the community where they live or the one their unit is
// paired with (outreach.report), and sees their reports — waiting or confirmed — with any building
// role (楼栋党小组长 / 楼栋长) the community's party organisation has named them to. The paired
// community is chosen street first (the street step), starting at the member's own street.
import { callerBehavior } from '../../behaviors/page';
import { formBehavior } from '../../behaviors/form';
import { streetStepBehavior } from '../../behaviors/street-step';
import * as community from '../../services/community';
import * as outreach from '../service';
import type { FormOptions } from '../../../typings/api';
import type { DatasetEvent, DetailEvent } from '../../utils/events';
import { formOptions } from '../../utils/form-options';
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
  behaviors: [callerBehavior, formBehavior, pickerBehavior, streetStepBehavior],

  options: { pureDataPattern: /^_/ },

  data: {
    registered: true,
    isPartyMember: false,
    reports: [] as ReportRow[],
    /** Kinds already reported: the form offers the others. */
    reportedKinds: [] as string[],
    /** 居住地社区报到 / 单位结对社区报到, as the server names them (whoami's options). */
    kindOptions: [] as FormOptions['reportKinds'],
    form: { communityId: '', unitName: '', branchName: '', kind: 'residence' as outreach.ReportKind },
    communityName: '',
    _homeCommunityId: '',
    _homeName: '',
    _homeStreetId: '',
  },

  methods: {
    async load(): Promise<void> {
      // The member's own community (its name and street), never the whole city's list.
      const [user, home] = await Promise.all([this.caller(), community.list({ mine: true })]);
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
      const own = home.ok ? home.data.find((c) => c.communityId === user.communityId) : undefined;
      const reportedKinds = mine.data.map((r) => r.kind);
      const kind = reportedKinds.includes('residence') ? 'paired' : 'residence';
      this.setData({
        loading: false,
        registered: true,
        isPartyMember: user.isPartyMember,
        kindOptions: (await formOptions()).reportKinds,
        reports: mine.data.map(rowOf),
        reportedKinds,
        _homeCommunityId: user.communityId,
        _homeName: own?.name ?? '',
        _homeStreetId: own?.streetId ?? '',
      });
      await this.chooseKind(kind);
    },

    /** The community's name, among the chosen street's or the member's own. */
    nameOf(communityId: string): string {
      if (communityId === this.data._homeCommunityId) return this.data._homeName;
      return this.data.communities.find((c) => c.communityId === communityId)?.name ?? '';
    },

    /**
     * The kind of report; a residence report goes to the community one lives in. A paired one is
     * chosen street first: the streets are read the first time, starting at the member's own street.
     */
    async chooseKind(kind: outreach.ReportKind): Promise<void> {
      const communityId = kind === 'residence' ? this.data._homeCommunityId : this.data.form.communityId || this.data._homeCommunityId;
      this.setData({
        'form.kind': kind,
        'form.communityId': communityId,
        communityName: this.nameOf(communityId),
        'errors.communityId': '',
      });
      if (kind !== 'paired' || this.data.streetOptions.length) return;
      const failed =
        (await this.loadStreets()) ??
        (!this.data.streetId && this.data._homeStreetId ? await this.chooseStreet(this.data._homeStreetId) : null);
      if (failed) this.setData({ 'errors.streetId': failed.message });
    },

    onKind(e: DatasetEvent<{ kind: outreach.ReportKind }>) {
      this.chooseKind(e.currentTarget.dataset.kind);
    },

    openPicker() {
      const { form, streetId, streetLoading, communities } = this.data;
      if (form.kind === 'residence') this.setData({ 'errors.communityId': '居住地报到为您登记居住的社区' });
      else if (streetLoading) return;
      else if (!streetId) this.setData({ 'errors.communityId': '请先选择报到街道' });
      else if (!communities.length) this.setData({ 'errors.communityId': '该街道暂无可选的社区，请选择其他街道' });
      else this.setData({ pickerVisible: true });
    },

    onCommunityConfirm(e: DetailEvent<{ value: string[] }>) {
      this.setData({ pickerVisible: false });
      this.setCommunity(e.detail.value[0]);
    },

    /** The community reported to (the street step's: '' another street, or its only one). */
    setCommunity(communityId: string) {
      this.setData({ 'form.communityId': communityId, communityName: this.nameOf(communityId), 'errors.communityId': '' });
    },

    async onSubmit(): Promise<void> {
      const { form } = this.data;
      const errors: Record<string, string> = {};
      if (form.kind === 'paired' && !this.data.streetId) errors.streetId = '请选择报到街道';
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
