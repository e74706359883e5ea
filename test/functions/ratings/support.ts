/** What the tests of this function share: a harness per test (the demo seed) and helpers bound to it. */
import type { SheetView } from '../../../cloudfunctions/core/app/ratings/views';
import { compoundSatisfaction } from '../../../cloudfunctions/core/app/requests/stats';
import { DEMO } from '../../../cloudfunctions/core/seed/demo-ids';
import { makeHarness, type Harness } from '../../support/harness';

/** A rating sheet as `submit` answers it. */
export type Sheet = SheetView & { state: string };

/** A fresh harness for each test of the calling file, with helpers bound to it. */
export function useRatingsHarness() {
  const box: { h?: Harness } = {};
  beforeEach(async () => {
    box.h = await makeHarness();
  });
  afterEach(() => box.h?.close());
  const harness = (): Harness => {
    if (!box.h) throw new Error('no harness outside a test');
    return box.h;
  };

  const all = (n: number) => ({ environment: n, greening: n, security: n, facilities: n, repairs: n, fees: n, coGovernance: n });
  const sheet = { compoundId: DEMO.compound1, period: '2026-H2', scores: all(4), comment: '整体不错' };

  const errorOf = (r: { ok: boolean; error?: { code: string; reason?: string } }) =>
    r.ok ? null : { code: r.error?.code, reason: r.error?.reason };

  /**
   * The quality score RULES.md §4 gives, worked out here independently of the domain module:
   * 0.4 satisfaction + 0.3 party + 0.3 committee over the components that have data. Owner
   * satisfaction comes from the requests feature's seed, so it is read, not assumed.
   */
  async function expectedQuality(compoundId: string, party: number | null, committee: number | null): Promise<number> {
    const s = await compoundSatisfaction(harness().deps, compoundId, '2026-07-01T00:00:00+08:00', '2027-01-01T00:00:00+08:00');
    const parts: Array<[number | null, number]> = [
      [s.rated > 0 ? (100 * s.satisfied) / s.rated : null, 0.4],
      [party, 0.3],
      [committee, 0.3],
    ];
    const present = parts.filter(([v]) => v !== null) as Array<[number, number]>;
    return Math.round((present.reduce((a, [v, w]) => a + v * w, 0) / present.reduce((a, [, w]) => a + w, 0)) * 100) / 100;
  }

  const gradeFor = (score: number) => (score >= 85 ? 'AAA' : score >= 80 ? 'AA' : score >= 70 ? 'A' : score >= 60 ? 'B' : 'C');

  /** Adds a second community with one compound served by a third firm. */
  async function addOtherCommunity(): Promise<void> {
    await harness().store.insert('communities', {
      _id: 'cm_other',
      name: '其他社区',
      city: '荆州市',
      district: '荆州区',
      street: '东城街道',
      population: 50,
      createdAt: '2026-01-01T00:00:00+08:00',
    });
    await harness().store.insert('firms', { _id: 'f_other', name: '其他物业', creditCode: 'X', contactPhone: '07160000000' });
    await harness().store.insert('compounds', {
      _id: 'cp_other',
      communityId: 'cm_other',
      name: '其他小区',
      firmId: 'f_other',
      firmName: '其他物业',
    });
  }

  return {
    get h(): Harness {
      return harness();
    },
    all,
    sheet,
    errorOf,
    expectedQuality,
    gradeFor,
    addOtherCommunity,
  };
}
