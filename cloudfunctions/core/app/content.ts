/**
 * The content check of every action's user text (RULES.md §5), applied by the dispatcher to the
 * validated input before the action runs — so every free-text field of every action, including
 * actions added later, is checked without the action having to remember it.
 *
 * Free text is any string whose schema is a plain `z.string()` (no format, no pattern): ids,
 * tokens, photo ids, times, phones and enums have a format or a fixed set of values and are not
 * text a person wrote. NOT_TEXT names the few plain strings that are not user text either.
 */
import type * as z from 'zod/mini';
import type { ContentCheck, ContentVerdict } from '../ports/content-check';
import type { AppContext } from './context';
import { fail, type Failure } from './result';

/**
 * Plain-string fields that are not user text: opaque list cursors we issued ourselves, uploaded
 * file ids, and 统一社会信用代码 (checked against GB 32100 instead).
 */
export const NOT_TEXT = new Set(['cursor', 'fileId', 'creditCode']);

interface Def {
  type: string;
  shape?: Record<string, z.ZodMiniType>;
  element?: z.ZodMiniType;
  valueType?: z.ZodMiniType;
  innerType?: z.ZodMiniType;
  in?: z.ZodMiniType;
  out?: z.ZodMiniType;
  options?: z.ZodMiniType[];
  items?: z.ZodMiniType[];
  left?: z.ZodMiniType;
  right?: z.ZodMiniType;
  getter?: () => z.ZodMiniType;
}

const defOf = (s: z.ZodMiniType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
interface Check {
  _zod: { def: { check?: string; format?: string } };
}

/**
 * A string schema's format (`regex`, `datetime`, …), as zod derives it: from its `string_format`
 * checks, a format schema (such as `z.iso.datetime`) being its own first check.
 */
function formatOf(s: z.ZodMiniType): string | null {
  const zod = (s as unknown as { _zod: { traits: Set<string>; def: { checks?: Check[] } } })._zod;
  const checks = zod.traits.has('$ZodCheck') ? [s as unknown as Check, ...(zod.def.checks ?? [])] : (zod.def.checks ?? []);
  return checks.find((c) => c._zod.def.check === 'string_format')?._zod.def.format ?? null;
}

/** Whether a string schema is free text: no format or pattern. */
function isFreeText(s: z.ZodMiniType): boolean {
  return formatOf(s) === null;
}

/**
 * The free-text strings of a validated value, walking its schema alongside it, with their paths.
 * Unions are walked along the first option the value satisfies.
 */
export function freeTexts(schema: z.ZodMiniType, value: unknown, path: string[] = []): Array<{ path: string; text: string }> {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return typeof value === 'string' && value !== '' && isFreeText(schema) && !NOT_TEXT.has(path[path.length - 1] ?? '')
        ? [{ path: path.join('.'), text: value }]
        : [];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return value === undefined || value === null ? [] : freeTexts(def.innerType!, value, path);
    case 'pipe': {
      const inner = defOf(def.in!).type === 'transform' ? def.out! : def.in!;
      return freeTexts(inner, value, path);
    }
    case 'object':
      if (typeof value !== 'object' || value === null) return [];
      return Object.entries(def.shape ?? {}).flatMap(([k, s]) => freeTexts(s, (value as Record<string, unknown>)[k], [...path, k]));
    case 'array':
      return Array.isArray(value) ? value.flatMap((v, i) => freeTexts(def.element!, v, [...path, String(i)])) : [];
    case 'tuple':
      return Array.isArray(value) ? (def.items ?? []).flatMap((s, i) => freeTexts(s, value[i], [...path, String(i)])) : [];
    case 'record':
      if (typeof value !== 'object' || value === null) return [];
      return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => freeTexts(def.valueType!, v, [...path, k]));
    case 'union': {
      const match = (def.options ?? []).find((o) => o.safeParse(value).success);
      return match ? freeTexts(match, value, path) : [];
    }
    case 'intersection':
      return [...freeTexts(def.left!, value, path), ...freeTexts(def.right!, value, path)];
    case 'lazy':
      return freeTexts(def.getter!(), value, path);
    default:
      return [];
  }
}

/** The one answer to user text the content-security check refuses (RULES.md §5). */
export const contentRejected = (): Failure => fail('CONTENT_REJECTED', '内容未通过安全检测，请修改后重试');

/**
 * Runs texts an action builds itself through the check (the dispatcher has checked the input's
 * fields already; a text judged in this call is not sent again); null when all pass.
 */
export async function checkTexts(ctx: AppContext, texts: ReadonlyArray<string | null | undefined>): Promise<Failure | null> {
  for (const t of texts) {
    if (!t) continue;
    const verdict = await ctx.contentCheck.check(t, ctx.openid ?? '');
    if (!verdict.ok) return contentRejected();
  }
  return null;
}

/** The most characters of names sent in one check (WeChat's msgSecCheck takes up to 2,500). */
export const NAMES_PER_CHECK_CHARS = 2000;

/**
 * Checks many short names (a city's structure: 3,400 of them) a few requests at a time: joined one
 * per line, up to NAMES_PER_CHECK_CHARS a request, the requests issued together. One by one they
 * were 3,400 WeChat calls in sequence — minutes, and past msgSecCheck's 4,000 calls a minute.
 */
export async function checkNames(ctx: AppContext, names: readonly string[]): Promise<Failure | null> {
  const texts: string[] = [];
  for (const name of names.map((n) => n.trim()).filter(Boolean)) {
    const last = texts.length - 1;
    if (last >= 0 && texts[last].length + 1 + name.length <= NAMES_PER_CHECK_CHARS) texts[last] += `\n${name}`;
    else texts.push(name);
  }
  const verdicts = await Promise.all(texts.map((t) => ctx.contentCheck.check(t, ctx.openid ?? '')));
  return verdicts.every((v) => v.ok) ? null : contentRejected();
}

/**
 * Checks every free-text field of `input`; the failure to answer when one is refused. A failure
 * of the check service itself throws ServiceUnavailableError (the dispatcher answers UNAVAILABLE).
 */
export async function checkInputText(
  schema: z.ZodMiniType,
  input: unknown,
  ctx: Pick<AppContext, 'contentCheck' | 'openid'>,
): Promise<Failure | null> {
  const texts = [...new Set(freeTexts(schema, input).map((t) => t.text.trim()))].filter(Boolean);
  if (texts.length === 0) return null;
  const verdicts = await Promise.all(texts.map((t) => ctx.contentCheck.check(t, ctx.openid ?? '')));
  return verdicts.every((v) => v.ok) ? null : contentRejected();
}

/** The check for one call: a text already judged in this call is not sent to the service again. */
export function perCallCheck(check: ContentCheck): ContentCheck {
  const seen = new Map<string, Promise<ContentVerdict>>();
  return {
    check(text, openid) {
      const key = text.trim();
      let verdict = seen.get(key);
      if (!verdict) seen.set(key, (verdict = check.check(key, openid)));
      return verdict;
    },
  };
}
