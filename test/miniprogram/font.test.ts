import { fontScaleOf } from '../../miniprogram/utils/font';

describe('fontScaleOf (text follows the WeChat font size)', () => {
  test.each([
    [{ fontSizeScaleFactor: 1 }, 1],
    [{ fontSizeScaleFactor: 1.3 }, 1.3],
    [{ fontSizeScaleFactor: 0.85 }, 1],
    [{ fontSizeScaleFactor: 3.2 }, 2],
    [{ fontSizeSetting: 20 }, 1.25],
    [{ fontSizeSetting: 16 }, 1],
    [{}, 1],
    [{ fontSizeScaleFactor: Number.NaN }, 1],
  ])('%j → %d', (info, scale) => {
    expect(fontScaleOf(info)).toBe(scale);
  });
});
