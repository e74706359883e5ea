import { evaluatedWindows, firmOn, serviceWindows, sheetsByFirm } from '../../cloudfunctions/core/domain/firm-service';

const history = [
  { firmId: 'A', firmName: '甲物业', from: '2024-01-01', to: '2026-09-15' },
  { firmId: 'B', firmName: '乙物业', from: '2026-09-15', to: null },
];

test('the firm serving on a day: the change day belongs to the new firm', () => {
  expect(firmOn(history, '2026-09-14')?.firmId).toBe('A');
  expect(firmOn(history, '2026-09-15')?.firmId).toBe('B');
  expect(firmOn(history, '2023-12-31')).toBeNull();
});

test('a period split between two firms: each gets its part; the firm at the end is current', () => {
  expect(serviceWindows(history, '2026-07-01', '2027-01-01', '2027-03-01')).toEqual([
    { firmId: 'A', firmName: '甲物业', spans: [{ from: '2026-07-01', to: '2026-09-15' }], current: false },
    { firmId: 'B', firmName: '乙物业', spans: [{ from: '2026-09-15', to: '2027-01-01' }], current: true },
  ]);
  // While the period runs, the firm serving today is the current one.
  expect(serviceWindows(history, '2026-07-01', '2027-01-01', '2026-08-01').map((w) => [w.firmId, w.current])).toEqual([
    ['A', true],
    ['B', false],
  ]);
  expect(serviceWindows(history, '2026-01-01', '2026-07-01', '2027-01-01').map((w) => w.firmId)).toEqual(['A']);
});

test('sheets go to the firm of their China-time submission day; earlier firms only with sheets', () => {
  const sheets = [
    { id: 1, submittedAt: '2026-09-14T15:59:59Z' }, // 09-14 23:59:59 in China: A
    { id: 2, submittedAt: '2026-09-14T16:00:00Z' }, // 09-15 00:00 in China: B
  ];
  const byFirm = sheetsByFirm(history, sheets);
  expect(byFirm.get('A')?.map((s) => s.id)).toEqual([1]);
  expect(byFirm.get('B')?.map((s) => s.id)).toEqual([2]);
  const windows = serviceWindows(history, '2026-07-01', '2027-01-01', '2027-03-01');
  expect(evaluatedWindows(windows, byFirm).map((w) => w.firmId)).toEqual(['A', 'B']);
  expect(evaluatedWindows(windows, sheetsByFirm(history, [sheets[1]])).map((w) => w.firmId)).toEqual(['B']);
});
