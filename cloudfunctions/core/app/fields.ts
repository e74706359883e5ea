// The zod building blocks of every function's input schema, and the shape of a page of a list. Pure (zod and domain only, no Node
// APIs), so the mini-program can type its inputs with `z.input` of the schemas built from these.
import * as z from 'zod/mini';
import { MOBILE_PATTERN } from '../domain/phone';

// Validation messages in Chinese: users read them in the mini-program.
z.config(z.locales.zhCN());

/** An object schema that refuses unknown fields. */
export const strict = z.strictObject;

/** An id of a stored object. */
export const id = z.string().check(z.trim(), z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_:.-]+$/, '编号格式不正确'));

/** A short single-line text such as a name or title. */
export const line = (max: number) => z.string().check(z.trim(), z.minLength(1, '不能为空'), z.maxLength(max, `不能超过 ${max} 个字`));

/** A longer free text such as a description or note. */
export const text = (max: number) => z.string().check(z.trim(), z.minLength(1, '不能为空'), z.maxLength(max, `不能超过 ${max} 个字`));

/** An ISO-8601 time with an explicit offset, e.g. 2026-12-01T09:00:00+08:00. */
export const isoTime = z.iso.datetime({ offset: true, message: '时间格式应为 ISO-8601（含时区）' });

/** A client-generated token that makes a write safe to retry. */
export const clientToken = z.string().check(z.minLength(8), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/, 'clientToken 格式不正确'));

/** A mainland mobile number. */
export const phone = z.string().check(z.regex(MOBILE_PATTERN, '请输入 11 位手机号'));

/** Paging of every list (API.md §5). */
export const paging = {
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z.optional(z.number().check(z.int(), z.gte(1), z.lte(100))),
};

/** The items of one page and the cursor of the next, null at the end. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
