// Every export button's one path (API.md §6, docs/API.md): export, download, wx.openDocument. In the
// staff subpackage, where the export pages are; a page of another subpackage would move it to utils/.
import type { ApiResult } from '../../typings/api';
import type { AdminReason } from '../../cloudfunctions/core/app/admin/reasons';
import type { RatingsReason } from '../../cloudfunctions/core/app/ratings/reasons';
import { config } from '../config';
import { devOpenid } from '../utils/dev-account';

/** What an export answers. */
export interface ExportedFile {
  fileId: string;
  name: string;
}

/** Where opening stopped, as the page shows it. */
export const EXPORT_MESSAGES = {
  download: '文件下载失败，请检查网络后重试',
  denied: '文件下载失败：没有权限或文件已失效，请重新导出',
  open: '文件已下载，但无法打开。请稍后重试，或在电脑版微信中打开',
  unsupported: '无法识别导出的文件，请重新导出',
  /** EXPORT_TOO_LARGE without the server's message (which gives the figures). */
  tooLarge: '导出记录超过单个文件的上限，请缩小范围（按街道、社区或起止日期）分别导出',
} as const;

/** The reasons of the functions that export (admin.exportLedger, ratings.export). */
export type ExportReason = AdminReason | RatingsReason;

type Downloaded = { ok: true; path: string } | { ok: false; message: string };

function downloadUrl(url: string, header: Record<string, string>): Promise<Downloaded> {
  return new Promise((resolve) => {
    wx.downloadFile({
      url,
      header,
      success: (res) =>
        resolve(
          res.statusCode === 200 && res.tempFilePath
            ? { ok: true, path: res.tempFilePath }
            : { ok: false, message: res.statusCode === 403 || res.statusCode === 404 ? EXPORT_MESSAGES.denied : EXPORT_MESSAGES.download },
        ),
      fail: (err) => {
        console.error('[export] wx.downloadFile failed', err);
        resolve({ ok: false, message: EXPORT_MESSAGES.download });
      },
    });
  });
}

async function downloadCloud(fileID: string): Promise<Downloaded> {
  try {
    const res = await wx.cloud.downloadFile({ fileID });
    return res.tempFilePath ? { ok: true, path: res.tempFilePath } : { ok: false, message: EXPORT_MESSAGES.download };
  } catch (err) {
    console.error('[export] wx.cloud.downloadFile failed', err);
    return {
      ok: false,
      message: /permission|denied|-403/i.test(String((err as { errMsg?: string })?.errMsg ?? err))
        ? EXPORT_MESSAGES.denied
        : EXPORT_MESSAGES.download,
    };
  }
}

function download(fileId: string): Promise<Downloaded> {
  const local = /^local:\/\/files\/([A-Za-z0-9_-]{8,64}\.(?:xlsx|csv))$/.exec(fileId);
  if (local && config.mode !== 'cloud') return downloadUrl(`${config.localBaseUrl}/files/${local[1]}`, { 'x-openid': devOpenid() });
  if (fileId.startsWith('cloud://')) return downloadCloud(fileId);
  if (/^https:\/\//.test(fileId)) return downloadUrl(fileId, {});
  return Promise.resolve({ ok: false, message: EXPORT_MESSAGES.unsupported });
}

function openDocument(path: string): Promise<string | null> {
  return new Promise((resolve) => {
    wx.openDocument({
      filePath: path,
      fileType: 'xlsx',
      showMenu: true,
      success: () => resolve(null),
      fail: (err) => {
        console.error('[export] wx.openDocument failed', err);
        resolve(EXPORT_MESSAGES.open);
      },
    });
  });
}

/** Downloads and opens an exported file; null when it opened, else what to tell the person. */
export async function openExport(file: ExportedFile): Promise<string | null> {
  const got = await download(file.fileId);
  if (!got.ok) return got.message;
  return openDocument(got.path);
}

/**
 * Runs an export and opens its file: null when it opened, else the message to show. An export past
 * the server's limit (EXPORT_TOO_LARGE) is refused as a whole, never cut short: the person is told
 * the figures the server gives and to narrow the export.
 */
export async function exportAndOpen(run: () => Promise<ApiResult<ExportedFile, ExportReason>>): Promise<string | null> {
  const res = await run();
  if (!res.ok) return res.error.reason === 'EXPORT_TOO_LARGE' ? res.error.message || EXPORT_MESSAGES.tooLarge : res.error.message;
  return openExport(res.data);
}
