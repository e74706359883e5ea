/**
 * Firms' city-wide results (RULES.md §4) decided before their transaction and written in it
 * together, whatever the number of firms: every firm's rows of the period in all communities, its
 * city-wide result and the latest grades (city-grades.ts) are read at once; each result is then
 * computed, and the transaction issues the results and the grades document (one write) together,
 * each guarded by the state it was decided on: a result's `version`, the grades' period, an insert
 * under its unique id. A guard that fails (another community published the same firm meanwhile)
 * rolls the whole transaction back, and the caller decides again on fresh reads.
 */
import { cityCredit } from '../../domain/city-credit';
import type { Period } from '../../domain/period';
import { rulesFor } from '../../domain/rules-config';
import type { DocumentOps, Store } from '../../ports/store';
import { COMMUNITIES, type CommunityDoc } from '../community/community';
import { findAll } from '../find-all';
import type { AppContext } from '../context';
import { guardedChange } from '../guarded-change';
import { mustInsert, mustUpdate, Writes } from '../volunteer/seat-writes';
import { CITY_RESULTS, cityResultId, type CityResultDoc } from './city';
import { CITY_GRADES, LATEST_GRADES, recountCityGrades, withGrade, type CityGrades, type CityGradesDoc } from './city-grades';
import { FIRM_RESULTS, type FirmResultDoc } from './rating';

/** What the city-wide results of some firms for a period are decided on. */
export interface CityState {
  period: Period;
  /** Each firm's results of the period, in every community (the publication being written replaces its own). */
  rows: Map<string, FirmResultDoc[]>;
  /** Each firm's city-wide result as read (null: none yet). */
  current: Map<string, CityResultDoc | null>;
  grades: CityGradesDoc | null;
  /** The recount the grades start from when there is no document (data from before it). */
  start: CityGrades | null;
  /** The penalty per serious item of each community whose rows have serious items. */
  penalties: Map<string, number>;
}

/**
 * Reads the state of `firmIds` for `period`: their rows, their city-wide results and the grades
 * document together (one round); then, only where needed, the rules of communities whose rows
 * count serious items (a penalty is read only where it counts) and the recount of the grades when
 * there is no document. `known`: communities already read.
 */
export async function readCityState(
  store: Pick<Store, 'get' | 'find'>,
  period: Period,
  firmIds: readonly string[],
  known: readonly CommunityDoc[] = [],
): Promise<CityState> {
  const firms = [...new Set(firmIds)];
  // The calls that may fail as they are issued come first, the async ones (which reject instead) last:
  // a failing store leaves no read rejected with nobody to handle it.
  const [grades, current, found] = await Promise.all([
    store.get<CityGradesDoc>(CITY_GRADES, LATEST_GRADES),
    Promise.all(firms.map((f) => store.get<CityResultDoc>(CITY_RESULTS, cityResultId(f, period)))),
    firms.length === 0 ? Promise.resolve([]) : findAll<FirmResultDoc>(store, FIRM_RESULTS, { firmId: { $in: firms }, period }),
  ]);
  const penalties = new Map(known.map((c) => [c._id, rulesFor(c.rules).seriousItemPenalty]));
  const unknown = [...new Set(found.filter((r) => r.seriousItems > 0 && !penalties.has(r.communityId)).map((r) => r.communityId))];
  const [communities, start] = await Promise.all([
    Promise.all(unknown.map((id) => store.get<CommunityDoc>(COMMUNITIES, id))),
    grades ? Promise.resolve(null) : recountCityGrades(store),
  ]);
  unknown.forEach((id, i) => penalties.set(id, rulesFor(communities[i]?.rules).seriousItemPenalty));
  const rows = new Map(firms.map((f) => [f, found.filter((r) => r.firmId === f).sort((a, b) => (a._id < b._id ? -1 : 1))]));
  return { period, rows, current: new Map(firms.map((f, i) => [f, current[i]])), grades, start, penalties };
}

/** Adds to `into` the firms of `more` it lacks (read for firms found later). */
export function mergeCityState(into: CityState, more: CityState): CityState {
  for (const [f, rows] of more.rows) if (!into.rows.has(f)) into.rows.set(f, rows);
  for (const [f, doc] of more.current) if (!into.current.has(f)) into.current.set(f, doc);
  for (const [id, p] of more.penalties) if (!into.penalties.has(id)) into.penalties.set(id, p);
  return into;
}

/** One community's rows replacing its earlier ones (null: it no longer has a result for that firm). */
export interface Replacement {
  communityId: string;
  penalty: number;
  rows: Map<string, FirmResultDoc | null>;
}

/**
 * Issues on `tx`, into `writes`, every firm's city-wide result in `state` (with `replaced`'s rows
 * in place of its earlier ones) and the grades; each rejects with ConcurrentChange when its
 * document moved since `state` was read. `firmIds`: the firms to recompute.
 */
export function cityWrites(
  tx: Pick<DocumentOps, 'insert' | 'update'>,
  writes: Writes,
  state: CityState,
  firmIds: readonly string[],
  nowIso: string,
  replaced?: Replacement,
): void {
  const { period } = state;
  let grades: CityGrades | null = state.grades ? { period: state.grades.period, grades: state.grades.grades } : state.start;
  const changed: string[] = [];
  for (const firmId of new Set(firmIds)) {
    const earlier = (state.rows.get(firmId) ?? []).filter((r) => r.communityId !== replaced?.communityId);
    const own = replaced?.rows.get(firmId);
    const rows = own ? [...earlier, own].sort((a, b) => (a._id < b._id ? -1 : 1)) : earlier;
    const penaltyOf = (r: FirmResultDoc) =>
      r.communityId === replaced?.communityId ? replaced.penalty : (state.penalties.get(r.communityId) ?? 0);
    const result = cityCredit(
      rows.map((r) => ({
        communityId: r.communityId,
        compounds: r.compounds.map((c) => ({ compoundId: c.compoundId, score: c.score })),
        seriousItems: r.seriousItems,
        penalty: r.seriousItems > 0 ? penaltyOf(r) : 0,
      })),
    );
    const current = state.current.get(firmId) ?? null;
    const id = cityResultId(firmId, period);
    const fields = {
      ...result,
      firmId,
      firmName: rows[0]?.firmName ?? current?.firmName ?? '',
      period,
      sources: rows.map((r) => ({ communityId: r.communityId, n: r.n })),
      updatedAt: nowIso,
    };
    writes.add(
      current
        ? mustUpdate(
            tx.update(CITY_RESULTS, id, { $set: { ...fields, version: current.version + 1 } }, { version: current.version }),
            CITY_RESULTS,
          )
        : mustInsert(tx.insert<CityResultDoc>(CITY_RESULTS, { _id: id, ...fields, version: 1 }), CITY_RESULTS),
    );
    const next = withGrade(grades, firmId, period, result.grade);
    if (next !== grades) changed.push(firmId);
    grades = next;
  }
  const before = state.grades;
  if (grades && changed.length > 0) {
    if (!before) writes.add(mustInsert(tx.insert<CityGradesDoc>(CITY_GRADES, { _id: LATEST_GRADES, ...grades }), CITY_GRADES));
    else if (before.period === grades.period) {
      const set = Object.fromEntries(changed.map((f) => [`grades.${f}`, grades!.grades[f]]));
      writes.add(mustUpdate(tx.update(CITY_GRADES, LATEST_GRADES, { $set: set }, { period: before.period }), CITY_GRADES));
    } else {
      const set = { period: grades.period, grades: grades.grades };
      writes.add(mustUpdate(tx.update(CITY_GRADES, LATEST_GRADES, { $set: set }, { period: before.period }), CITY_GRADES));
    }
  }
}

/** How often a recomputation is decided again when another one moved its documents first. */
export const CITY_ATTEMPTS = 10;

/**
 * Recomputes the firms' city-wide results for the period from every community's results in force
 * and writes them with the grades in one transaction (the module's comment), deciding again on
 * fresh reads when another recomputation moved a document first.
 */
export async function recomputeCityResults(ctx: Pick<AppContext, 'store' | 'clock'>, period: Period, firmIds: string[]): Promise<void> {
  const read = () => readCityState(ctx.store, period, firmIds);
  await guardedChange({
    first: await read(),
    reread: read,
    attempts: CITY_ATTEMPTS,
    // Moved at every attempt: the last guard's ConcurrentChange is thrown (there is no answer here).
    busy: (_what, err): never => {
      throw err;
    },
    attempt: (state) =>
      ctx.store.transaction(async (tx) => {
        const writes = new Writes();
        cityWrites(tx, writes, state, firmIds, ctx.clock.now().toISOString());
        await writes.settle();
      }),
  });
}
