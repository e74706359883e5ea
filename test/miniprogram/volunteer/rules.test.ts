// The volunteer pages' plain rules, table by table: which button the activity page offers, how
// seats read, and what the forms refuse before anything is sent.
import { detailAction, formatWindow, myStatusText, seatsText } from '../../../miniprogram/pages/volunteer/format';
import { parseSkills, validateVolunteer } from '../../../miniprogram/pages/volunteer/register/form';
import { toCreateInput, validateActivity, EMPTY_ACTIVITY_FORM, type ActivityForm } from '../../../miniprogram/staff/volunteer/create/form';
import { detail, fromNow } from './fixtures';

const NOW = Date.now();
const mine = (status: 'confirmed' | 'waitlisted' | 'cancelled', position: number | null = null) => ({
  status,
  position,
  attendance: 'pending' as const,
  attendanceLabel: '未签到',
  checkInAt: null,
  checkOutAt: null,
  hours: 0,
  lateCancel: false,
  cancelledBy: null,
});

describe('the activity page button', () => {
  test.each([
    ['报名 while seats remain', detail(), { action: 'signup', lateCancel: false }],
    ['候补 when full', detail({ seatsLeft: 0, confirmedCount: 10 }), { action: 'waitlist', lateCancel: false }],
    ['候补 when a seat is free but others wait', detail({ seatsLeft: 1, waitlistCount: 2 }), { action: 'waitlist', lateCancel: false }],
    ['nothing when full without a waitlist', detail({ seatsLeft: 0, waitlistEnabled: false }), { action: 'none', lateCancel: false }],
    ['nothing after the deadline', detail({ phase: 'signup_closed' }), { action: 'none', lateCancel: false }],
    ['取消 for a confirmed volunteer before the cut-off', detail({ mySignup: mine('confirmed') }), { action: 'cancel', lateCancel: false }],
    [
      'a late 取消 after the cut-off',
      detail({ mySignup: mine('confirmed'), freeCancelUntil: fromNow(-0.5) }),
      { action: 'cancel', lateCancel: true },
    ],
    [
      'a waitlisted volunteer leaving is never late',
      detail({ mySignup: mine('waitlisted', 2), freeCancelUntil: fromNow(-0.5) }),
      { action: 'cancel', lateCancel: false },
    ],
    [
      '取消 as the server decides, not by the clock: on time when it says so',
      detail({ mySignup: mine('confirmed'), freeCancelUntil: fromNow(-0.5), canCancel: true, cancelIsLate: false }),
      { action: 'cancel', lateCancel: false },
    ],
    [
      'no 取消 when the server says it may not be cancelled',
      detail({ mySignup: mine('confirmed'), canCancel: false }),
      { action: 'none', lateCancel: false },
    ],
    ['nothing once under way', detail({ phase: 'in_progress', mySignup: mine('confirmed') }), { action: 'none', lateCancel: false }],
    ['报名 again after cancelling', detail({ mySignup: mine('cancelled') }), { action: 'signup', lateCancel: false }],
  ])('offers %s', (_name, a, expected) => {
    expect(detailAction(a)).toEqual(expected);
  });
});

describe('wording', () => {
  test.each([
    ['seats left', detail(), '剩余 8 个名额（共 10）'],
    ['the waitlist once full', detail({ seatsLeft: 0, waitlistCount: 3 }), '名额已满 · 3 人候补'],
    ['that one may wait', detail({ seatsLeft: 0, waitlistCount: 0 }), '名额已满 · 可候补'],
    ['a cancelled activity', detail({ status: 'cancelled', phase: 'cancelled' }), '活动已取消'],
  ])('says %s', (_name, a, text) => {
    expect(seatsText(a)).toBe(text);
  });

  test.each([
    [mine('waitlisted', 2), '候补第 2 位'],
    [mine('confirmed'), '已报名'],
    [{ ...mine('confirmed'), attendance: 'attended' as const, hours: 2.5 }, '已完成 · 2.5 小时'],
    [{ ...mine('confirmed'), attendance: 'no_show' as const, attendanceLabel: '缺席' }, '缺席'],
    [{ ...mine('cancelled'), lateCancel: true }, '已取消报名（迟退）'],
    [{ ...mine('cancelled'), cancelledBy: 'activity_cancelled' as const }, '活动已取消'],
  ])('shows the status %#', (s, text) => {
    expect(myStatusText(s)).toBe(text);
  });

  test('shows times in China time whatever the phone says', () => {
    expect(formatWindow('2026-11-21T23:00:00.000Z', '2026-11-22T01:00:00.000Z')).toBe('11月22日 周日 07:00–09:00');
    expect(formatWindow('2026-11-22T14:00:00.000Z', '2026-11-22T17:00:00.000Z')).toBe('11月22日 周日 22:00–11月23日 01:00');
  });
});

describe('volunteer registration form', () => {
  test('splits skills on commas, 、 and spaces without repeats', () => {
    expect(parseSkills('急救，电工、 急救  宣传')).toEqual(['急救', '电工', '宣传']);
  });

  test.each([
    [{ realName: '', phone: '13907160006' }, { realName: '请输入真实姓名' }],
    [{ realName: '陈玉珍', phone: '139071600' }, { phone: '请输入 11 位手机号' }],
    [{ realName: '陈玉珍', phone: '12907160006' }, { phone: '手机号格式不正确，请检查' }],
    [
      { realName: '陈玉珍', phone: '13907160006', skills: '一二三四五六七八九十一二三四五六七八九十一' },
      { skills: '每项技能不能超过 20 个字' },
    ],
    [{ realName: '陈玉珍', phone: '13907160006' }, {}],
  ])('checks %j', (patch, errors) => {
    expect(validateVolunteer({ skills: '', isPartyMember: false, ...patch })).toEqual(errors);
  });
});

describe('create-activity form', () => {
  const day = new Date(NOW + 3 * 24 * 3_600_000 + 8 * 3_600_000).toISOString().slice(0, 10);
  const valid: ActivityForm = {
    ...EMPTY_ACTIVITY_FORM,
    title: '楼道清洁',
    category: 'environment',
    description: '清理楼道',
    location: '江津花园',
    date: day,
    startTime: '09:00',
    endTime: '11:00',
    capacity: '10',
  };

  test.each([
    ['accepts a valid form', {}, {}],
    ['refuses an end before the start', { endTime: '08:00' }, { endTime: '结束时间须晚于开始时间' }],
    ['refuses capacity 0', { capacity: '0' }, { capacity: '招募人数至少为 1' }],
    ['refuses a negative capacity', { capacity: '-3' }, { capacity: '招募人数须为整数' }],
    ['refuses a huge capacity', { capacity: '100000' }, { capacity: '招募人数不能超过 1000' }],
    ['refuses a fractional capacity', { capacity: '2.5' }, { capacity: '招募人数须为整数' }],
    ['refuses a start in the past', { date: '2020-01-01' }, { startTime: '开始时间须晚于当前时间' }],
    ['refuses a bad contact number', { contactPhone: '12345' }, { contactPhone: '请输入手机号或固话（如 0716-8210001）' }],
  ])('%s', (_name, patch, errors) => {
    expect(validateActivity({ ...valid, ...patch }, NOW)).toEqual(errors);
  });

  test('sends China times and leaves the deadline to the server when it is the start', () => {
    const input = toCreateInput(valid, 'cm_hongxing', 'token-12345');
    expect(input).toMatchObject({ startAt: `${day}T09:00:00+08:00`, endAt: `${day}T11:00:00+08:00`, capacity: 10 });
    expect(input.signupDeadline).toBeUndefined();
    expect(toCreateInput({ ...valid, deadline: '2h' }, 'cm_hongxing', 'token-12345').signupDeadline).toBe(`${day}T07:00:00+08:00`);
  });
});
