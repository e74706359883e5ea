import { canViewStats, categoryFigures, hoursText, percentText, statsViewOf, targetFigure } from '../../../miniprogram/staff/stats/figures';
import { user } from '../fixtures';
import { stats } from './fixtures';

describe('percentText', () => {
  test.each([
    [null, '暂无数据'],
    [0, '0%'],
    [0.15, '15%'],
    [0.5, '50%'],
    [1, '100%'],
    [0.925, '92.5%'],
    [0.6667, '66.6%'],
    [0.1499, '14.9%'],
    [0.9996, '99.9%'],
  ])('shows %p as %p', (rate, text) => {
    expect(percentText(rate)).toBe(text);
  });
});

test('shows hours with at most one decimal', () => {
  expect(hoursText(36.5)).toBe('36.5 小时');
  expect(hoursText(420)).toBe('420 小时');
  expect(hoursText(0.1 + 0.2)).toBe('0.3 小时');
});

describe('targetFigure', () => {
  test('is 未达标 below the target, with the bar in red and the target marked', () => {
    const f = targetFigure('volunteers', '志愿者占比', 0.12, 0.15, '注册志愿者 120 人');
    expect(f).toMatchObject({
      value: '12%',
      targetText: '目标 ≥ 15%',
      verdict: '未达标',
      verdictTheme: 'danger',
      percent: 12,
      targetPercent: 15,
    });
    expect(f.color).toBe('#d54941');
    expect(f.ariaLabel).toBe('志愿者占比 12%，目标 ≥ 15%，未达标');
  });

  test('is 达标 exactly at the target', () => {
    expect(targetFigure('ocParty', '业委会党员占比', 0.5, 0.5, '').verdict).toBe('达标');
  });

  test('does not read as the target just under it', () => {
    const f = targetFigure('volunteers', '志愿者占比', 0.1499, 0.15, '');
    expect(f.verdict).toBe('未达标');
    expect(f.value).toBe('14.9%');
  });

  test('is 暂无数据 without a base, with an empty grey bar', () => {
    expect(targetFigure('ocParty', '业委会党员占比', null, 0.5, '')).toMatchObject({
      value: '暂无数据',
      verdict: '暂无数据',
      verdictTheme: 'default',
      percent: 0,
    });
  });

  test('fills the bar at most to the end', () => {
    expect(targetFigure('ocParty', '业委会党员占比', 1, 0.5, '').percent).toBe(100);
  });
});

test('lists the category hours the server names, in its order', () => {
  const categories = [
    { category: 'counseling', label: '心理咨询援助', hours: 4 },
    { category: 'future_kind', label: 'future_kind', hours: 1.5 },
  ];
  expect(categoryFigures(categories)).toEqual([
    { label: '心理咨询援助', value: '4 小时' },
    { label: 'future_kind', value: '1.5 小时' },
  ]);
});

test('names the kinds of service as the answer does', () => {
  const view = statsViewOf(stats({ serviceKinds: [{ value: 'professional', label: '专业志愿服务' }] }));
  expect(view.backbone.filter((f) => f.hint === '经社区确认完成')).toEqual([
    { label: '专业志愿服务', value: '8 次', hint: '经社区确认完成' },
  ]);
});

test('builds the request KPIs with 超期 marked only when there is any', () => {
  const view = statsViewOf(
    stats({ requests: { total: 5, open: 2, overdue: 0, responseRate: 1, resolutionRate: null, satisfactionRate: 0.75 } }),
  );
  expect(view.requests.map((r) => [r.label, r.value, !!r.danger])).toEqual([
    ['诉求总数', '5 件', false],
    ['在办', '2 件', false],
    ['超期', '0 件', false],
    ['响应率', '100%', false],
    ['办结率', '暂无数据', false],
    ['满意率', '75%', false],
  ]);
  expect(statsViewOf(stats()).requests.find((r) => r.label === '超期')).toMatchObject({ value: '2 件', danger: true });
});

test('lets only active community staff see the figures', () => {
  expect(canViewStats(null)).toBe(false);
  expect(canViewStats(user())).toBe(false);
  expect(canViewStats(user({ roles: ['resident', 'oc_member'] }))).toBe(false);
  expect(canViewStats(user({ roles: ['rc_staff'] }))).toBe(true);
  expect(canViewStats(user({ roles: ['party_org'] }))).toBe(true);
  expect(canViewStats(user({ roles: ['admin'] }))).toBe(true);
  expect(canViewStats(user({ roles: ['rc_staff'], status: 'disabled' }))).toBe(false);
});

test('shows the backbone figures the server counted: reported members, services by kind, party and 共青团员 shares', () => {
  const view = statsViewOf(stats());
  expect(view.backbone.map((f) => [f.label, f.value])).toEqual([
    ['报到党员', '12 人'],
    ['楼栋党小组长、楼栋长', '4 人'],
    ['一般服务', '30 次'],
    ['专业服务', '8 次'],
    ['志愿服务队', '2 支'],
    ['志愿者中的党员', '33.3%'],
    ['志愿者中的共青团员', '15%'],
  ]);
  expect(view.backbone[0].hint).toBe('另有 2 人待确认');
});
