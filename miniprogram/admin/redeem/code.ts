// The invitation code a redeem page opens with: `code` from a share card, or `scene` from a scanned
// mini-program code (`code=XXXXXXXX` or the bare code).

/** 8 of A–Z and 2–9 without look-alikes, as account.invite makes them. */
const CODE = /^[A-HJKMNP-Z2-9]{8}$/;

export function codeOf(query: Record<string, string | undefined>): string {
  const scene = query.scene ? decodeURIComponent(query.scene) : '';
  const raw = query.code || (/(?:^|&)code=([^&]+)/.exec(scene)?.[1] ?? scene);
  return raw.trim().toUpperCase();
}

/** Whether a typed code can be one (the server has the last word). */
export function isCode(code: string): boolean {
  return CODE.test(code);
}
