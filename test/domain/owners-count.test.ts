import {
  formatArea,
  isApproved,
  isQuorate,
  outcomeOf,
  quorumOf,
  ownerIdentity,
  parseArea,
  tallyOf,
  totalsOf,
  type Choice,
  type Matter,
  type Weight,
} from '../../cloudfunctions/core/domain/owners-count';
import { checkMarks, electionOutcome } from '../../cloudfunctions/core/domain/owners-election';
import fc from 'fast-check';

const w = (area: number, number: number): Weight => ({ area, number });

describe('quorum: ≥ 2/3 of the area and of the number (abstentions count)', () => {
  // Nine owners of 100.00 m² each: 900.00 m² (90000 × 0.01 m²), nine people.
  const totals = w(90000, 9);
  test.each([
    ['exactly 2/3 of both', w(60000, 6), true],
    ['one 0.01 m² less than 2/3 of the area', w(59999, 6), false],
    ['one person less than 2/3 of the number', w(60000, 5), false],
    ['everyone', w(90000, 9), true],
    ['the whole area but too few people', w(90000, 5), false],
    ['enough people but too little area', w(59999, 9), false],
  ])('%s', (_name, participating, expected) => {
    expect(isQuorate(participating, totals)).toBe(expected);
  });

  test.each([
    // 2/3 of 1.00 m² is 0.6667 m²: 0.67 passes, 0.66 does not; 2/3 of 10 people is 6.67: 7 passes.
    [w(67, 7), true],
    [w(66, 7), false],
    [w(67, 6), false],
  ])('when 2/3 is not a whole number: %j', (participating, expected) => {
    expect(isQuorate(participating, w(100, 10))).toBe(expected);
  });

  test('an empty register is never quorate', () => {
    expect(isQuorate(w(0, 0), w(0, 0))).toBe(false);
  });

  test('the lines the turnout bars mark (quorumOf) are exactly where the count becomes quorate', () => {
    expect(quorumOf(w(120272, 10))).toEqual(w(80182, 7));
    const weight = fc.record({ area: fc.integer({ min: 1, max: 10_000_000 }), number: fc.integer({ min: 1, max: 5_000 }) });
    fc.assert(
      fc.property(weight, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (totals, a, n) => {
        const turnout = w(Math.round(totals.area * a), Math.round(totals.number * n));
        const line = quorumOf(totals);
        expect(isQuorate(turnout, totals)).toBe(turnout.area >= line.area && turnout.number >= line.number);
        // The line itself is quorate, and one below it is not.
        expect(isQuorate(line, totals)).toBe(true);
        expect(isQuorate(w(line.area - 1, line.number), totals)).toBe(false);
      }),
    );
  });
});

describe('approval', () => {
  const participating = w(80000, 8);
  test.each<[string, Matter, Weight, boolean]>([
    ['3/4 matter: exactly 3/4 of both passes', 'fund_raise', w(60000, 6), true],
    ['3/4 matter: one 0.01 m² less fails', 'rebuild', w(59999, 6), false],
    ['3/4 matter: one person less fails', 'common_use', w(60000, 5), false],
    ['1/2 matter: exactly 1/2 of both fails', 'manager', w(40000, 4), false],
    ['1/2 matter: exactly 1/2 of the area fails', 'fund_use', w(40000, 5), false],
    ['1/2 matter: exactly 1/2 of the number fails', 'rules', w(40001, 4), false],
    ['1/2 matter: one 0.01 m² and one person over 1/2 passes', 'other', w(40001, 5), true],
    ['1/2 matter: 3/4 passes too', 'covenant', w(60000, 6), true],
  ])('%s', (_name, matter, agree, expected) => {
    expect(isApproved(matter, agree, participating)).toBe(expected);
  });

  test('nobody participating approves nothing, even for a 3/4 matter', () => {
    expect(isApproved('fund_raise', w(0, 0), w(0, 0))).toBe(false);
  });
});

/** A register: [area in 0.01 m², owner name, phone, developer?]. */
type Row = [number, string, string, boolean?];
function unitsOf(rows: Row[]) {
  return rows.map(([area, ownerName, ownerPhone, developerHeld]) => ({
    area,
    ownerKey: ownerIdentity({ ownerName, ownerPhone, developerHeld }),
  }));
}

describe('counting owners from the register', () => {
  test('one owner with several units counts once, for all their area', () => {
    const t = totalsOf(
      unitsOf([
        [10000, '张三', '13900000001'],
        [8000, '张三', '13900000001'],
        [9000, '李四', '13900000002'],
      ]),
    );
    expect(t).toEqual({ units: 3, number: 2, area: 27000 });
  });

  test('the same name with another phone is another owner', () => {
    expect(
      totalsOf(
        unitsOf([
          [100, '张三', '13900000001'],
          [100, '张三', '13900000009'],
        ]),
      ).number,
    ).toBe(2);
  });

  test("the developer's unsold units count as one person, whatever names the rows give", () => {
    const t = totalsOf(
      unitsOf([
        [10000, '开发商', '02700000000', true],
        [10000, '荆州置业', '02700000001', true],
        [10000, '王五', '13900000003'],
      ]),
    );
    expect(t).toEqual({ units: 3, number: 2, area: 30000 });
  });

  test('a compound whose units are all one owner: that owner alone decides', () => {
    const units = unitsOf([
      [10000, '赵六', '13900000004'],
      [20000, '赵六', '13900000004'],
    ]);
    const totals = totalsOf(units);
    expect(totals.number).toBe(1);
    expect(outcomeOf('manager', totals, tallyOf([{ area: 30000, choice: 'agree' }]))).toBe('passed');
    expect(outcomeOf('manager', totals, tallyOf([]))).toBe('not_quorate');
  });

  test('abstentions count for the quorum but are not agreement', () => {
    const totals = w(90000, 9);
    const ballots = (choices: Choice[]) => tallyOf(choices.map((choice) => ({ area: 10000, choice })));
    // Four agree and two abstain: quorate (6 of 9); 4 of 6 is more than 1/2 but less than 3/4.
    const t = ballots(['agree', 'agree', 'agree', 'agree', 'abstain', 'abstain']);
    expect(t.participating).toEqual(w(60000, 6));
    expect(outcomeOf('manager', totals, t)).toBe('passed');
    expect(outcomeOf('fund_raise', totals, t)).toBe('rejected');
    // Three agree and three abstain: exactly half agree, so it fails.
    expect(outcomeOf('manager', totals, ballots(['agree', 'agree', 'agree', 'abstain', 'abstain', 'abstain']))).toBe('rejected');
    // Without the abstentions the meeting is not quorate.
    expect(outcomeOf('manager', totals, ballots(['agree', 'agree', 'agree', 'agree']))).toBe('not_quorate');
  });
});

describe('areas', () => {
  test.each<[string | number, number | null]>([
    ['89.5', 8950],
    ['89.50', 8950],
    ['89.55', 8955],
    [89.55, 8955],
    [0.01, 1],
    [120, 12000],
    ['0', null],
    ['1.234', null],
    ['-3', null],
    ['12,5', null],
    [Number.NaN, null],
  ])('%p is %p hundredths of a m²', (input, expected) => {
    expect(parseArea(input)).toBe(expected);
  });

  test('formats hundredths back', () => {
    expect(formatArea(8905)).toBe('89.05');
    expect(formatArea(1)).toBe('0.01');
  });
});

describe('elections', () => {
  const totals = w(100, 10);
  /** Ten owners of 0.10 m² each (for round figures), their marks. */
  const tally = (marks: string[][], candidates: string[]) =>
    tallyOf(
      marks.map((c) => ({ area: 10, candidates: c })),
      candidates,
    );

  test('elected with more than 1/2 of the participating area and number; exactly 1/2 is not enough', () => {
    const c = ['甲', '乙', '丙'];
    const t = tally([['甲', '乙'], ['甲', '乙'], ['甲', '乙'], ['甲', '丙'], ['甲', '丙'], ['甲', '丙'], ['乙'], ['乙'], ['丙'], []], c);
    // 甲 6 of 10, 乙 5 of 10 (exactly half), 丙 4.
    expect(electionOutcome(c, 2, totals, t)).toEqual({ outcome: 'passed', elected: ['甲'], tied: [] });
  });

  test('more passing than seats: the most by number win, then by area', () => {
    const c = ['甲', '乙', '丙'];
    const t = tallyOf(
      [
        { area: 10, candidates: ['甲', '乙', '丙'] },
        { area: 10, candidates: ['甲', '乙', '丙'] },
        { area: 10, candidates: ['甲', '乙', '丙'] },
        { area: 10, candidates: ['甲', '乙', '丙'] },
        { area: 10, candidates: ['甲', '乙', '丙'] },
        { area: 30, candidates: ['甲', '乙'] },
        { area: 10, candidates: ['甲', '丙'] },
      ],
      c,
    );
    // 甲 7 people; 乙 and 丙 6 people each, 乙 with more area.
    expect(electionOutcome(c, 2, w(90, 7), t)).toEqual({ outcome: 'passed', elected: ['甲', '乙'], tied: [] });
  });

  test('a tie in number and area at the last seat leaves that seat open', () => {
    const c = ['甲', '乙', '丙'];
    const t = tally(
      [
        ['甲', '乙', '丙'],
        ['甲', '乙', '丙'],
        ['甲', '乙', '丙'],
        ['甲', '乙', '丙'],
        ['甲', '乙', '丙'],
        ['甲', '乙', '丙'],
        ['甲'],
        [],
        [],
        [],
      ],
      c,
    );
    expect(electionOutcome(c, 2, totals, t)).toEqual({ outcome: 'passed', elected: ['甲'], tied: ['乙', '丙'] });
  });

  test('not quorate elects nobody', () => {
    expect(electionOutcome(['甲'], 1, totals, tally([['甲']], ['甲'])).outcome).toBe('not_quorate');
  });

  test('marks are checked against the list and the seats', () => {
    expect(checkMarks(['甲'], ['甲', '乙'], 1)).toBeNull();
    expect(checkMarks([], ['甲', '乙'], 1)).toBeNull();
    expect(checkMarks(['甲', '乙'], ['甲', '乙'], 1)).toMatch('最多');
    expect(checkMarks(['甲', '甲'], ['甲', '乙'], 2)).toMatch('一次');
    expect(checkMarks(['丁'], ['甲', '乙'], 1)).toMatch('名单');
  });
});
