// Uploads for the owners' pages: a photo of a signed paper ballot, or the register spreadsheet.
// CloudBase storage in production (cloud:// ids), the local gateway's /uploads in development.
import { config } from '../config';
import { uploadLocal } from '../pages/requests/photos';

const CONTENT_TYPES: Record<string, string> = { csv: 'text/csv', xlsx: 'application/octet-stream' };

/** Uploads one temp file; its stored id, or the error's message. */
export async function uploadFile(
  path: string,
  folder: 'ballots' | 'registers',
): Promise<{ ok: true; fileId: string } | { ok: false; message: string }> {
  const ext = (/\.(\w+)$/.exec(path)?.[1] ?? 'jpg').toLowerCase();
  try {
    if (config.mode !== 'cloud') return { ok: true, fileId: await uploadLocal(path, '', CONTENT_TYPES[ext]) };
    const res = await wx.cloud.uploadFile({
      cloudPath: `${folder}/${Date.now()}-${Math.random().toString(36).slice(2, 10)}.${ext}`,
      filePath: path,
    });
    return { ok: true, fileId: res.fileID };
  } catch (err) {
    return { ok: false, message: err instanceof Error && err.message ? err.message : '上传失败' };
  }
}
