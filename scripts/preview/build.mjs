// `npm run preview`: renders every page of the mini-program in each of its states (the list is
// scripts/preview/pages.ts) and writes a PNG of each — 375 × 812 CSS px at 2×, i.e. 750 × 1624 —
// plus an index.html gallery under preview/.
//
//   1. jest renders the pages in jsdom and writes standalone HTML (scripts/preview/html.mjs);
//   2. headless Chromium screenshots and audits each HTML file (scripts/preview/browser.mjs). The
//      care-mode states (关怀模式, WeChat's largest font) must come out with nothing cut off or
//      overlapping and every tap target at least 44 px: the build lists each one that does not.
//
// Options: --only <id|page>[,…] (a subset), --out <dir> (default preview/), --no-full (skip the
// full-length pictures the gallery links to), --html-only (step 1 alone: no browser, nothing
// installed — what `npm test` checks). Installs chromium and fonts-noto-cjk with apt when missing.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditNotes } from './gallery.mjs';
import { log, parseArgs, renderHtml, writeGallery } from './html.mjs';

/** Care-mode states whose audit found something, with what it found. */
export function careProblems(items) {
  return items.filter((i) => i.state.includes('care') && auditNotes(i.audit).length).map((i) => ({ id: i.id, notes: auditNotes(i.audit) }));
}

export async function buildPreview(argv = []) {
  const started = Date.now();
  const args = parseArgs(argv);
  if (!args.htmlOnly) {
    const { ensureChromium } = await import('./browser.mjs');
    ensureChromium();
  }
  const manifest = renderHtml(args);
  if (!args.htmlOnly) {
    const { screenshot } = await import('./browser.mjs');
    await screenshot(args, manifest.items);
  }
  const result = writeGallery(args, manifest, started);
  if (!args.htmlOnly) {
    const care = careProblems(manifest.items);
    const shots = manifest.items.filter((i) => i.state.includes('care') && i.png).length;
    log(`care mode (关怀模式): ${shots} pictures, ${care.length} with problems`);
    for (const c of care) log(`  ${c.id}: ${c.notes.join(' | ')}`);
  }
  return result;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildPreview(process.argv.slice(2)).then(
    ({ failed }) => process.exit(failed.length ? 1 : 0),
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
