import { cityCredit, type CityFirmResult } from '../../domain/city-credit';
import type { Period } from '../../domain/period';
import { rulesFor } from '../../domain/rules-config';
import { DuplicateKeyError, type Doc, whole } from '../../ports/store';
import { INVITATIONS, type InvitationDoc } from '../account/invitations';
import { USERS, type UserDoc } from '../account/user';
import { grantsOf } from '../scope';
import { isCompoundPartyMember } from '../../domain/raters';
import { COMMUNITIES, type CommunityDoc, type CompoundDoc } from '../community/community';
import type { AppContext } from '../context';
import { CITY_GRADES, LATEST_GRADES, recountCityGrades, writeCityGrade, type CityGradesDoc } from './city-grades';
import { FIRM_RESULTS, type FirmResultDoc } from './rating';

/** A firm's city-wide result for one period, recomputed at every publication of any community. */
export const CITY_RESULTS = 'rating_city_results';

export interface CityResultDoc extends Doc, CityFirmResult {
  firmId: string;
  firmName: string;
  period: Period;
  /** The community publications it was computed from. */
  sources: Array<{ communityId: string; n: number }>;
  /** Moves with every recomputation: the conditional update that keeps concurrent publications from losing one. */
  version: number;
  updatedAt: string;
}

export const cityResultId = (firmId: string, period: string) => `${firmId}:${period}`;

/**
 * Recomputes each firm's city-wide result for the period from every community's publication in
 * force (RULES.md §4), after a publication is stored. Optimistic: the result document's version
 * is read before the publications, and written only if unchanged, so two communities publishing
 * at once cannot leave a result that misses one of them. Each result is written in one transaction
 * with its grade in the latest grades (city-grades.ts), which start from a recount where there are
 * none yet (data from before them).
 */
export async function recomputeCityResults(ctx: Pick<AppContext, 'store' | 'clock'>, period: Period, firmIds: string[]): Promise<void> {
  const start = (await ctx.store.get(CITY_GRADES, LATEST_GRADES)) ? null : await recountCityGrades(ctx.store);
  for (const firmId of new Set(firmIds)) {
    const id = cityResultId(firmId, period);
    for (let attempt = 0; attempt < 10; attempt++) {
      const current = await ctx.store.get<CityResultDoc>(CITY_RESULTS, id);
      const rows = await ctx.store.find<FirmResultDoc>(FIRM_RESULTS, { firmId, period }, { limit: whole(1000) });
      const communities = await Promise.all(rows.map((r) => ctx.store.get<CommunityDoc>(COMMUNITIES, r.communityId)));
      const result = cityCredit(
        rows.map((r, i) => ({
          communityId: r.communityId,
          compounds: r.compounds.map((c) => ({ compoundId: c.compoundId, score: c.score })),
          seriousItems: r.seriousItems,
          penalty: rulesFor(communities[i]?.rules).seriousItemPenalty,
        })),
      );
      const fields = {
        ...result,
        firmId,
        firmName: rows[0]?.firmName ?? current?.firmName ?? '',
        period,
        sources: rows.map((r) => ({ communityId: r.communityId, n: r.n })),
        updatedAt: ctx.clock.now().toISOString(),
      };
      try {
        const written = await ctx.store.transaction(async (tx) => {
          const [stored, grades] = await Promise.all([
            current
              ? tx.update(CITY_RESULTS, id, { $set: { ...fields, version: current.version + 1 } }, { version: current.version })
              : tx.insert(CITY_RESULTS, { _id: id, ...fields, version: 1 }).then(() => 1),
            tx.get<CityGradesDoc>(CITY_GRADES, LATEST_GRADES),
          ]);
          if (stored) await writeCityGrade(tx, grades, start, { firmId, period, grade: result.grade });
          return stored === 1;
        });
        if (written) break;
      } catch (err) {
        if (!(err instanceof DuplicateKeyError)) throw err;
      }
    }
  }
}

/** The latest city-wide result of each firm (null where it was never published). */
export async function latestCityResults(ctx: Pick<AppContext, 'store'>, firmIds: string[]): Promise<Map<string, CityResultDoc>> {
  const rows = await ctx.store.find<CityResultDoc>(
    CITY_RESULTS,
    { firmId: { $in: firmIds } },
    {
      orderBy: [
        ['firmId', 'asc'],
        ['period', 'desc'],
      ],
      limit: whole(1000),
    },
  );
  const out = new Map<string, CityResultDoc>();
  for (const r of rows) if (!out.has(r.firmId) && r.grade !== undefined) out.set(r.firmId, r);
  return out;
}

/**
 * Whether the compound has a compound party organisation (RULES.md §4): someone active holds the
 * compound_party role for it — a resident granted it, or anyone, living anywhere, who redeemed an
 * invitation to it and still holds it (domain/raters.ts decides on each person's grants).
 */
export async function hasCompoundParty(ctx: Pick<AppContext, 'store'>, compound: CompoundDoc): Promise<boolean> {
  const member = (users: Array<UserDoc | null>) =>
    users.some((u) => !!u && isCompoundPartyMember({ status: u.status, held: grantsOf(u) }, compound));
  const residents = await ctx.store.find<UserDoc>(
    USERS,
    { status: 'active', roles: { $contains: 'compound_party' }, compoundId: compound._id },
    { limit: whole(50) },
  );
  if (member(residents)) return true;
  const invited = await ctx.store.find<InvitationDoc>(
    INVITATIONS,
    { 'scope.compoundId': compound._id, role: 'compound_party', redeemedBy: { $ne: null } },
    { limit: whole(200) },
  );
  const ids = [...new Set(invited.map((i) => i.redeemedBy as string))].filter((id) => !residents.some((u) => u._id === id));
  return member(await Promise.all(ids.map((id) => ctx.store.get<UserDoc>(USERS, id))));
}
