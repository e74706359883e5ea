/**
 * Every piece of user text passes the content-security check before it is stored (RULES.md §5).
 *
 * - Schema walk: for every action of every function in FUNCTIONS (actions added later included),
 *   every plain-string field of its input schema at any depth — optional ones the sample leaves
 *   out too — set to a word the local word list refuses, is answered CONTENT_REJECTED. A string
 *   field is exempt only when its schema gives it a format or a fixed set of values (ids, times,
 *   photo ids, phones, enums) or it is named in NOT_TEXT.
 * - Sample walk: every string of every sample payload, whatever it looks like, set to the blocked
 *   text, is refused (CONTENT_REJECTED, or INVALID_INPUT where the field has a format) and the
 *   text is nowhere in the database afterwards.
 */
import type * as z from 'zod/mini';
import { freeTexts, NOT_TEXT } from '../../cloudfunctions/core/app/content';
import { FUNCTIONS, type FunctionName } from '../../cloudfunctions/core/app/functions';
import { ACTION_SAMPLES, actionOf, type Payload } from '../support/action-samples';
import { AUTHZ_MATRIX } from './authz-matrix';
import { CALLER_NAMES, CALLERS, makeWorld, outcome, restore } from './support/world';

const FUNCTION_NAMES = Object.keys(FUNCTIONS) as FunctionName[];
/** Contains 赌博, on the default word list (adapters/word-list-check.ts). */
const BLOCKED = '这里有赌博广告';

type Path = Array<string | number>;
interface Def {
  type: string;
  shape?: Record<string, z.ZodMiniType>;
  element?: z.ZodMiniType;
  innerType?: z.ZodMiniType;
  in?: z.ZodMiniType;
  out?: z.ZodMiniType;
  options?: z.ZodMiniType[];
}
const defOf = (s: z.ZodMiniType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Paths of the plain-string leaves of a schema (array items as index 0). */
/** Whether a string schema has a format: a `string_format` check (regex, …) or being a format schema itself (z.iso.datetime). */
function hasFormat(s: z.ZodMiniType): boolean {
  const { traits, def } = (s as unknown as { _zod: { traits: Set<string>; def: { checks?: Array<{ _zod: { def: { check: string } } }> } } })
    ._zod;
  return traits.has('$ZodCheck') || (def.checks ?? []).some((c) => c._zod.def.check === 'string_format');
}

function plainStringPaths(s: z.ZodMiniType, path: Path = []): Path[] {
  const def = defOf(s);
  switch (def.type) {
    case 'string':
      return !hasFormat(s) && !NOT_TEXT.has(String(path[path.length - 1])) ? [path] : [];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return plainStringPaths(def.innerType!, path);
    case 'pipe':
      return plainStringPaths(defOf(def.in!).type === 'transform' ? def.out! : def.in!, path);
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([k, v]) => plainStringPaths(v, [...path, k]));
    case 'array':
      return plainStringPaths(def.element!, [...path, 0]);
    case 'union':
      return (def.options ?? []).flatMap((o) => plainStringPaths(o, path));
    default:
      return [];
  }
}

/** Every string path of a payload. */
function stringPaths(v: unknown, path: Path = []): Path[] {
  if (typeof v === 'string') return [path];
  if (Array.isArray(v)) return v.flatMap((x, i) => stringPaths(x, [...path, i]));
  if (typeof v === 'object' && v !== null) return Object.entries(v).flatMap(([k, x]) => stringPaths(x, [...path, k]));
  return [];
}

/** The payload with `text` at `path`, creating missing objects and arrays on the way. */
function withText(payload: Payload, path: Path, text: string): Payload {
  const out = JSON.parse(JSON.stringify(payload)) as Record<string | number, unknown>;
  let node = out;
  path.slice(0, -1).forEach((k, i) => {
    if (node[k] === undefined || node[k] === null) node[k] = typeof path[i + 1] === 'number' ? [] : {};
    node = node[k] as Record<string | number, unknown>;
  });
  node[path[path.length - 1]] = text;
  return out;
}

const cases = FUNCTION_NAMES.flatMap((fn) =>
  Object.keys(ACTION_SAMPLES[fn])
    .filter((key) => !key.includes('#'))
    .map((key) => [fn, key] as const),
);

test('every action of every function has a sample to walk', () => {
  const missing = FUNCTION_NAMES.flatMap((fn) =>
    Object.keys(FUNCTIONS[fn])
      .filter((a) => !ACTION_SAMPLES[fn][a])
      .map((a) => `${fn}.${a}`),
  );
  expect(missing).toEqual([]);
});

test('the schema walk finds the free-text fields, evidence lines included', () => {
  const paths = (fn: FunctionName, action: string) =>
    plainStringPaths((FUNCTIONS[fn] as Record<string, { input: z.ZodMiniType }>)[action].input).map((p) => p.join('.'));
  expect(paths('ratings', 'recordSeriousItem')).toEqual(['description', 'evidence.0']);
  expect(paths('requests', 'accept')).toEqual(['note']);
  expect(paths('requests', 'list')).toEqual([]);
});

test('only free text goes to the check: ids, times, phones and tokens have a format and do not', () => {
  const input = (FUNCTIONS.volunteer as Record<string, { input: z.ZodMiniType }>).createActivity.input;
  const value = input.parse({
    communityId: 'cm_hongxing',
    title: '义诊',
    category: 'environment',
    description: '社区义诊',
    location: '社区广场',
    startAt: '2026-12-01T09:00:00+08:00',
    endAt: '2026-12-01T11:00:00+08:00',
    signupDeadline: '2026-11-30T18:00:00+08:00',
    capacity: 20,
    contactName: '张三',
    contactPhone: '0716-8210001',
    teamId: 'team_1',
    clientToken: 'token-12345678',
  });
  expect(freeTexts(input, value).map((t) => t.path)).toEqual(['title', 'description', 'location', 'contactName']);
});

test.each(cases)('%s.%s: every free-text field of its schema is checked, and the refused text is stored nowhere', async (fn, key) => {
  const h = await makeWorld();
  try {
    const payload = await ACTION_SAMPLES[fn][key](h);
    const caller = CALLER_NAMES.find((c) => AUTHZ_MATRIX[fn]?.[key]?.[c] === 'ok');
    expect(caller).toBeDefined();
    const openid = CALLERS[caller as keyof typeof CALLERS];
    const base = h.snapshot();
    const at = h.clock.now().toISOString();
    const problems: string[] = [];
    const schema = (FUNCTIONS[fn] as Record<string, { input: z.ZodMiniType }>)[actionOf(key)].input;
    const attempts: Array<{ path: Path; allowed: string[] }> = [
      ...plainStringPaths(schema).map((path) => ({ path, allowed: ['CONTENT_REJECTED'] })),
      // Any string of the sample: refused one way or the other.
      ...stringPaths(payload).map((path) => ({ path, allowed: ['CONTENT_REJECTED', 'INVALID_INPUT'] })),
    ];
    for (const { path, allowed } of attempts) {
      if (NOT_TEXT.has(String(path[path.length - 1]))) continue;
      restore(h, base, at);
      const r = await h.call(fn, actionOf(key), withText(payload, path, BLOCKED), openid);
      if (!allowed.includes(outcome(r))) problems.push(`${path.join('.')}: ${outcome(r)}`);
      const stored = Object.values(h.snapshot()).some((rows) => rows.some((row) => row.data.includes('赌博')));
      if (stored) problems.push(`${path.join('.')}: the refused text was stored`);
    }
    expect(problems).toEqual([]);
  } finally {
    await h.close();
  }
});
