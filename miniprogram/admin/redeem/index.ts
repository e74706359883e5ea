// 使用邀请码 (admin subpackage): the invited person, identified by WeChat, takes the role the code
// grants (account.redeem) — no resident registration; a new account gets the name typed here.
// Opened from the share card (`code`) or a scanned code (`scene`), or typed in.
import type { Redeemed } from '../../../typings/admin';
import { pageBehavior } from '../../behaviors/page';
import * as admin from '../service';
import { refreshMe } from '../../services/session';
import type { DetailEvent } from '../../utils/events';
import { openPage } from '../../utils/navigate';
import { failureText } from '../shared';
import { codeOf, isCode } from './code';

Component({
  behaviors: [pageBehavior],

  // `code` from a share card, `scene` from a scanned mini-program code.
  properties: { code: String, scene: String },

  data: {
    typed: '',
    name: '',
    codeError: '',
    formError: '',
    busy: false,
    done: null as Redeemed | null,
  },

  lifetimes: {
    attached() {
      this.setData({ typed: codeOf({ code: this.data.code, scene: this.data.scene }) });
    },
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const code = codeOf(query);
      if (code) this.setData({ typed: code });
    },

    onCode(e: DetailEvent<{ value: string }>) {
      this.setData({ typed: e.detail.value.trim().toUpperCase(), codeError: '', formError: '' });
    },

    onName(e: DetailEvent<{ value: string }>) {
      this.setData({ name: e.detail.value, formError: '' });
    },

    async onRedeem() {
      const { typed: code, name, busy } = this.data;
      if (busy) return;
      if (!isCode(code)) {
        this.setData({ codeError: '邀请码为 8 位字母和数字' });
        return;
      }
      this.setData({ busy: true, formError: '' });
      const res = await admin.redeem(code, name.trim() || undefined);
      this.setData({ busy: false });
      if (!res.ok) {
        this.setData({ formError: failureText(res.error) });
        return;
      }
      // The caller's roles changed: every page asks afresh.
      await refreshMe();
      this.setData({ done: res.data });
    },

    onMine() {
      openPage('/pages/mine/index');
    },
  },
});
