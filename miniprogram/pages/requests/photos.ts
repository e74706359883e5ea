// Photo upload for requests: CloudBase storage in production (cloud:// file ids), the local
// gateway's /uploads in development (local://uploads/<name>). Resolves to the stored ids, or an error.
// `uploadFile` also takes the admin's spreadsheets (admin/import), a .csv declared as text/csv.
import { config } from '../../config';
import { devOpenid } from '../../utils/dev-account';

/** The most photos a request carries (the server refuses more). */
export const MAX_PHOTOS = 9;

/** Sends a file to the local gateway's /uploads (development); `what` names it in the error messages. */
export function uploadLocal(
  path: string,
  what: string,
  contentType = /\.csv$/i.test(path) ? 'text/csv' : 'application/octet-stream',
): Promise<string> {
  return new Promise((resolve, reject) => {
    wx.getFileSystemManager().readFile({
      filePath: path,
      success: ({ data }) =>
        wx.request({
          url: `${config.localBaseUrl}/uploads`,
          method: 'POST',
          header: { 'content-type': contentType, 'x-openid': devOpenid() },
          data: data as ArrayBuffer,
          success: (res) => {
            const body = res.data as { ok?: boolean; data?: { fileId?: string }; error?: { message?: string } };
            if (body && body.ok && body.data?.fileId) resolve(body.data.fileId);
            else reject(new Error(body?.error?.message ?? `${what}上传失败`));
          },
          fail: () => reject(new Error(`${what}上传失败，请检查网络`)),
        }),
      fail: () => reject(new Error(`读取${what}失败`)),
    });
  });
}

async function uploadCloud(path: string, folder: string, index: number): Promise<string> {
  const ext = (/\.(\w+)$/.exec(path)?.[1] ?? 'jpg').toLowerCase();
  const res = await wx.cloud.uploadFile({
    cloudPath: `${folder}/${Date.now()}-${index}-${Math.random().toString(36).slice(2, 10)}.${ext}`,
    filePath: path,
  });
  return res.fileID;
}

/** Uploads one temp file into `folder` (cloud) and answers its file id; `what` names it in errors. */
export function uploadFile(path: string, folder: string, what: string, index = 0): Promise<string> {
  return config.mode === 'cloud' ? uploadCloud(path, folder, index) : uploadLocal(path, what);
}

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
