import type { ContentCheck, ContentVerdict } from '../ports/content-check';

/** A few words a demo install refuses; a real install configures its own list (CONTENT_WORDS). */
const DEFAULT_BLOCKED_WORDS = ['赌博', '博彩', '代开发票', '色情', '毒品', '枪支'];

/** The local ContentCheck: refuses text containing any configured word (case-insensitive). */
export class WordListContentCheck implements ContentCheck {
  private readonly words: string[];
  constructor(words: string[] = DEFAULT_BLOCKED_WORDS) {
    this.words = words.map((w) => w.trim().toLowerCase()).filter(Boolean);
  }
  async check(text: string): Promise<ContentVerdict> {
    const t = text.toLowerCase();
    return this.words.some((w) => t.includes(w)) ? { ok: false, label: 'word_list' } : { ok: true };
  }
}
