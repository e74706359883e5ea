/**
 * The bench's city generator (bench/city/): at a tiny scale it writes the stated counts, its
 * documents are what the product's builders would write, and the real actions read them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { UserDoc } from '../../cloudfunctions/core/app/account/user';
import { recountCommunity, streetTotals } from '../../cloudfunctions/core/app/admin/recount';
import type { CommunityDoc, CompoundDoc, StreetDoc, StreetTotalsDoc } from '../../cloudfunctions/core/app/community/community';
import type { StreetBusiest, StreetFirmsDoc } from '../../cloudfunctions/core/app/community/totals';
import { recountBackbone } from '../../cloudfunctions/core/app/outreach/stats';
import { LATEST_GRADES, recountCityGrades, type CityGradesDoc } from '../../cloudfunctions/core/app/ratings/city-grades';
import type { RequestDoc } from '../../cloudfunctions/core/app/requests/request';
import type { RatingPeriodDoc } from '../../cloudfunctions/core/app/ratings/rating';
import type { SignupDoc, VolunteerDoc } from '../../cloudfunctions/core/app/volunteer/model';
import { generateCity, type CityReport } from '../../bench/city/generate';
import type { Person } from '../../bench/city/places';
import { replayRequest, type RequestPath } from '../../bench/city/requests';
import { cityAt } from '../../bench/city/shape';
import { openWorld, type World } from '../../bench/lib/world';

const FRACTION = 0.002;
let dir: string;
let report: CityReport;
let w: World;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'city-test-'));
  const file = path.join(dir, 'city.db');
  report = await generateCity(file, FRACTION);
  w = await openWorld(file, { seed: false });
}, 120_000);

afterAll(async () => {
  await w?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const rows = <T>(collection: string, where = '1', ...params: unknown[]): T[] =>
  (w.deps.store.db.prepare(`SELECT data FROM "${collection}" WHERE ${where}`).all(...params) as Array<{ data: string }>).map(
    (r) => JSON.parse(r.data) as T,
  );

const personOf = (u: UserDoc): Person => ({
  userId: u._id,
  openid: u.openid,
  name: u.name,
  phone: u.phone,
  building: u.building,
  room: u.room,
  isPartyMember: u.isPartyMember,
});

test("the city is the issue's Jingzhou, and a tenth of it is a tenth of everything", () => {
  expect(cityAt(1)).toMatchObject({
    streets: 30,
    communities: 368,
    compounds: 3000,
    residents: 300_000,
    requests: 1_000_000,
    signups: 200_000,
    ratingPeriods: 10,
  });
  expect(cityAt(0.1)).toMatchObject({
    streets: 3,
    communities: 37,
    compounds: 300,
    residents: 30_000,
    requests: 100_000,
    signups: 20_000,
    ratingPeriods: 10,
  });
});

test('writes the stated counts of a city at two thousandths of Jingzhou', () => {
  const { shape, counts } = report;
  expect(shape).toMatchObject({
    streets: 2,
    communities: 2,
    compounds: 6,
    residents: 600,
    requests: 2000,
    signups: 400,
    ratingPeriods: 10,
  });
  expect(counts.streets).toBe(shape.streets);
  expect(counts.communities).toBe(shape.communities);
  expect(counts.compounds).toBe(shape.compounds);
  expect(counts.firm_assignments).toBe(shape.compounds);
  expect(counts.users).toBe(shape.residents);
  expect(counts.requests).toBe(shape.requests);
  expect(counts.signups).toBe(shape.signups);
  expect(counts.firms).toBe(shape.firms);
  // Five years of half-years published in every community (the demo's own periods as it seeded them).
  for (const c of rows<{ _id: string }>('communities')) {
    const published = rows<RatingPeriodDoc>('rating_periods', "json_extract(data, '$.communityId') = ?", c._id).filter(
      (p) => p.state === 'published',
    );
    expect(published.length).toBeGreaterThanOrEqual(shape.ratingPeriods);
  }
});

test('a generated request is the document the builders and the state machine give for its path', () => {
  const all = rows<RequestDoc>('requests', "_id LIKE 'rq\\_%' ESCAPE '\\' AND _id NOT LIKE 'rq_demo%'");
  expect(all.length).toBeGreaterThan(1900);
  const users = new Map(rows<UserDoc>('users').map((u) => [u._id, u]));
  const compounds = new Map(rows<CompoundDoc>('compounds').map((c) => [c._id, c]));
  const titles = ['楼道声控灯不亮', '垃圾清运不及时', '电梯运行异响', '绿化带长期无人修剪'];
  const states = new Set<string>();
  for (const doc of all.filter((_, i) => i % 37 === 0)) {
    const autoClosed = doc.timeline.some((e) => e.action === 'autoClose');
    const path: RequestPath = {
      filing: titles.indexOf(doc.title),
      lead: doc.leadParty ?? 'property',
      score: autoClosed ? null : (doc.rating?.score ?? 5),
      isPublic: doc.isPublic,
      steps: doc.timeline.length - 1,
    };
    const rc = users.get(w.userId(`city-rc-${doc.communityId}`)) as UserDoc;
    const lead = doc.leadParty === 'residents_committee' ? rc : (users.get(w.userId(`city-pf-${doc.firmId}`)) as UserDoc);
    const replayed = replayRequest(path, {
      id: doc._id,
      filedAt: new Date(doc.createdAt),
      compound: compounds.get(doc.compoundId) as CompoundDoc,
      submitter: personOf(users.get(doc.submitterId as string) as UserDoc),
      rc: personOf(rc),
      lead: personOf(lead),
    });
    expect(doc).toEqual(replayed);
    states.add(doc.status);
  }
  expect(states.has('closed')).toBe(true);
});

test('the real actions read the generated city', async () => {
  const resident = rows<UserDoc>('users', "json_extract(data, '$.openid') = 'city-r5'")[0];
  const me = await w.must<{ user: { userId: string; communityId: string } }>('account', 'whoami', {}, 'city-r5');
  expect(me.user).toMatchObject({ userId: resident._id, communityId: resident.communityId });

  const filed = rows<RequestDoc>('requests', "json_extract(data, '$.submitterId') = ?", resident._id);
  const submitter = filed.length
    ? resident
    : (rows<UserDoc>('users', '_id = ?', rows<RequestDoc>('requests', "_id NOT LIKE 'rq_demo%'")[0].submitterId)[0] as UserDoc);
  const theirs = rows<RequestDoc>('requests', "json_extract(data, '$.submitterId') = ?", submitter._id);
  const mine = await w.must<{ items: Array<{ requestId: string }> }>('requests', 'list', { scope: 'mine' }, submitter.openid);
  expect(mine.items.map((i) => i.requestId).sort()).toEqual(
    theirs
      .map((r) => r._id)
      .sort()
      .slice(0, mine.items.length),
  );
  const one = await w.must<{ timeline: unknown[]; status: string }>('requests', 'get', { requestId: theirs[0]._id }, submitter.openid);
  expect(one.timeline).toHaveLength(theirs[0].timeline.length);
  expect(one.status).toBe(theirs[0].status);

  const volunteer = rows<VolunteerDoc>('volunteers', "json_extract(data, '$.totalHours') > 0")[0];
  const records = rows<SignupDoc>('signups', "json_extract(data, '$.userId') = ?", volunteer._id);
  expect(records.reduce((n, s) => n + s.hours, 0)).toBe(volunteer.totalHours);
  const openid = (rows<UserDoc>('users', '_id = ?', volunteer._id)[0] as UserDoc).openid;
  const mineRecords = await w.call('volunteer', 'myRecords', {}, openid);
  expect(mineRecords.ok).toBe(true);

  for (const c of rows<{ _id: string; backbone?: Record<string, number> }>('communities')) {
    const recount = await recountBackbone(w.deps.store, c._id);
    for (const [k, n] of Object.entries(recount)) expect([c._id, k, c.backbone?.[k] ?? 0]).toEqual([c._id, k, n]);
  }

  const firm = rows<{ _id: string }>('firms', "_id LIKE 'f_city%'")[0];
  const history = await w.call<{ history?: unknown[] }>('ratings', 'firm', { firmId: firm._id }, 'city-r5');
  expect(history.ok).toBe(true);
  const board = await w.call('ratings', 'board', {}, 'city-r5');
  expect(board.ok).toBe(true);
});

test("each street's totals are its communities' figures recounted, as the product keeps them on write", async () => {
  const streets = rows<StreetDoc>('streets');
  expect(streets.length).toBeGreaterThan(1);
  for (const street of streets) {
    const communities = rows<CommunityDoc>('communities', "json_extract(data, '$.streetId') = ?", street._id);
    const recounted = await Promise.all(
      communities.map(async (c) => ({
        ...c,
        counters: (await recountCommunity(w.deps.store, c._id)).counters,
        backbone: await recountBackbone(w.deps.store, c._id),
      })),
    );
    const want = streetTotals(recounted);
    const [totals] = rows<StreetTotalsDoc & StreetBusiest>('street_totals', '_id = ?', street._id);
    const [firms] = rows<StreetFirmsDoc>('street_firms', '_id = ?', street._id);
    const ranked = (b: StreetBusiest) => [b.firmCount, b.busiest?.map((f) => [f.firmId, f.total])];
    expect([
      street._id,
      street.communities,
      nonZero(totals?.counters),
      nonZero(totals?.backbone),
      nonZero(firms?.firm),
      ranked(totals ?? {}),
    ]).toEqual([street._id, want.communities, nonZero(want.counters), nonZero(want.backbone), nonZero(want.firm), ranked(want)]);
  }
  // The city overview sums the streets: its total is every community's.
  const view = await w.must<{ total: { communities: number; requests: { total: number; firmCount: number } } }>(
    'admin',
    'overview',
    { level: 'city' },
    'demo-admin',
  );
  expect(view.total.communities).toBe(report.shape.communities);
  expect(view.total.requests.total).toBe(report.shape.requests);
  expect(view.total.requests.firmCount).toBe(rows('firm_totals', "json_extract(data, '$.requests.total') > 0").length);
});

test("the latest city-wide grades are one document equal to a recount of the latest period's results, as the overview counts them", async () => {
  const [doc] = rows<CityGradesDoc>('rating_city_grades', '_id = ?', LATEST_GRADES);
  const recount = await recountCityGrades(w.deps.store);
  expect(recount?.period).toBe(
    rows<{ period: string }>('rating_city_results', "1 ORDER BY json_extract(data, '$.period') DESC LIMIT 1")[0].period,
  );
  expect(Object.keys(recount?.grades ?? {}).length).toBeGreaterThan(2);
  expect({ period: doc?.period, grades: doc?.grades }).toEqual(recount);
  const view = await w.must<{ period: string; total: { firmsByGrade: Record<string, number> } }>(
    'admin',
    'overview',
    { level: 'city' },
    'demo-admin',
  );
  expect(view.period).toBe(recount?.period);
  const graded = Object.entries(view.total.firmsByGrade).filter(([g]) => g !== 'none');
  expect(graded.reduce((n, [, k]) => n + k, 0)).toBeGreaterThan(0);
});

/** Every non-zero number of a nested object, by dotted path (a missing counter is 0). */
function nonZero(value: unknown, prefix = '', out: Record<string, number> = {}): Record<string, number> {
  if (typeof value === 'number') {
    if (value !== 0) out[prefix] = value;
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) if (k !== 'recountedAt') nonZero(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}
