/**
 * Unified social credit codes (统一社会信用代码), GB 32100-2015: 18 characters, the last one a check
 * character over the first 17; characters 9–17 are the organisation code of GB 11714 with its own
 * check character.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The GB 32100 check character for the first 17 characters, or null if they use invalid characters. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CHARSET.indexOf(first17[i]);
    if (v < 0) return null;
    sum += v * WEIGHTS[i];
  }
  return CHARSET[(31 - (sum % 31)) % 31];
}

/** The GB 11714 check character for an 8-character organisation code body. */
export function orgCodeCheckChar(first8: string): string | null {
  if (!/^[0-9A-Z]{8}$/.test(first8)) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = first8[i];
    const v = c >= '0' && c <= '9' ? Number(c) : c.charCodeAt(0) - 55;
    sum += v * ORG_WEIGHTS[i];
  }
  const r = 11 - (sum % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}

/** Whether a code is a well-formed unified social credit code with both check characters right. */
export function isValidCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return false;
  return orgCodeCheckChar(code.slice(8, 16)) === code[16];
}

/** Builds a valid code from registration/type prefix, division code and an 8-character organisation body. */
export function makeCreditCode(prefix: string, division: string, orgBody: string): string {
  const orgCheck = orgCodeCheckChar(orgBody);
  if (!orgCheck) throw new Error(`invalid organisation code body: ${orgBody}`);
  const first17 = `${prefix}${division}${orgBody}${orgCheck}`;
  const check = creditCodeCheckChar(first17);
  if (!check) throw new Error(`invalid credit code body: ${first17}`);
  return first17 + check;
}
