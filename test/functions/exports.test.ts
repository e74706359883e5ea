/**
 * Exports (RULES.md §4 feed to the credit system, §9 ledgers): each file opens in exceljs and
 * holds the rows the database holds, counted here independently of the export code; personal
 * data is masked and every export audited.
 */
import type { ExportFile } from '../../cloudfunctions/core/app/exports/workbook';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { startTestGateway } from '../support/gateway';
import { makeHarness, type Harness } from '../support/harness';
import { openWorkbook } from '../support/workbook';
import http from 'node:http';
import { whole } from '../../cloudfunctions/core/ports/store';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const open = (fileId: string) => openWorkbook(h.deps, fileId);

async function exported(fn: 'ratings' | 'admin', action: string, data: unknown, openid: string): Promise<ExportFile> {
  const r = await h.call<ExportFile>(fn, action, data, openid);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.data;
}

describe('ratings.export', () => {
  test('holds one row per published compound of the period, with the firm’s credit code and city-wide grade', async () => {
    const file = await exported('ratings', 'export', { period: '2026-H1', communityId: DEMO.communityId }, 'demo-party');
    expect(file.name).toMatch(/\.xlsx$/);
    const sheet = (await open(file.fileId))['信用评价'];
    const published = await h.store.find<{ _id: string; compounds: Array<{ compoundName: string }>; firmId: string }>(
      'rating_firm_results',
      {
        communityId: DEMO.communityId,
        period: '2026-H1',
      },
    );
    const expected = published.flatMap((r) => r.compounds.map((c) => c.compoundName)).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(sheet.map((r) => r['小区']).sort()).toEqual(expected);
    const grades = await h.call<Array<{ firmId: string; grade: string }>>(
      'ratings',
      'firmGrades',
      { firmIds: [DEMO.firm1, DEMO.firm2] },
      'demo-oc',
    );
    for (const firmId of [DEMO.firm1, DEMO.firm2]) {
      const firm = await h.store.get<{ _id: string; name: string; creditCode: string }>('firms', firmId);
      const row = sheet.find((r) => r['企业名称'] === firm?.name);
      expect(row?.['统一社会信用代码']).toBe(firm?.creditCode);
      expect(row?.['信用等级']).toBe(grades.ok ? grades.data.find((g) => g.firmId === firmId)?.grade : undefined);
    }
    expect(await h.store.count('audit', { action: 'ratings.export' })).toBe(1);
  });

  test('an empty period gives a file with the headers only', async () => {
    const file = await exported('ratings', 'export', { period: '2024-H1', communityId: DEMO.communityId }, 'demo-party');
    expect((await open(file.fileId))['信用评价']).toEqual([]);
  });

  test('a street_admin of another street gets nothing and nothing is audited', async () => {
    const r = await h.call('ratings', 'export', { period: '2026-H1', communityId: DEMO.communityId }, 'other-street');
    expect(!r.ok && r.error.code).toBe('FORBIDDEN');
    expect(await h.store.count('audit', { action: 'ratings.export' })).toBe(0);
  });
});

describe('admin.exportLedger', () => {
  test('requests with their timelines: every request of the community, every step, phones masked', async () => {
    const file = await exported('admin', 'exportLedger', { ledger: 'requests', communityId: DEMO.communityId }, 'demo-rc');
    const book = await open(file.fileId);
    const requests = await h.store.find<{ _id: string; timeline: unknown[] }>(
      'requests',
      { communityId: DEMO.communityId },
      { limit: whole(1000) },
    );
    expect(requests.length).toBeGreaterThan(0);
    expect(book['诉求'].map((r) => r['编号']).sort()).toEqual(requests.map((r) => r._id).sort());
    expect(book['办理过程']).toHaveLength(requests.reduce((n, r) => n + r.timeline.length, 0));
    for (const row of book['诉求']) expect(String(row['联系电话'])).toMatch(/^1\d{2}\*{4}\d{4}$/);
    const text = JSON.stringify(book);
    const users = await h.store.find<{ _id: string; phone: string }>('users', { communityId: DEMO.communityId }, { limit: whole(1000) });
    for (const u of users) expect(text).not.toContain(u.phone);
    const audit = await h.store.find<{ _id: string; detail: { ledger: string; rows: Record<string, number> } }>('audit', {
      action: 'admin.exportLedger',
    });
    expect(audit.map((a) => a.detail)).toEqual([expect.objectContaining({ ledger: 'requests', rows: file.rows })]);
  });

  test('requests within a date range only', async () => {
    const all = await h.store.find<{ _id: string; createdAt: string }>(
      'requests',
      { communityId: DEMO.communityId },
      { limit: whole(1000) },
    );
    const day = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const pivot = all.map((r) => day(r.createdAt)).sort()[Math.floor(all.length / 2)];
    const file = await exported('admin', 'exportLedger', { ledger: 'requests', communityId: DEMO.communityId, from: pivot }, 'demo-rc');
    expect((await open(file.fileId))['诉求']).toHaveLength(all.filter((r) => day(r.createdAt) >= pivot).length);
    expect(all.filter((r) => day(r.createdAt) >= pivot).length).toBeLessThan(all.length);
  });

  test('volunteer service records: the attended signups with the certificate’s fields and hours', async () => {
    const file = await exported('admin', 'exportLedger', { ledger: 'volunteer_records', communityId: DEMO.communityId }, 'demo-party');
    const sheet = (await open(file.fileId))['志愿服务记录'];
    const attended = await h.store.find<{ _id: string; hours: number; volunteerNo: string }>(
      'signups',
      { communityId: DEMO.communityId, attendance: 'attended' },
      { limit: whole(1000) },
    );
    expect(attended.length).toBeGreaterThan(0);
    expect(sheet).toHaveLength(attended.length);
    expect(sheet.reduce((n, r) => n + Number(r['服务时长（小时）']), 0)).toBe(attended.reduce((n, s) => n + s.hours, 0));
    expect(Object.keys(sheet[0])).toEqual(
      expect.arrayContaining([
        '志愿者姓名',
        '志愿者编号',
        '服务项目',
        '服务日期',
        '服务地点',
        '签到时间',
        '签退时间',
        '组织单位',
        '负责人',
      ]),
    );
  });

  test('rating results of every period of the community', async () => {
    const file = await exported('admin', 'exportLedger', { ledger: 'ratings', communityId: DEMO.communityId }, 'demo-party');
    const results = await h.store.find<{ _id: string; compounds: unknown[] }>(
      'rating_firm_results',
      { communityId: DEMO.communityId },
      { limit: whole(1000) },
    );
    expect((await open(file.fileId))['信用评价']).toHaveLength(results.reduce((n, r) => n + r.compounds.length, 0));
  });

  test('a street_admin exports its street, not another; the city is the admin’s', async () => {
    const street = await exported('admin', 'exportLedger', { ledger: 'requests', streetId: DEMO.street1 }, 'demo-street');
    expect((await open(street.fileId))['诉求'].length).toBeGreaterThan(0);
    const other = await h.call('admin', 'exportLedger', { ledger: 'requests', streetId: DEMO.street1 }, 'other-street');
    expect(!other.ok && other.error.code).toBe('FORBIDDEN');
    const city = await h.call<ExportFile>('admin', 'exportLedger', { ledger: 'requests' }, 'demo-street');
    // Without a scope a street_admin gets its own street's ledger, never the city's.
    expect(city.ok && city.data.rows['诉求']).toBe(street.rows['诉求']);
    const all = await exported('admin', 'exportLedger', { ledger: 'requests' }, 'demo-admin');
    expect(all.rows['诉求']).toBe(await h.store.count('requests', {}));
  });

  test('party members’ reporting and services: one row per reported member, services and hours as the records hold', async () => {
    const file = await exported('admin', 'exportLedger', { ledger: 'outreach', communityId: DEMO.communityId }, 'demo-party');
    const sheet = (await open(file.fileId))['党员报到服务'];
    const reports = await h.store.find<{ _id: string; userId: string; unitName: string }>(
      'outreach_reports',
      { communityId: DEMO.communityId },
      { limit: whole(1000) },
    );
    expect(reports.length).toBeGreaterThan(0);
    expect(sheet.map((r) => r['单位']).sort()).toEqual(reports.map((r) => r.unitName).sort());
    const members = new Set(reports.map((r) => r.userId));
    const claims = await h.store.find<{ _id: string; userId: string; kind: string }>(
      'outreach_claims',
      { communityId: DEMO.communityId, status: 'confirmed' },
      { limit: whole(1000) },
    );
    const done = (kind: string) => claims.filter((c) => c.kind === kind && members.has(c.userId)).length;
    expect(done('general') + done('professional')).toBeGreaterThan(0);
    expect(sheet.reduce((n, r) => n + Number(r['一般服务次数']), 0)).toBe(done('general'));
    expect(sheet.reduce((n, r) => n + Number(r['专业服务次数']), 0)).toBe(done('professional'));
    expect(file.rows['党员报到服务']).toBe(reports.length);
    expect(await h.store.count('audit', { action: 'admin.exportLedger' })).toBe(1);
    // It is the party organisation's ledger: the residents' committee does not export it.
    const rc = await h.call('admin', 'exportLedger', { ledger: 'outreach', communityId: DEMO.communityId }, 'demo-rc');
    expect(!rc.ok && rc.error.code).toBe('FORBIDDEN');
    // A range before any service: the members reported since are not there, and no service counts.
    const early = await exported(
      'admin',
      'exportLedger',
      { ledger: 'outreach', communityId: DEMO.communityId, to: '2020-01-01' },
      'demo-party',
    );
    expect(early.rows['党员报到服务']).toBe(0);
  });

  test('rejects a ledger it does not know', async () => {
    const r = await h.call('admin', 'exportLedger', { ledger: 'owners' }, 'demo-admin');
    expect(!r.ok && r.error.code).toBe('INVALID_INPUT');
  });
});

describe('the local gateway serves an export for download', () => {
  test('to an active user, the bytes of the file; to anyone else, nothing', async () => {
    const g = await startTestGateway();
    try {
      const r = await g.post<ExportFile>('admin', 'exportLedger', { ledger: 'requests', communityId: DEMO.communityId }, 'demo-rc');
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      const name = r.data.fileId.replace('local://files/', '');
      const get = (openid?: string) =>
        new Promise<{ status: number; body: Buffer }>((resolve, reject) => {
          const headers: Record<string, string> = openid ? { 'x-openid': openid } : {};
          http
            .get(`${g.url}/files/${name}`, { headers, agent: false }, (res) => {
              const chunks: Buffer[] = [];
              res.on('data', (c: Buffer) => chunks.push(c));
              res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
            })
            .on('error', reject);
        });
      const ok = await get('demo-rc');
      expect(ok.status).toBe(200);
      expect(ok.body.equals(Buffer.from((await g.deps.files?.read(r.data.fileId)) ?? []))).toBe(true);
      expect((await get()).status).toBe(403);
      expect((await get('demo-pending')).status).toBe(403);
    } finally {
      await g.close();
    }
  });
});
