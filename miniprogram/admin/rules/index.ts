// 社区规则 (admin subpackage): the rules in force in a community (admin.rules) — time limits,
// cancellation cut-off, attendance share, rating weights, penalty, targets — as the server holds
// them, and changing some of them (admin.setRules sends only the changed figures). The community
// is picked with <community-picker> (query `communityId` to start at one).
import type { RulesConfig } from '../../../typings/admin';
import { adminPageBehavior } from '../behavior';
import * as admin from '../service';
import { confirm } from '../../utils/confirm';
import type { DetailEvent } from '../../utils/events';
import { failureText } from '../shared';
import { formOf, patchOf, RULE_GROUPS } from './fields';

Component({
  behaviors: [adminPageBehavior],

  properties: {
    /** A community to start at (query), instead of the caller's own. */
    communityId: { type: String, value: '' },
  },

  data: {
    /** The community shown (the picker's choice). */
    chosen: '',
    name: '',
    groups: RULE_GROUPS,
    form: {} as Record<string, string>,
    inForce: null as RulesConfig | null,
  },

  methods: {
    onCommunity(e: DetailEvent<{ communityId: string; picked: boolean }>) {
      const communityId = e.detail.communityId;
      if (!communityId) {
        // A street the admin picked may have no community yet (the picker says so).
        this.beginLoad();
        this.setData({ loading: false, chosen: '', inForce: null, forbidden: e.detail.picked ? '' : '您没有可设置规则的社区' });
        return;
      }
      this.setData({ chosen: communityId });
      this.load();
    },

    onCommunityFail(e: DetailEvent<{ message: string }>) {
      this.setData({ loading: false, error: e.detail.message });
    },

    async load() {
      const fresh = this.beginLoad();
      this.setData({ loading: true, error: '', forbidden: '', formError: '' });
      const res = await admin.rules(this.data.chosen);
      if (!this.answered(fresh, res)) return;
      this.setData({ loading: false, name: res.data.name, inForce: res.data.rules, form: formOf(res.data.rules) });
    },

    onInput(e: DetailEvent<{ value: string }, { key: string }>) {
      this.setData({ form: { ...this.data.form, [e.currentTarget.dataset.key]: e.detail.value }, formError: '' });
    },

    async onSave() {
      const { inForce, form, saving, chosen, name } = this.data;
      if (saving || !inForce) return;
      const out = patchOf(inForce, form);
      if ('error' in out) {
        this.setData({ formError: out.error });
        return;
      }
      if (!out.changed) {
        this.setData({ formError: '没有修改任何参数' });
        return;
      }
      if (!(await confirm({ title: '保存规则', content: `修改${name}的 ${out.changed} 项参数？` }))) return;
      this.setData({ saving: true, formError: '' });
      const res = await admin.setRules(chosen, out.patch);
      this.setData({ saving: false });
      if (!res.ok) {
        this.setData({ formError: failureText(res.error) });
        return;
      }
      wx.showToast({ title: '已保存', icon: 'success' });
      this.setData({ inForce: res.data.rules, form: formOf(res.data.rules) });
    },
  },
});
