import { randomBytes } from 'node:crypto';
import type { FileStore } from '../ports/files';

/** The slice of the CloudBase app the file store uses. */
interface CloudBaseApp {
  downloadFile(params: { fileID: string }): Promise<{ fileContent?: Buffer | string }>;
  uploadFile(params: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID?: string }>;
}

/**
 * Files in CloudBase storage: what the mini-program uploaded with wx.cloud.uploadFile (read), and
 * the files exports write for download (`exports/<random>.<ext>`).
 */
export class CloudBaseFiles implements FileStore {
  constructor(private readonly app: CloudBaseApp) {}

  async read(fileId: string): Promise<Uint8Array | null> {
    if (!fileId.startsWith('cloud://')) return null;
    const res = await this.app.downloadFile({ fileID: fileId });
    if (res.fileContent === undefined) return null;
    return typeof res.fileContent === 'string' ? Buffer.from(res.fileContent) : res.fileContent;
  }

  async write(name: string, body: Uint8Array): Promise<string> {
    const ext = /\.(xlsx|csv|json)$/i.exec(name)?.[1]?.toLowerCase() ?? 'xlsx';
    const res = await this.app.uploadFile({
      cloudPath: `exports/${randomBytes(12).toString('base64url')}.${ext}`,
      fileContent: Buffer.from(body),
    });
    if (!res.fileID) throw new Error('CloudBase uploadFile answered no fileID');
    return res.fileID;
  }
}
