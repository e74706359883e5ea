/** The verdict on a piece of user text. */
export interface ContentVerdict {
  ok: boolean;
  /** Why it was refused (a label, never the offending words). */
  label?: string;
}

/** The ContentCheck port: WeChat security.msgSecCheck (v2) in production, a word list locally. */
export interface ContentCheck {
  check(text: string, openid: string): Promise<ContentVerdict>;
}
