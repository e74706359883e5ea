import { creditCodeCheckChar, isValidCreditCode, makeCreditCode, orgCodeCheckChar } from '../../cloudfunctions/core/domain/credit-code';
import { maskPhone } from '../../cloudfunctions/core/domain/phone';

describe('unified social credit code (GB 32100)', () => {
  test.each([
    // Published codes of well-known companies.
    ['91110000600037341L', true],
    ['91440300708461136T', true],
    ['91310000MA1FL1ADXM', false], // check character altered
    ['91110000600037341', false], // 17 characters
    ['9111000060003734IL', false], // I is not in the character set
  ])('validates %s as %s', (code, valid) => {
    expect(isValidCreditCode(code)).toBe(valid);
  });

  test('computes the organisation-code check character of GB 11714, X for 10', () => {
    expect(orgCodeCheckChar('60003734')).toBe('1');
    expect(orgCodeCheckChar('70846113')).toBe('6');
    expect(orgCodeCheckChar('bad')).toBeNull();
  });

  test('refuses a body with characters outside the code alphabet', () => {
    expect(creditCodeCheckChar('9111000060003734O')).toBeNull();
  });

  test('builds codes that validate, from a division code and an organisation body', () => {
    const code = makeCreditCode('91', '421002', 'MA4A1B2C');
    expect(code).toHaveLength(18);
    expect(code.slice(2, 8)).toBe('421002');
    expect(isValidCreditCode(code)).toBe(true);
  });
});

describe('phone masking', () => {
  test('keeps the first three and last four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
  test('masks short values entirely', () => {
    expect(maskPhone('12345')).toBe('*****');
  });
});
