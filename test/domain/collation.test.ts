/**
 * Chinese names in the order people look them up (domain/collation.ts): by pinyin, numbers by
 * value, the same name by id. Code-point order puts 上 (U+4E0A) before 北 (U+5317) and 10栋 before
 * 2栋; a resident looking for 北湖街道 in the registration picker would not find it where expected.
 */
import fc from 'fast-check';
import { byName, compareZh } from '../../cloudfunctions/core/domain/collation';

describe('Chinese order', () => {
  it('orders names by pinyin, not by code point', () => {
    const names = ['沙市区中山街道', '北湖街道', '荆州区东城街道', '崇文街道', '胜利街道'];
    expect([...names].sort(compareZh)).toEqual(['北湖街道', '崇文街道', '荆州区东城街道', '沙市区中山街道', '胜利街道']);
  });

  it('orders numbers inside names by value', () => {
    expect(['10栋', '2栋', '1栋', '2栋101', '2栋1001', '2栋201'].sort(compareZh)).toEqual([
      '1栋',
      '2栋',
      '2栋101',
      '2栋201',
      '2栋1001',
      '10栋',
    ]);
  });

  it('orders the same name by id, so a list has one order', () => {
    const rows = [
      { _id: 'st_b', name: '胜利街道' },
      { _id: 'st_a', name: '胜利街道' },
      { _id: 'st_c', name: '北湖街道' },
    ];
    expect([...rows].sort(byName).map((r) => r._id)).toEqual(['st_c', 'st_a', 'st_b']);
    expect(byName({ id: 'a', name: '同名' }, { id: 'b', name: '同名' })).toBeLessThan(0);
  });

  it('is a total order: antisymmetric, and the same result whatever order the list came in', () => {
    const row = fc.record({
      _id: fc.string({ minLength: 1, maxLength: 4 }),
      name: fc.constantFrom('北湖', '沙市', '胜利', '崇文', '2栋', '10栋', ''),
    });
    fc.assert(
      fc.property(fc.uniqueArray(row, { selector: (r) => r._id, maxLength: 12 }), (rows) => {
        for (const a of rows) for (const b of rows) expect(Math.sign(byName(a, b)) + Math.sign(byName(b, a))).toBe(0);
        const once = [...rows].sort(byName);
        expect([...rows].reverse().sort(byName)).toEqual(once);
      }),
    );
  });
});
