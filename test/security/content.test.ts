/**
 * User text passes the content-security check before it is stored (RULES.md §5): for every
 * action, every free-text field of its sample (a string with Chinese in it), sent with a word the
 * local word list refuses, is answered CONTENT_REJECTED by a caller the matrix lets through — and
 * the refused text is nowhere in the database.
 */
import { FUNCTIONS, type FunctionName } from '../../cloudfunctions/core/app/functions';
import { ACTION_SAMPLES, actionOf, type Payload } from '../support/action-samples';
import { AUTHZ_MATRIX, REPORTED } from './authz-matrix';
import { CALLER_NAMES, CALLERS, makeWorld, outcome, restore } from './support/world';

const FUNCTION_NAMES = Object.keys(FUNCTIONS) as FunctionName[];
/** Contains 赌博, on the default word list (adapters/word-list-check.ts). */
const BLOCKED = '这里有赌博广告';
const CHINESE = /[\u4e00-\u9fff]/;

/**
 * Fields that are not "user text" in RULES.md §5's sense (descriptions, comments, opinions):
 * a resident's own name and address at registration, checked by the staff who approve them.
 */
const NOT_CHECKED = new Set(['account.register name', 'account.register building']);

/** Paths of the free-text strings in a payload: `title`, `skills.0`… */
function textPaths(v: unknown, prefix = ''): string[] {
  if (typeof v === 'string') return CHINESE.test(v) ? [prefix] : [];
  if (Array.isArray(v)) return v.flatMap((x, i) => textPaths(x, `${prefix}.${i}`));
  if (typeof v === 'object' && v !== null) return Object.entries(v).flatMap(([k, x]) => textPaths(x, prefix ? `${prefix}.${k}` : k));
  return [];
}

function withText(payload: Payload, at: string, text: string): Payload {
  const out = JSON.parse(JSON.stringify(payload)) as Record<string, unknown>;
  const keys = at.split('.');
  let node = out as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>;
  node[keys[keys.length - 1]] = text;
  return out;
}

const cases = FUNCTION_NAMES.flatMap((fn) => Object.keys(ACTION_SAMPLES[fn]).map((key) => [fn, key] as const));

test.each(cases)('%s.%s refuses blocked words in every free-text field and stores none of it', async (fn, key) => {
  const h = await makeWorld();
  try {
    const payload = await ACTION_SAMPLES[fn][key](h);
    const caller = CALLER_NAMES.find((c) => AUTHZ_MATRIX[fn]?.[key]?.[c] === 'ok' && !REPORTED[`${fn}.${key}`]?.[c]);
    expect(caller).toBeDefined();
    const base = h.snapshot();
    const at = h.clock.now().toISOString();
    const problems: string[] = [];
    for (const path of textPaths(payload)) {
      if (NOT_CHECKED.has(`${fn}.${actionOf(key)} ${path}`)) continue;
      restore(h, base, at);
      const r = await h.call(fn, actionOf(key), withText(payload, path, BLOCKED), CALLERS[caller as keyof typeof CALLERS]);
      if (outcome(r) !== 'CONTENT_REJECTED') problems.push(`${path}: ${outcome(r)}`);
      const stored = Object.values(h.snapshot()).some((rows) => rows.some((row) => row.data.includes('赌博')));
      if (stored) problems.push(`${path}: the refused text was stored`);
    }
    expect(problems).toEqual([]);
  } finally {
    await h.close();
  }
});
