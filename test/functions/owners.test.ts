import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DiskFileStore } from '../../cloudfunctions/core/adapters/local-files';
import type { UserDoc } from '../../cloudfunctions/core/app/account/user';
import { tick } from '../../cloudfunctions/core/app/scheduler/tick';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { makeHarness, type Harness } from '../support/harness';

/** A register for the second compound (万寿园小区): demo-oc3, demo-resident2 and demo-resident3 live there. */
const ROWS = [
  { building: '2栋', room: '203', area: '100.00', ownerName: '黄丽华', ownerPhone: '13907160009' },
  { building: '4栋', room: '402', area: '100', ownerName: '郑桂英', ownerPhone: '13907160011' },
  // 郑桂英 owns a second unit: one person, both areas.
  { building: '4栋', room: '403', area: 50.5, ownerName: '郑桂英', ownerPhone: '13907160011' },
  // 冯国庆's registration gives another phone: not linked automatically.
  { building: '9栋', room: '903', area: '100.00', ownerName: '冯国庆', ownerPhone: '13800000012' },
  { building: '1栋', room: '101', area: '99.50', ownerName: '钱多多', ownerPhone: '13800000001' },
  { building: '1栋', room: '102', area: '80', ownerName: '开发商', ownerPhone: '0716-8200000', developerHeld: true },
  { building: '1栋', room: '103', area: '80', ownerName: '某置业', ownerPhone: '0716-8200001', developerHeld: '是' },
];

const DAY = 24 * 3600 * 1000;
const iso = (h: Harness, days: number) => new Date(h.clock.now().getTime() + days * DAY).toISOString();

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(async () => {
  await h.close();
});

async function importRows(rows = ROWS, openid = 'demo-oc3') {
  return h.call<{
    imported: boolean;
    units: number;
    owners: number;
    totalArea: number;
    linked: number;
    errors: Array<{ line: number; message: string }>;
  }>('owners', 'importRegister', { compoundId: DEMO.compound2, rows }, openid);
}

async function draftAndAnnounce(extra: Record<string, unknown> = {}) {
  const d = await h.call<{ motionId: string }>(
    'owners',
    'draft',
    {
      compoundId: DEMO.compound2,
      matter: 'manager',
      title: '续聘物业服务企业',
      text: '是否续聘现物业服务企业三年',
      opensAt: iso(h, 16),
      closesAt: iso(h, 23),
      ...extra,
    },
    'demo-oc3',
  );
  if (!d.ok) throw new Error(JSON.stringify(d.error));
  const a = await h.call('owners', 'announce', { motionId: d.data.motionId }, 'demo-oc3');
  if (!a.ok) throw new Error(JSON.stringify(a.error));
  return d.data.motionId;
}

describe('owners register', () => {
  test('imports all rows, counts owners by the law and links matching residents', async () => {
    const r = await importRows();
    expect(r).toMatchObject({ ok: true, data: { imported: true, units: 7, owners: 5, totalArea: 61000, linked: 2, errors: [] } });
    const view = await h.call<{ summary: { unlinked: number }; units: { items: Array<{ room: string; ownerPhone: string }> } }>(
      'owners',
      'register',
      { compoundId: DEMO.compound2, unlinkedOnly: true },
      'demo-oc3',
    );
    expect(view.ok && view.data.summary.unlinked).toBe(4);
    expect(view.ok && view.data.units.items.map((u) => u.room)).toEqual(['903', '101', '102', '103']);
    expect(view.ok && view.data.units.items[0].ownerPhone).toBe('138****0012');
  });

  test('one bad row imports nothing and names every bad line', async () => {
    const before = h.snapshot();
    const rows = [...ROWS, { building: '2栋', room: '203', area: '1.234', ownerName: '', ownerPhone: '123' }];
    const r = await importRows(rows);
    expect(r.ok && r.data.imported).toBe(false);
    expect(r.ok && r.data.errors).toEqual([{ line: 8, message: expect.stringMatching(/面积.*业主姓名.*联系电话.*第 1 行/) }]);
    expect(h.snapshot()).toEqual(before);
  });

  test('only the compound committee or the community residents committee imports', async () => {
    expect((await importRows(ROWS, 'demo-oc')).ok).toBe(false);
    expect((await importRows(ROWS, 'demo-resident2')).ok).toBe(false);
    expect((await importRows(ROWS, 'demo-rc')).ok).toBe(true);
  });

  test('an oc_member links a resident by hand, audited', async () => {
    await importRows();
    const uid = h.userId('demo-resident3');
    type People = { items: Array<{ userId: string; name: string; phoneMasked: string; room: string }> };
    const before = await h.call<People>('owners', 'residents', { compoundId: DEMO.compound2 }, 'demo-oc3');
    // 冯国庆 registered another phone than the register's: unlinked, shown masked.
    expect(before.ok && before.data.items.find((p) => p.userId === uid)).toMatchObject({
      name: '冯国庆',
      phoneMasked: expect.stringMatching(/^\d{3}\*{4}\d{4}$/),
    });
    const r = await h.call('owners', 'linkUnit', { compoundId: DEMO.compound2, userId: uid, building: '9栋', room: '903' }, 'demo-oc3');
    expect(r.ok).toBe(true);
    const audits = await h.store.find('audit', { action: 'owners.linkUnit', targetId: uid });
    expect(audits).toHaveLength(1);
    const after = await h.call<People>('owners', 'residents', { compoundId: DEMO.compound2 }, 'demo-oc3');
    expect(after.ok && after.data.items.map((p) => p.userId)).not.toContain(uid);
    expect(
      (await h.call('owners', 'linkUnit', { compoundId: DEMO.compound2, userId: uid, building: '9栋', room: '903' }, 'demo-rc')).ok,
    ).toBe(false);
  });

  test('linking a linked resident again replaces the link, each time audited', async () => {
    await importRows();
    const uid = h.userId('demo-resident3');
    const link = (room: string) =>
      h.call('owners', 'linkUnit', { compoundId: DEMO.compound2, userId: uid, building: '9栋', room }, 'demo-oc3');
    expect((await link('903')).ok).toBe(true);
    // A later register (the newest is in force) with a second unit of his, under the phone he registered.
    h.clock.set(iso(h, 1));
    await importRows([...ROWS, { building: '9栋', room: '904', area: '60', ownerName: '冯国庆', ownerPhone: '13900000904' }]);
    expect(await link('904')).toMatchObject({ ok: true });
    const links = await h.store.find<{ _id: string; room: string }>('owner_links', { userId: uid });
    expect(links.map((l) => l.room)).toEqual(['904']);
    expect(await h.store.count('audit', { action: 'owners.linkUnit', targetId: uid })).toBe(2);
  });
});

describe('motions and ballots', () => {
  /** A resident of 万寿园 who is not in the register (a tenant). */
  async function addTenant() {
    const at = h.clock.now().toISOString();
    const user: UserDoc = {
      _id: h.userId('tenant-wanshou'),
      openid: 'tenant-wanshou',
      name: '租户',
      phone: '13900009999',
      communityId: DEMO.communityId,
      compoundId: DEMO.compound2,
      building: '2栋',
      room: '205',
      status: 'active',
      roles: ['resident'],
      isPartyMember: false,
      createdAt: at,
      updatedAt: at,
    };
    await h.store.insert('users', user);
  }

  test('announcing needs 15 days of notice', async () => {
    await importRows();
    const d = await h.call<{ motionId: string }>(
      'owners',
      'draft',
      { compoundId: DEMO.compound2, matter: 'manager', title: '续聘物业', text: '是否续聘', opensAt: iso(h, 14.9), closesAt: iso(h, 20) },
      'demo-oc3',
    );
    expect(d.ok).toBe(true);
    const a = await h.call('owners', 'announce', { motionId: d.ok ? d.data.motionId : '' }, 'demo-oc3');
    expect(a).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', reason: 'NOTICE_TOO_SHORT' } });
  });

  test('votes inside the window only, one per owner, and the result counts the law’s way', async () => {
    await importRows();
    await h.call(
      'owners',
      'linkUnit',
      { compoundId: DEMO.compound2, userId: h.userId('demo-resident3'), building: '9栋', room: '903' },
      'demo-oc3',
    );
    await addTenant();
    const motionId = await draftAndAnnounce();
    const early = await h.call('owners', 'vote', { motionId, choice: 'agree' }, 'demo-resident2');
    expect(early).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });

    h.clock.set(iso(h, 16));
    const v1 = await h.call<{ receipt: string }>('owners', 'vote', { motionId, choice: 'agree' }, 'demo-resident2');
    expect(v1.ok).toBe(true);
    expect(await h.call('owners', 'vote', { motionId, choice: 'object' }, 'demo-resident2')).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await h.call('owners', 'vote', { motionId, choice: 'agree' }, 'tenant-wanshou')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect((await h.call('owners', 'vote', { motionId, choice: 'agree' }, 'demo-oc3')).ok).toBe(true);
    expect((await h.call('owners', 'vote', { motionId, choice: 'abstain' }, 'demo-resident3')).ok).toBe(true);
    // A paper ballot for 钱多多 (1栋 101); one for 郑桂英 conflicts with her online ballot.
    const paper = { motionId, building: '1栋', room: '101', choice: 'agree', photoFileId: 'local://uploads/abcdefgh12.jpg' };
    expect((await h.call('owners', 'recordPaper', paper, 'demo-oc3')).ok).toBe(true);
    expect(await h.call('owners', 'recordPaper', { ...paper, building: '4栋', room: '403' }, 'demo-oc3')).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });

    const during = await h.call<{ turnout: { number: number; area: number; quorate: boolean }; myBallot: { receipt: string } }>(
      'owners',
      'get',
      { motionId },
      'demo-resident2',
    );
    expect(during.ok && during.data.turnout).toMatchObject({ number: 4, area: 45000, quorate: true });
    expect(during.ok && during.data.myBallot.receipt).toBe(v1.ok && v1.data.receipt);
    expect(await h.call('owners', 'result', { motionId }, 'demo-resident2')).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });

    h.clock.set(iso(h, 7));
    expect(await h.call('owners', 'vote', { motionId, choice: 'agree' }, 'demo-resident3')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
    await tick(h.deps);
    const res = await h.call<{ outcome: string; participating: object; agree: object; receipts: string[]; chainHead: string }>(
      'owners',
      'result',
      { motionId },
      'demo-resident2',
    );
    // 4 of 5 owners, 450.00 of 610.00 m²: quorate; agree 3 people, 350.00 m² of 450.00: passed.
    expect(res.ok && res.data).toMatchObject({
      outcome: 'passed',
      participating: { number: 4, area: 45000 },
      agree: { number: 3, area: 35000 },
    });
    expect(res.ok && res.data.receipts).toContain(v1.ok && v1.data.receipt);
    expect(await h.store.count('outbox', { template: 'owners.motion' })).toBeGreaterThan(0);
  });
});

describe('register from a spreadsheet', () => {
  test('reads .xlsx and .csv uploads, numbering lines as the sheet does', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'owners-files-'));
    const dir = path.join(dataDir, 'uploads');
    fs.mkdirSync(dir);
    try {
      h.deps.files = new DiskFileStore(dataDir);
      const ExcelJS = (await import('exceljs')).default;
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('名册');
      ws.addRow(['楼栋', '房号', '面积（㎡）', '业主姓名', '联系电话', '开发商持有']);
      for (const r of ROWS)
        ws.addRow([
          r.building,
          r.room,
          typeof r.area === 'number' ? r.area : Number(r.area),
          r.ownerName,
          r.ownerPhone,
          r.developerHeld ? '是' : '',
        ]);
      fs.writeFileSync(path.join(dir, 'register-0001.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
      const x = await h.call(
        'owners',
        'importRegister',
        { compoundId: DEMO.compound2, fileId: 'local://uploads/register-0001.xlsx' },
        'demo-oc3',
      );
      expect(x).toMatchObject({ ok: true, data: { imported: true, units: 7, owners: 5, totalArea: 61000 } });

      const csv = '\uFEFF楼栋,房号,面积,业主姓名,联系电话\r\n1栋,101,"99.5",钱多多,13800000001\r\n1栋,102,abc,孙二,13800000002\r\n';
      fs.writeFileSync(path.join(dir, 'register-0002.csv'), csv);
      const c = await h.call(
        'owners',
        'importRegister',
        { compoundId: DEMO.compound2, fileId: 'local://uploads/register-0002.csv' },
        'demo-oc3',
      );
      expect(c).toMatchObject({ ok: true, data: { imported: false, errors: [{ line: 3, message: expect.stringMatching('面积') }] } });

      fs.writeFileSync(path.join(dir, 'register-0003.csv'), '楼栋,房号\n1栋,101\n');
      const m = await h.call(
        'owners',
        'importRegister',
        { compoundId: DEMO.compound2, fileId: 'local://uploads/register-0003.csv' },
        'demo-oc3',
      );
      expect(m).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', reason: 'MISSING_COLUMNS' } });
      const none = await h.call(
        'owners',
        'importRegister',
        { compoundId: DEMO.compound2, fileId: 'local://uploads/register-0404.csv' },
        'demo-oc3',
      );
      expect(none).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('links', () => {
  test('a major-matter request put to the owners’ vote shows the motion on its timeline', async () => {
    const s = await h.call<{ requestId: string }>(
      'requests',
      'submit',
      {
        category: 'facilities',
        title: '更换小区路灯',
        description: '小区主干道路灯老化，建议使用维修资金整体更换。',
        compoundId: DEMO.compound1,
      },
      'demo-resident',
    );
    const requestId = s.ok ? s.data.requestId : '';
    const draftFor = () =>
      h.call<{ motionId: string }>(
        'owners',
        'draft',
        {
          compoundId: DEMO.compound1,
          matter: 'fund_use',
          title: '使用维修资金更换路灯',
          text: '更换主干道路灯',
          opensAt: iso(h, 20),
          closesAt: iso(h, 27),
          requestId,
        },
        'demo-oc',
      );
    expect(await draftFor()).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', reason: 'NOT_MAJOR' } });
    expect((await h.call('requests', 'accept', { requestId, leadParty: 'property', major: true }, 'demo-rc')).ok).toBe(true);
    const d = await draftFor();
    expect(d.ok).toBe(true);
    const r = await h.call<{ timeline: Array<{ note: string | null; detail: Record<string, unknown> | null }> }>(
      'requests',
      'get',
      { requestId },
      'demo-resident',
    );
    const last = r.ok ? r.data.timeline[r.data.timeline.length - 1] : null;
    expect(last).toMatchObject({ note: '提交业主共同决定：使用维修资金更换路灯', detail: { motionId: d.ok ? d.data.motionId : '' } });
  });

  test('the committee of a black-listed firm’s compound is offered 提议更换物业服务企业', async () => {
    const list = () => h.call<{ proposeReplacement: boolean }>('owners', 'list', { compoundId: DEMO.compound1 }, 'demo-oc');
    expect(await list()).toMatchObject({ ok: true, data: { proposeReplacement: false } });
    await h.store.insert('rating_firm_results', {
      _id: 'fr_test',
      firmId: DEMO.firm1,
      communityId: DEMO.communityId,
      period: '2099-H1',
      list: 'black',
    });
    expect(await list()).toMatchObject({ ok: true, data: { proposeReplacement: true } });
    const resident = await h.call<{ proposeReplacement: boolean }>('owners', 'list', { compoundId: DEMO.compound1 }, 'demo-resident');
    expect(resident).toMatchObject({ ok: true, data: { proposeReplacement: false } });
  });
});

describe('the city: the compound party organisation convenes, the notice period follows the community rules', () => {
  test('noticeDays set by admin.setRules decides how early demo-cparty must announce', async () => {
    const set = await h.call('admin', 'setRules', { communityId: DEMO.communityId, rules: { noticeDays: 20 } }, 'demo-street');
    expect(set).toMatchObject({ ok: true, data: { rules: { noticeDays: 20 } } });
    const draftIn = async (days: number) => {
      const d = await h.call<{ motionId: string }>(
        'owners',
        'draft',
        {
          compoundId: DEMO.compound1,
          matter: 'fund_use',
          title: '更换供水管网',
          text: '是否同意使用维修资金',
          opensAt: iso(h, days),
          closesAt: iso(h, days + 7),
        },
        'demo-cparty',
      );
      return d.ok ? d.data.motionId : '';
    };
    const early = await h.call('owners', 'announce', { motionId: await draftIn(16) }, 'demo-cparty');
    expect(early).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', reason: 'NOTICE_TOO_SHORT', message: expect.stringContaining('20') },
    });
    expect(await h.call('owners', 'announce', { motionId: await draftIn(21) }, 'demo-cparty')).toMatchObject({ ok: true });
    expect(await h.call('admin', 'setRules', { communityId: DEMO.communityId, rules: { noticeDays: 0 } }, 'demo-street')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});
