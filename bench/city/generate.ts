/**
 * Generates the bench's city into an embedded database file: the demo seed first (through the
 * store, as the product seeds it), then the city around it written straight into the store's
 * tables in one transaction (bulk.ts), then the indexes. See bench/README.md, "city".
 */
import Database from 'better-sqlite3';
import type { UserDoc } from '../../cloudfunctions/core/app/account/user';
import type { CommunityDoc, CompoundDoc, FirmDoc, StreetDoc } from '../../cloudfunctions/core/app/community/community';
import { backfillHolders, HOLDERS_BACKFILL_MARK } from '../../cloudfunctions/core/app/account/holders-backfill';
import { backfillCounters } from '../../cloudfunctions/core/app/admin/recount';
import { backfillCityGrades, LATEST_GRADES } from '../../cloudfunctions/core/app/ratings/city-grades';
import { FixedClock } from '../../cloudfunctions/core/adapters/clocks';
import { periodOf } from '../../cloudfunctions/core/domain/period';
import { createLocalDeps } from '../../cloudfunctions/core/runtime/local-deps';
import { seedDemo } from '../../cloudfunctions/core/seed/demo';
import { BENCH_NOW } from '../lib/round-trips';
import { BulkWriter } from './bulk';
import { writePlaces } from './places';
import { pastPeriods, writeRatings } from './ratings';
import { writeRequests } from './requests';
import { cityAt, prng, type CityShape } from './shape';
import { writeVolunteering } from './volunteer';

export interface CityReport {
  fraction: number;
  shape: CityShape;
  /** Documents per collection in the file. */
  counts: Record<string, number>;
  requestStates: Record<string, number>;
  volunteers: number;
  activities: number;
  ratingPublications: number;
  ms: number;
}

/** Writes the city at `fraction` of Jingzhou into `filename` (a new file). */
export async function generateCity(filename: string, fraction: number, log: (msg: string) => void = () => {}): Promise<CityReport> {
  const started = Date.now();
  const shape = cityAt(fraction);
  const clock = new FixedClock(BENCH_NOW);
  const now = clock.now();
  const deps = createLocalDeps({ filename, clock });
  await seedDemo(deps);
  const salt = deps.userIdSalt;
  await deps.store.close();

  const db = new Database(filename);
  const w = new BulkWriter(db);
  const all = <T>(c: string) =>
    (db.prepare(`SELECT data FROM "${c}" ORDER BY _id`).all() as Array<{ data: string }>).map((r) => JSON.parse(r.data) as T);
  const existing = {
    streets: all<StreetDoc>('streets'),
    // The demo's first community first: it gets its share of everything.
    communities: all<CommunityDoc>('communities').sort((a, b) => (a._id === 'cm_hongxing' ? -1 : b._id === 'cm_hongxing' ? 1 : 0)),
    firms: all<FirmDoc>('firms'),
    compounds: all<CompoundDoc>('compounds'),
    users: all<UserDoc>('users'),
  };
  const random = prng(20261120);
  w.begin();
  try {
    const city = writePlaces(w, shape, existing, now.toISOString(), salt);
    log(`city ${fraction}: places and ${shape.residents} people in ${Date.now() - started} ms`);
    // The demo's own requests and signups count towards the city's.
    const have = (c: string) => (db.prepare(`SELECT COUNT(*) AS n FROM "${c}"`).get() as { n: number }).n;
    const { satisfaction, states } = writeRequests(
      w,
      city,
      shape.requests - have('requests'),
      now,
      (iso) => periodOf(new Date(iso)),
      random,
    );
    log(`city ${fraction}: ${shape.requests} requests in ${Date.now() - started} ms`);
    const volunteering = await writeVolunteering(w, city, shape.signups - have('signups'), now);
    log(`city ${fraction}: volunteering in ${Date.now() - started} ms`);
    const ratings = await writeRatings(w, city, pastPeriods(now, shape.ratingPeriods), satisfaction, random);
    log(`city ${fraction}: rating periods in ${Date.now() - started} ms`);
    // The generated staff's holder records (account/holders.ts) come from the backfill below: the
    // demo seed's pass is marked done, so it starts again over everyone.
    db.prepare('DELETE FROM "role_holders" WHERE _id = ?').run(HOLDERS_BACKFILL_MARK);
    // The latest city-wide grades (app/ratings/city-grades.ts) come from the backfill below too: the
    // seed's document predates the city's results.
    db.prepare('DELETE FROM "rating_city_grades" WHERE _id = ?').run(LATEST_GRADES);
    w.finish();
    log(`city ${fraction}: indexes in ${Date.now() - started} ms`);
    const counts = w.counts();
    db.close();
    // The oversight counters of every community, from the records (as a deployment's backfill sets them).
    const after = createLocalDeps({ filename, clock });
    await backfillCounters(after, { onlyMissing: false });
    log(`city ${fraction}: oversight counters in ${Date.now() - started} ms`);
    // The latest city-wide grades in one document (as a deployment's backfill starts it, and the publications keep it).
    await backfillCityGrades(after.store);
    // Who holds which role where, for the generated staff too (as a deployment's backfill writes it).
    await backfillHolders(after);
    await after.store.close();
    log(`city ${fraction}: role holders in ${Date.now() - started} ms`);
    return {
      fraction,
      shape,
      counts,
      requestStates: states,
      volunteers: volunteering.volunteers,
      activities: volunteering.activities,
      ratingPublications: ratings.published,
      ms: Date.now() - started,
    };
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    db.close();
    throw err;
  }
}
