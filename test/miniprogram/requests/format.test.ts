import {
  actionButtons,
  dueText,
  formatTime,
  photoSrc,
  positionRows,
  routingText,
  timelineRows,
} from '../../../miniprogram/pages/requests/format';
import { viewerActions } from '../../../cloudfunctions/core/app/requests/views';
import { step, view } from './fixtures';
import { validateRequest } from '../../../miniprogram/pages/requests/new/form';
import { EMPTY_SHEET, validateSheet } from '../../../miniprogram/pages/requests/detail/sheet';

const NOW = new Date('2026-11-20T01:00:00.000Z');

describe('time limit text', () => {
  test.each([
    ['in_progress', '2026-11-20T06:00:00.000Z', false, '剩余 5 小时（11-20 14:00 前）'],
    ['submitted', '2026-11-23T01:00:00.000Z', false, '剩余 3 天（11-23 09:00 前）'],
    ['in_progress', '2026-11-19T23:00:00.000Z', true, '已超时 2 小时'],
    ['reopened', '2026-11-20T00:30:00.000Z', true, '已超时 30 分钟'],
    ['resolved', '2026-11-19T00:00:00.000Z', false, ''],
    ['closed', '2026-11-19T00:00:00.000Z', false, ''],
  ] as const)('a %s request due %s reads "%s"', (status, dueAt, overdue, text) => {
    expect(dueText({ status, dueAt, overdue }, NOW)).toBe(text);
  });

  test('shows Beijing time, with the year only when it is another year', () => {
    expect(formatTime('2026-11-19T16:30:00.000Z', 2026)).toBe('11-20 00:30');
    expect(formatTime('2025-12-30T16:00:00.000Z', 2026)).toBe('2025-12-31 00:00');
  });
});

test('the timeline reads newest first with party and name', () => {
  const rows = timelineRows([
    step({
      at: '2026-11-20T01:00:00.000Z',
      action: 'submit',
      from: null,
      to: 'submitted',
      party: 'resident',
      actorName: null,
      note: null,
      photos: [],
      detail: null,
    }),
    step({
      at: '2026-11-20T02:00:00.000Z',
      action: 'rate',
      from: 'resolved',
      to: 'reopened',
      party: 'resident',
      actorName: null,
      note: '没修好',
      photos: [],
      detail: { score: 2, solved: false },
    }),
  ]);
  expect(rows.map((r) => [r.title, r.who, r.note])).toEqual([
    ['评价 2 分 · 未解决', '居民', '没修好'],
    ['提交诉求', '居民', ''],
  ]);
});

test('offers buttons only for the allowed actions, in a fixed order, in the server’s words', () => {
  const actions = viewerActions(['comment', 'resolve', 'follow', 'progress']);
  expect(actionButtons(actions).map((b) => b.label)).toEqual(['记录进展', '办结', '留言']);
  // The words are the answer's: another word for 办结 is shown as sent.
  const renamed = actions.map((a) => (a.action === 'resolve' ? { ...a, label: '已办好' } : a));
  expect(actionButtons(renamed).map((b) => [b.action, b.label, b.theme])).toContainEqual(['resolve', '已办好', 'primary']);
});

test('names the handlers and the positions with the view’s words for the parties', () => {
  const v = view({ leadParty: 'property', coHandlers: ['owners_committee', 'residents_committee'] });
  expect(routingText(v)).toBe('物业服务企业牵头，业委会、居委会协办');
  expect(routingText(view())).toBe('待居委会受理分派');
  const positions = { owners_committee: { position: 'object' as const, opinion: '费用太高', byName: null, at: '' } };
  expect(positionRows(view({ positions }))).toEqual([
    { party: '居委会', text: '尚未表态' },
    { party: '业委会', text: '反对：费用太高' },
    { party: '物业服务企业', text: '尚未表态' },
  ]);
});

test('serves local uploads through the gateway and keeps cloud ids', () => {
  expect(photoSrc('local://uploads/abcDEF12.jpg', 'http://127.0.0.1:3000')).toBe('http://127.0.0.1:3000/uploads/abcDEF12.jpg');
  expect(photoSrc('cloud://env.x/requests/a.jpg', 'http://127.0.0.1:3000')).toBe('cloud://env.x/requests/a.jpg');
});

describe('form checks mirror the server', () => {
  test.each([
    ['an empty form', { category: '', title: '', description: '' }, ['category', 'title', 'description']],
    ['a 41-character title', { category: 'noise', title: '标'.repeat(41), description: '描述' }, ['title']],
    ['a 1,001-character description', { category: 'noise', title: '夜间施工', description: '很'.repeat(1001) }, ['description']],
    ['a blank description', { category: 'noise', title: '夜间施工', description: '   ' }, ['description']],
    ['a complete form', { category: 'noise', title: '夜间施工', description: '每晚 11 点后仍在施工' }, []],
  ] as const)('%s has problems with %j', (_name, form, fields) => {
    expect(Object.keys(validateRequest({ ...form, isPublic: false }))).toEqual(fields);
  });

  test.each([
    ['accept', {}, ['leadParty']],
    ['accept', { leadParty: 'property', coHandlers: ['property'] }, ['coHandlers']],
    ['accept', { leadParty: 'property' }, []],
    ['resolve', {}, ['text']],
    ['deliberate', { text: '同意' }, ['position']],
    ['decide', { text: '会议纪要' }, ['outcome']],
    ['rate', {}, ['score', 'solved']],
    ['rate', { score: 5, solved: true }, []],
    ['comment', { text: '很'.repeat(501) }, ['text']],
  ] as const)('the %s sheet with %o has problems with %j', (action, form, fields) => {
    expect(Object.keys(validateSheet(action, { ...EMPTY_SHEET, ...(form as object) }))).toEqual(fields);
  });
});

test('names the system once on its timeline entries', () => {
  const [row] = timelineRows([
    step({
      at: '2026-11-20T01:00:00.000Z',
      action: 'escalate',
      from: 'in_progress',
      to: 'in_progress',
      party: 'system',
      actorName: '系统',
      note: null,
      photos: [],
      detail: null,
    }),
  ]);
  expect(row.who).toBe('系统');
});
