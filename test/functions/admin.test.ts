/** admin: the city's structure, firms, service history, rules and imports (RULES.md §9). */
import ExcelJS from 'exceljs';
import { firmOn } from '../../cloudfunctions/core/app/admin/structure';
import type { CompoundDoc, FirmAssignmentDoc } from '../../cloudfunctions/core/app/community/community';
import { makeCreditCode } from '../../cloudfunctions/core/domain/credit-code';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { makeHarness, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const codes = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);

describe('structure', () => {
  test('the admin creates a street, a street_admin communities in its own street only', async () => {
    const street = await h.call<{ streetId: string }>('admin', 'createStreet', { name: '朝阳街道', district: '沙市区' }, 'demo-admin');
    expect(street.ok).toBe(true);
    expect(codes(await h.call('admin', 'createStreet', { name: '某街道', district: '沙市区' }, 'demo-street'))).toBe('FORBIDDEN');
    const own = await h.call<{ communityId: string }>(
      'admin',
      'createCommunity',
      { streetId: DEMO.street1, name: '新华社区' },
      'demo-street',
    );
    expect(own.ok).toBe(true);
    const before = h.snapshot();
    expect(codes(await h.call('admin', 'createCommunity', { streetId: DEMO.street2, name: '越界社区' }, 'demo-street'))).toBe('FORBIDDEN');
    expect(h.snapshot()).toEqual(before);
    if (!own.ok) return;
    const compound = await h.call<{ compoundId: string }>(
      'admin',
      'createCompound',
      { communityId: own.data.communityId, name: '新华小区', buildings: ['1栋', '2栋', '1栋'] },
      'demo-street',
    );
    expect(compound.ok).toBe(true);
    if (!compound.ok) return;
    const doc = await h.store.get<CompoundDoc>('compounds', compound.data.compoundId);
    expect(doc).toMatchObject({ communityId: own.data.communityId, streetId: DEMO.street1, buildings: ['1栋', '2栋'] });
  });

  test('registers a firm only with a valid 统一社会信用代码, once', async () => {
    const creditCode = makeCreditCode('91', '421002', 'MA4C7D8E');
    const r = await h.call('admin', 'registerFirm', { name: '荆州江汉物业有限公司', creditCode, hasPartyOrg: true }, 'demo-admin');
    expect(r.ok).toBe(true);
    const bad = creditCode.slice(0, 17) + (creditCode[17] === '0' ? '1' : '0');
    const refused = await h.call('admin', 'registerFirm', { name: '错码物业', creditCode: bad, hasPartyOrg: false }, 'demo-admin');
    expect(!refused.ok && refused.error.issues?.[0].path).toEqual(['creditCode']);
    expect(codes(await h.call('admin', 'registerFirm', { name: '重复', creditCode, hasPartyOrg: false }, 'demo-admin'))).toBe('CONFLICT');
  });
});

describe('assignFirm', () => {
  test('keeps the history, so a period belongs to the firm that served then', async () => {
    const r = await h.call('admin', 'assignFirm', { compoundId: DEMO.compound1, firmId: DEMO.firm2, from: '2026-07-01' }, 'demo-street');
    expect(r.ok).toBe(true);
    const compound = await h.store.get<CompoundDoc>('compounds', DEMO.compound1);
    expect(compound?.firmId).toBe(DEMO.firm2);
    const history = await h.store.find<FirmAssignmentDoc>(
      'firm_assignments',
      { compoundId: DEMO.compound1 },
      { orderBy: [['from', 'asc']] },
    );
    expect(history.map((a) => [a.firmId, a.from, a.to])).toEqual([
      [DEMO.firm1, '2024-01-01', '2026-07-01'],
      [DEMO.firm2, '2026-07-01', null],
    ]);
    expect(firmOn(history, '2026-03-31')?.firmId).toBe(DEMO.firm1);
    expect(firmOn(history, '2026-07-01')?.firmId).toBe(DEMO.firm2);
    expect(firmOn(history, '2023-12-31')).toBeNull();
  });

  test('refuses a date in the future or not after the last assignment, and another street', async () => {
    const future = await h.call(
      'admin',
      'assignFirm',
      { compoundId: DEMO.compound1, firmId: DEMO.firm2, from: '2027-01-01' },
      'demo-admin',
    );
    expect(!future.ok && future.error.reason).toBe('FUTURE_DATE');
    const early = await h.call('admin', 'assignFirm', { compoundId: DEMO.compound1, firmId: DEMO.firm2, from: '2023-06-01' }, 'demo-admin');
    expect(!early.ok && early.error.reason).toBe('NOT_AFTER_LAST');
    const other = await h.call(
      'admin',
      'assignFirm',
      { compoundId: DEMO.compound3, firmId: DEMO.firm1, from: '2026-07-01' },
      'demo-street',
    );
    expect(codes(other)).toBe('FORBIDDEN');
  });
});

describe('setRules', () => {
  test("sets part of a community's rules, which its figures then use", async () => {
    const r = await h.call('admin', 'setRules', { communityId: DEMO.communityId, rules: { volunteerTarget: 0.2 } }, 'demo-street');
    expect(r.ok).toBe(true);
    const stats = await h.call<{ volunteerTarget: number; ocPartyTarget: number }>(
      'community',
      'stats',
      { communityId: DEMO.communityId },
      'demo-rc',
    );
    expect(stats.ok && [stats.data.volunteerTarget, stats.data.ocPartyTarget]).toEqual([0.2, 0.5]);
  });

  test.each([[{ volunteerTarget: 1.5 }], [{ reopenWindowDays: 0 }], [{ ratingWeights: { ownerSatisfaction: 0.5 } }], [{ noSuchRule: 1 }]])(
    'refuses %j and changes nothing',
    async (rules) => {
      const before = h.snapshot();
      const r = await h.call('admin', 'setRules', { communityId: DEMO.communityId, rules }, 'demo-admin');
      expect(codes(r)).toBe('INVALID_INPUT');
      expect(h.snapshot()).toEqual(before);
    },
  );

  test('refuses the street admin of another street', async () => {
    expect(codes(await h.call('admin', 'setRules', { communityId: DEMO.community2, rules: { volunteerTarget: 0.2 } }, 'demo-street'))).toBe(
      'FORBIDDEN',
    );
  });
});

interface ImportResult {
  created: { streets: number; communities: number; compounds: number; buildings: number };
  errors: Array<{ line: number; message: string }>;
}

const HEADER = ['区', '街道', '社区', '小区', '楼栋'];
const GOOD = [
  ['荆州区', '西城街道', '荆南社区', '荆南小区', '1栋'],
  ['荆州区', '西城街道', '荆南社区', '荆南小区', '2栋'],
  ['荆州区', '西城街道', '荆北社区', '', ''],
];

async function xlsx(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('结构');
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('importStructure', () => {
  test('creates streets, communities, compounds and buildings from rows', async () => {
    const rows = GOOD.map(([district, street, community, compound, building]) => ({
      district,
      street,
      community,
      ...(compound ? { compound } : {}),
      ...(building ? { building } : {}),
    }));
    const r = await h.call<ImportResult>('admin', 'importStructure', { rows }, 'demo-admin');
    expect(r.ok && r.data).toEqual({ created: { streets: 1, communities: 2, compounds: 1, buildings: 2 }, errors: [] });
    // Importing again creates nothing new.
    const again = await h.call<ImportResult>('admin', 'importStructure', { rows }, 'demo-admin');
    expect(again.ok && again.data.created).toEqual({ streets: 0, communities: 0, compounds: 0, buildings: 0 });
  });

  test('reads an .xlsx file', async () => {
    const fileId = await h.deps.files!.write('structure.xlsx', await xlsx(GOOD));
    const r = await h.call<ImportResult>('admin', 'importStructure', { fileId }, 'demo-admin');
    expect(r.ok && r.data.created).toEqual({ streets: 1, communities: 2, compounds: 1, buildings: 2 });
  });

  test('a file with a bad row creates nothing and names each bad row by line and reason', async () => {
    const rows = [
      ...GOOD,
      ['荆州区', '', '荆东社区', '', ''],
      ['沙市区', '西城街道', '荆西社区', '', ''],
      ['荆州区', '西城街道', '荆南社区', '', '3栋'],
    ];
    const fileId = await h.deps.files!.write('structure.xlsx', await xlsx(rows));
    const before = h.snapshot();
    const r = await h.call<ImportResult>('admin', 'importStructure', { fileId }, 'demo-admin');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.created).toEqual({ streets: 0, communities: 0, compounds: 0, buildings: 0 });
    // Header is line 1: the three good rows are lines 2–4, the bad ones 5, 6 and 7.
    expect(r.data.errors.map((e) => e.line)).toEqual([5, 6, 7]);
    expect(r.data.errors[0].message).toContain('street');
    expect(r.data.errors[1].message).toContain('荆州区');
    expect(r.data.errors[2].message).toContain('小区');
    expect(h.snapshot()).toEqual(before);
  });

  test('reads a .csv file', async () => {
    const csv = [HEADER, ...GOOD].map((r) => r.join(',')).join('\n');
    const fileId = await h.deps.files!.write('structure.csv', Buffer.from(csv, 'utf8'));
    const r = await h.call<ImportResult>('admin', 'importStructure', { fileId }, 'demo-admin');
    expect(r.ok && r.data.created).toEqual({ streets: 1, communities: 2, compounds: 1, buildings: 2 });
  });

  test("is the admin's alone", async () => {
    expect(codes(await h.call('admin', 'importStructure', { rows: [] }, 'demo-street'))).toBe('FORBIDDEN');
  });
});
