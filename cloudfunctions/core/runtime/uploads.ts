import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';

/**
 * Photo uploads of the local gateway: the local stand-in for `wx.cloud.uploadFile`. In production
 * the mini-program uploads to CloudBase storage and requests store `cloud://` file ids; locally
 * it posts the raw image here and stores the `local://uploads/<name>` id this answers.
 *
 *   POST /uploads           raw image body (jpeg, png, webp or gif) or spreadsheet (.xlsx; .csv as
 *                           text/csv), ≤ 2 MB, header x-openid
 *                           → 200 {"ok":true,"data":{"fileId":"local://uploads/<name>"}}
 *   GET  /uploads/<name>    the image
 */

/** 2 MB: photos are compressed by the mini-program before upload. */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

const OPENID = /^[A-Za-z0-9_-]{1,64}$/;
const NAME = /^[A-Za-z0-9_-]{8,64}\.(jpg|png|webp|gif|xlsx|csv)$/;

type Ext = 'jpg' | 'png' | 'webp' | 'gif' | 'xlsx' | 'csv';
const TYPES: Record<Ext, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/**
 * A spreadsheet (the owners' register, API.md §6): an .xlsx is a zip; a .csv is accepted only when
 * declared `text/csv` and the body is UTF-8 text without NUL bytes.
 */
export function sniffSheet(b: Buffer, contentType: string | undefined): Ext | null {
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'xlsx';
  if (!/^text\/csv\b/i.test(contentType ?? '') || b.includes(0)) return null;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return 'csv';
  } catch {
    return null;
  }
}

/** The image type by its first bytes; the declared content type is not trusted. */
function sniffImage(b: Buffer): Ext | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  if (b.length >= 6 && /^GIF8[79]a$/.test(b.toString('latin1', 0, 6))) return 'gif';
  return null;
}

function reply(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

const refuse = (res: http.ServerResponse, status: number, code: string, message: string) =>
  reply(res, status, { ok: false, error: { code, message } });

export interface UploadsOptions {
  /** Where files go: `$DATA_DIR/uploads`. Created when missing. */
  dir: string;
  maxBytes?: number;
  /** Who may upload: by default anyone with an identity; the gateway allows active users only. */
  mayUpload?: (openid: string) => Promise<boolean>;
}

/** A request handler for /uploads; resolves true when it handled the request, false for any other path. */
export type UploadsHandler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<boolean>;

/** Creates the /uploads handler the gateway mounts before its function routes. */
export function createUploadsHandler(options: UploadsOptions): UploadsHandler {
  const max = options.maxBytes ?? MAX_UPLOAD_BYTES;
  fs.mkdirSync(options.dir, { recursive: true });

  return async (req, res) => {
    const url = (req.url ?? '/').split('?')[0];
    if (url !== '/uploads' && !url.startsWith('/uploads/')) return false;

    if (req.method === 'GET' && url.startsWith('/uploads/')) {
      const name = url.slice('/uploads/'.length);
      // Spreadsheets hold owners' personal data: read by the server only, never served.
      const file = NAME.test(name) && !/\.(xlsx|csv)$/.test(name) ? path.join(options.dir, name) : null;
      if (!file || !fs.existsSync(file)) {
        refuse(res, 404, 'NOT_FOUND', '图片不存在');
        return true;
      }
      const body = await fs.promises.readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[name.split('.').pop() as Ext],
        'content-length': body.length,
        'cache-control': 'private, max-age=86400',
        'x-content-type-options': 'nosniff',
      });
      res.end(body);
      return true;
    }

    if (req.method !== 'POST' || url !== '/uploads') {
      req.resume();
      refuse(res, 404, 'NOT_FOUND', '请使用 POST /uploads 上传图片');
      return true;
    }
    const openid = req.headers['x-openid'];
    if (typeof openid !== 'string' || !OPENID.test(openid)) {
      req.resume();
      refuse(res, 401, 'UNAUTHENTICATED', '未获取到用户身份');
      return true;
    }
    if (options.mayUpload && !(await options.mayUpload(openid))) {
      req.resume();
      refuse(res, 403, 'FORBIDDEN', '账号通过审核后才能上传图片');
      return true;
    }
    if (Number(req.headers['content-length'] ?? 0) > max) {
      req.resume();
      res.setHeader('connection', 'close');
      refuse(res, 400, 'INVALID_INPUT', '图片不能超过 2 MB');
      return true;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > max) {
        res.setHeader('connection', 'close');
        refuse(res, 400, 'INVALID_INPUT', '图片不能超过 2 MB');
        return true;
      }
      chunks.push(chunk as Buffer);
    }
    const body = Buffer.concat(chunks);
    const ext = sniffImage(body) ?? sniffSheet(body, req.headers['content-type']);
    if (!ext) {
      refuse(res, 400, 'INVALID_INPUT', '只能上传 JPG、PNG、WebP 或 GIF 图片，或 .xlsx / .csv 表格');
      return true;
    }
    const name = `${randomBytes(12).toString('base64url')}.${ext}`;
    // 'wx': never overwrite, even on the (astronomically unlikely) name collision.
    await fs.promises.writeFile(path.join(options.dir, name), body, { flag: 'wx' });
    reply(res, 200, { ok: true, data: { fileId: `local://uploads/${name}` } });
    return true;
  };
}
