/**
 * Files in and out of the product: spreadsheets the mini-program uploads for import
 * (`wx.cloud.uploadFile`, locally the gateway's upload endpoint) and the spreadsheets exports
 * write for download (`wx.openDocument`).
 */
export interface FileStore {
  /** The bytes of a stored file, or null when there is no such file. */
  read(fileId: string): Promise<Uint8Array | null>;
  /** Stores `body` under a new id (its name kept for the download) and answers the id. */
  write(name: string, body: Uint8Array): Promise<string>;
}
