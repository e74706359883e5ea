// 报到反馈 (party_org): for the half-year, each reported member's reporting and services in the
// community, grouped by their unit with the unit's totals (outreach.unitFeedback) — what the
// community sends back to the units (机关企事业单位) whose members reported in.
import { callerBehavior } from '../../behaviors/page';
import { staffOnly } from '../gate';
import * as outreach from '../service';

interface UnitCard {
  unitName: string;
  totals: string;
  members: Array<{ userId: string; name: string; line: string; services: string; confirmed: boolean }>;
}

/** 2026-H2 → 2026年下半年. */
const periodLabel = (p: string): string => `${p.slice(0, 4)}年${p.endsWith('H1') ? '上' : '下'}半年`;

/** The half-year before or after `p`. */
export function shiftPeriod(p: string, by: -1 | 1): string {
  const year = Number(p.slice(0, 4));
  const half = p.endsWith('H1') ? 1 : 2;
  if (by === 1) return half === 1 ? `${year}-H2` : `${year + 1}-H1`;
  return half === 2 ? `${year}-H1` : `${year - 1}-H2`;
}

const cardOf = (u: outreach.UnitFeedbackResult['units'][number]): UnitCard => ({
  unitName: u.unitName,
  totals: `报到 ${u.totals.members} 人（已确认 ${u.totals.confirmed} 人）· 一般服务 ${u.totals.general} 次 · 专业服务 ${u.totals.professional} 次 · 志愿服务 ${u.totals.hours} 小时`,
  members: u.members.map((m) => ({
    userId: m.userId,
    name: m.name,
    line: [m.branchName, m.kindLabel, ...m.buildingRoles].join(' · '),
    services: `一般服务 ${m.services.general} 次，专业服务 ${m.services.professional} 次，志愿服务 ${m.hours} 小时`,
    confirmed: m.status === 'confirmed',
  })),
});

Component({
  behaviors: [callerBehavior],

  data: {
    period: '',
    periodLabel: '',
    units: [] as UnitCard[],
  },

  methods: {
    async init(): Promise<void> {
      if (await this.caller(staffOnly('仅社区党组织可以查看报到反馈'))) await this.load();
    },

    /** The shown period's feedback again (the server's current half-year at first). */
    load(): Promise<void> {
      return this.loadPeriod(this.data.period || undefined);
    },

    async loadPeriod(period?: string): Promise<void> {
      const fresh = this.beginLoad();
      this.setData({ loading: true, error: '' });
      const res = await outreach.unitFeedback(this.data.communityId, period);
      if (!this.answered(fresh, res)) return;
      this.setData({
        loading: false,
        period: res.data.period,
        periodLabel: periodLabel(res.data.period),
        units: res.data.units.map(cardOf),
      });
    },

    onPrevious() {
      this.loadPeriod(shiftPeriod(this.data.period, -1));
    },

    onNext() {
      this.loadPeriod(shiftPeriod(this.data.period, 1));
    },
  },
});
