// Photo upload for requests: CloudBase storage in production (cloud:// file ids), the local
// gateway's /uploads in development (local://uploads/<name>). Resolves to the stored ids, or an error.
import { uploadFile } from '../../utils/upload';

/** The most photos a request carries (the server refuses more). */
export const MAX_PHOTOS = 9;

/** Uploads temp files in order; the stored file ids, or the first error's message. */
export async function uploadPhotos(paths: string[]): Promise<{ ok: true; ids: string[] } | { ok: false; message: string }> {
  const ids: string[] = [];
  try {
    for (let i = 0; i < paths.length; i++) ids.push(await uploadFile(paths[i], 'requests', '图片', i));
    return { ok: true, ids };
  } catch (err) {
    return { ok: false, message: err instanceof Error && err.message ? err.message : '图片上传失败' };
  }
}

/** A token that makes one submission safe to retry (the same form keeps the same token). */
export function newClientToken(): string {
  return `rq${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`.replace(/[^A-Za-z0-9_-]/g, '');
}
