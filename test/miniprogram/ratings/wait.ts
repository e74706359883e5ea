import { settle, type PageHandle } from '../harness';

/** Waits (up to 3 s) until the page shows `text`: a confirmation, a call and its answer take several turns. */
export async function until(page: PageHandle, text: string): Promise<void> {
  for (let i = 0; i < 150 && !page.text().includes(text); i++) await settle(20);
}

/** Waits (up to 3 s) until `check` holds, e.g. a toast was shown after a call answered. */
export async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 150 && !check(); i++) await settle(20);
}
