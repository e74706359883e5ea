/**
 * Exports at city scale (issue #12 §6): past the store's 1,000 documents per read every record is
 * in the file; past the export limit the export is refused with EXPORT_TOO_LARGE, never a file cut
 * short; a city-wide ledger reads with a bounded number of database requests in flight.
 */
import { EXPORT_IN_FLIGHT, EXPORT_RECORD_LIMIT } from '../../cloudfunctions/core/app/exports/limits';
import type { ExportFile } from '../../cloudfunctions/core/app/exports/workbook';
import { FUNCTIONS } from '../../cloudfunctions/core/app/functions';
import { MAX_FIND_LIMIT, whole, type Doc, type Filter } from '../../cloudfunctions/core/ports/store';
import { createCloudEntry, platformContextFor } from '../../cloudfunctions/core/runtime/cloud-entry';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { makeHarness, type Harness } from '../support/harness';
import { InFlightStore } from '../support/in-flight-store';
import { openWorkbook } from '../support/workbook';

// Each test writes and reads back files of thousands of rows with exceljs: seconds on a loaded machine.
jest.setTimeout(120_000);

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

type Row = Doc & Record<string, unknown>;

/** A seeded document of the collection matching `filter`. */
async function seeded<T extends Doc = Row>(collection: string, filter: Filter): Promise<T> {
  const [doc] = await h.store.find<T>(collection, filter, { limit: whole(1) });
  if (!doc) throw new Error(`the seed has no ${collection} like ${JSON.stringify(filter)}`);
  return doc;
}

/** `n` copies of a document, each with its own id and what `vary` gives it, written directly. */
async function copies<T extends Doc>(collection: string, template: T, n: number, vary: (i: number) => Partial<T> = () => ({})) {
  await h.store.transaction(async (tx) => {
    for (let i = 0; i < n; i++) await tx.insert(collection, { ...template, _id: `${template._id}~${i}`, ...vary(i) });
  });
}

async function exported(fn: 'ratings' | 'admin', action: string, data: unknown, openid: string): Promise<ExportFile> {
  const r = await h.call<ExportFile>(fn, action, data, openid);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.data;
}

const sheet = async (file: ExportFile, name: string) => (await openWorkbook(h.deps, file.fileId))[name];

type Result = Doc & { communityId: string; period: string; compounds: Array<{ compoundName: string }> };

describe('every record past the store’s 1,000 per read', () => {
  test('ratings.export holds every compound of a period with 1,100 firm results more', async () => {
    const template = await seeded<Result>('rating_firm_results', { communityId: DEMO.communityId, period: '2026-H1' });
    await copies('rating_firm_results', template, 1100, (i) => ({
      compounds: [{ ...template.compounds[0], compoundName: `测试小区${i}` }],
    }));
    const results = await h.store.count('rating_firm_results', { communityId: DEMO.communityId, period: '2026-H1' });
    expect(results).toBeGreaterThan(1100);

    const file = await exported('ratings', 'export', { period: '2026-H1', communityId: DEMO.communityId }, 'demo-party');
    const rows = await sheet(file, '信用评价');
    const names = new Set(rows.map((r) => r['小区']));
    for (let i = 0; i < 1100; i++) expect(names.has(`测试小区${i}`)).toBe(true);
    expect(rows.length).toBe(file.rows['信用评价']);
    expect(rows.length).toBeGreaterThan(1100);

    // The rating-results ledger: every compound of every period of the community.
    const ledger = await exported('admin', 'exportLedger', { ledger: 'ratings', communityId: DEMO.communityId }, 'demo-party');
    const all = await h.store.find<Result>(
      'rating_firm_results',
      { communityId: DEMO.communityId, _id: { $gt: '' } },
      { limit: MAX_FIND_LIMIT },
    );
    const rest = await h.store.find<Result>('rating_firm_results', {
      communityId: DEMO.communityId,
      _id: { $gt: all[all.length - 1]._id },
    });
    const expected = [...all, ...rest].reduce((n, r) => n + r.compounds.length, 0);
    expect((await sheet(ledger, '信用评价')).length).toBe(expected);
  });

  test('the requests ledger holds every request and every step of 1,100 requests more', async () => {
    const template = await seeded('requests', { communityId: DEMO.communityId });
    const seededCount = await h.store.count('requests', { communityId: DEMO.communityId });
    await copies('requests', template, 1100, (i) => ({ title: `测试诉求${i}` }));
    const file = await exported('admin', 'exportLedger', { ledger: 'requests', communityId: DEMO.communityId }, 'demo-rc');
    const requests = await sheet(file, '诉求');
    expect(requests).toHaveLength(seededCount + 1100);
    expect(new Set(requests.map((r) => r['编号'])).size).toBe(seededCount + 1100);
    const steps = await sheet(file, '办理过程');
    expect(steps.filter((s) => String(s['诉求编号']).startsWith(`${template._id}~`))).toHaveLength(
      1100 * (template.timeline as unknown[]).length,
    );
  });

  test('the volunteer ledger holds every attended signup of 1,050 more', async () => {
    const template = await seeded('signups', { communityId: DEMO.communityId, attendance: 'attended' });
    const seededCount = await h.store.count('signups', { communityId: DEMO.communityId, attendance: 'attended' });
    await copies('signups', template, 1050, (i) => ({ userId: `u_copy_${i}` }));
    const file = await exported('admin', 'exportLedger', { ledger: 'volunteer_records', communityId: DEMO.communityId }, 'demo-party');
    expect(await sheet(file, '志愿服务记录')).toHaveLength(seededCount + 1050);
  });

  test('the outreach ledger holds every one of 1,010 members more', async () => {
    const template = await seeded('outreach_reports', { communityId: DEMO.communityId });
    const seededCount = await h.store.count('outreach_reports', { communityId: DEMO.communityId });
    await copies('outreach_reports', template, 1010, (i) => ({ userId: `u_member_${i}`, name: `党员${i}` }));
    const file = await exported('admin', 'exportLedger', { ledger: 'outreach', communityId: DEMO.communityId }, 'demo-party');
    const rows = await sheet(file, '党员报到服务');
    expect(rows).toHaveLength(seededCount + 1010);
    expect(rows.filter((r) => String(r['姓名']).startsWith('党员'))).toHaveLength(1010);
  });
});

describe('past the export limit the export is refused, never cut short', () => {
  test('a city-wide credit evaluation of more firm results than the limit answers EXPORT_TOO_LARGE; a community is exported', async () => {
    const template = await seeded<Result>('rating_firm_results', { communityId: DEMO.communityId, period: '2026-H1' });
    await copies('rating_firm_results', template, EXPORT_RECORD_LIMIT + 1, () => ({ communityId: DEMO.community2 }));
    const total = await h.store.count('rating_firm_results', { period: '2026-H1' });
    const before = h.snapshot();

    const r = await h.call('ratings', 'export', { period: '2026-H1' }, 'demo-admin');
    expect(!r.ok && r.error).toMatchObject({ code: 'INVALID_STATE', reason: 'EXPORT_TOO_LARGE' });
    // The message gives the figures and how to narrow the export, in Chinese.
    expect(!r.ok && r.error.message).toContain(`共 ${total} 条`);
    expect(!r.ok && r.error.message).toContain(`${EXPORT_RECORD_LIMIT} 条的上限`);
    expect(!r.ok && r.error.message).toContain('请缩小范围（按街道、社区或起止日期）');
    // Nothing written: no file, no audit.
    expect(h.snapshot()).toEqual(before);

    const community = await exported('ratings', 'export', { period: '2026-H1', communityId: DEMO.communityId }, 'demo-admin');
    expect(community.rows['信用评价']).toBeGreaterThan(0);
    const ledger = await h.call('admin', 'exportLedger', { ledger: 'ratings', streetId: DEMO.street2 }, 'demo-admin');
    expect(!ledger.ok && ledger.error.reason).toBe('EXPORT_TOO_LARGE');
  });

  test('a city-wide outreach ledger of more members than the limit is refused before any member is read', async () => {
    const template = await seeded('outreach_reports', { communityId: DEMO.communityId });
    await copies('outreach_reports', template, EXPORT_RECORD_LIMIT + 1, (i) => ({ userId: `u_member_${i}` }));
    const store = new InFlightStore(h.store, 0);
    const entry = createCloudEntry('admin', FUNCTIONS.admin, { ...h.deps, store });
    const r = await entry({ action: 'exportLedger', data: { ledger: 'outreach' } }, platformContextFor('demo-admin'));
    expect(!r.ok && r.error).toMatchObject({ code: 'INVALID_STATE', reason: 'EXPORT_TOO_LARGE' });
    expect(!r.ok && r.error.message).toContain(`共 ${await h.store.count('outreach_reports', {})} 条`);
    // The members were counted, not read: no claim or signup was looked at.
    expect(store.reads.get('outreach_claims') ?? 0).toBe(0);
    expect(store.reads.get('signups') ?? 0).toBe(0);
    expect(await h.store.count('audit', { action: 'admin.exportLedger' })).toBe(0);
  });
});

describe('a city-wide ledger reads with a bounded number of requests in flight', () => {
  test(`the outreach ledger of 40 communities has at most ${EXPORT_IN_FLIGHT} reads in flight and every member`, async () => {
    const community = await seeded('communities', { _id: DEMO.communityId });
    await copies('communities', community, 40, (i) => ({ name: `测试社区${i}` }));
    const report = await seeded('outreach_reports', { communityId: DEMO.communityId });
    await copies('outreach_reports', report, 40, (i) => ({ userId: `u_member_${i}`, communityId: `${DEMO.communityId}~${i}` }));
    const communities = await h.store.count('communities', {});
    const store = new InFlightStore(h.store);
    const entry = createCloudEntry('admin', FUNCTIONS.admin, { ...h.deps, store });

    const r = await entry({ action: 'exportLedger', data: { ledger: 'outreach' } }, platformContextFor('demo-admin'));
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(store.maxInFlight).toBeLessThanOrEqual(EXPORT_IN_FLIGHT);
    expect(store.maxInFlight).toBeGreaterThan(1);
    const { rows } = r.data as ExportFile;
    expect(rows['党员报到服务']).toBe(await h.store.count('outreach_reports', {}));
    // Per community, not per member: one read of its confirmed services, one of its attended signups.
    expect(store.reads.get('outreach_claims')).toBe(communities);
    expect(store.reads.get('signups')).toBe(communities);
  });
});
