// Uploads for the owners' pages: a photo of a signed paper ballot, or the register spreadsheet.
// CloudBase storage in production (cloud:// ids), the local gateway's /uploads in development.
import { config } from '../config';
import { devOpenid } from '../utils/dev-account';

const CONTENT_TYPES: Record<string, string> = { csv: 'text/csv', xlsx: 'application/octet-stream' };

function uploadLocal(path: string, ext: string): Promise<string> {
  return new Promise((resolve, reject) => {
    wx.getFileSystemManager().readFile({
      filePath: path,
      success: ({ data }) =>
        wx.request({
          url: `${config.localBaseUrl}/uploads`,
          method: 'POST',
          header: { 'content-type': CONTENT_TYPES[ext] ?? 'application/octet-stream', 'x-openid': devOpenid() },
          data: data as ArrayBuffer,
          success: (res) => {
            const body = res.data as { ok?: boolean; data?: { fileId?: string }; error?: { message?: string } };
            if (body && body.ok && body.data?.fileId) resolve(body.data.fileId);
            else reject(new Error(body?.error?.message ?? '上传失败'));
          },
          fail: () => reject(new Error('上传失败，请检查网络')),
        }),
      fail: () => reject(new Error('读取文件失败')),
    });
  });
}

/** Uploads one temp file; its stored id, or the error's message. */
export async function uploadFile(
  path: string,
  folder: 'ballots' | 'registers',
): Promise<{ ok: true; fileId: string } | { ok: false; message: string }> {
  const ext = (/\.(\w+)$/.exec(path)?.[1] ?? 'jpg').toLowerCase();
  try {
    if (config.mode !== 'cloud') return { ok: true, fileId: await uploadLocal(path, ext) };
    const res = await wx.cloud.uploadFile({
      cloudPath: `${folder}/${Date.now()}-${Math.random().toString(36).slice(2, 10)}.${ext}`,
      filePath: path,
    });
    return { ok: true, fileId: res.fileID };
  } catch (err) {
    return { ok: false, message: err instanceof Error && err.message ? err.message : '上传失败' };
  }
}
