import { fontScaleOf } from '../../miniprogram/utils/font';

describe('fontScaleOf (text follows the WeChat font size)', () => {
  test.each([
    { why: 'the standard size scales by 1', info: { fontSizeScaleFactor: 1 }, scale: 1 },
    { why: 'a larger WeChat font scales the text up by its factor', info: { fontSizeScaleFactor: 1.3 }, scale: 1.3 },
    { why: 'a smaller WeChat font never shrinks the text below standard', info: { fontSizeScaleFactor: 0.85 }, scale: 1 },
    { why: 'the largest WeChat font is capped at double', info: { fontSizeScaleFactor: 3.2 }, scale: 2 },
    { why: 'without a factor, the font size in px is read against 16 px', info: { fontSizeSetting: 20 }, scale: 1.25 },
    { why: 'a 16 px font size is the standard', info: { fontSizeSetting: 16 }, scale: 1 },
    { why: 'no font information at all means standard', info: {}, scale: 1 },
    { why: 'a factor that is not a number means standard', info: { fontSizeScaleFactor: Number.NaN }, scale: 1 },
  ])('$why', ({ info, scale }) => {
    expect(fontScaleOf(info)).toBe(scale);
  });
});
