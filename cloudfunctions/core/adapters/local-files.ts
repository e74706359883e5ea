import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FileStore } from '../ports/files';

/** A stored file's name: random, then the extension of the name given. */
const NAME = /^[A-Za-z0-9_-]{8,64}\.(xlsx|csv|jpg|png|webp|gif)$/;

function storedName(name: string): string {
  const ext = /\.(xlsx|csv)$/i.exec(name)?.[1]?.toLowerCase() ?? 'xlsx';
  return `${randomBytes(12).toString('base64url')}.${ext}`;
}

/**
 * Files on the local disk: `local://uploads/<name>` (what the gateway's upload endpoint stored)
 * and `local://files/<name>` (exports), both under the data folder; the gateway serves them.
 */
export class DiskFileStore implements FileStore {
  constructor(private readonly dataDir: string) {}

  private pathOf(fileId: string): string | null {
    const m = /^local:\/\/(uploads|files)\/(.+)$/.exec(fileId);
    if (!m || !NAME.test(m[2])) return null;
    return path.join(this.dataDir, m[1], m[2]);
  }

  async read(fileId: string): Promise<Buffer | null> {
    const file = this.pathOf(fileId);
    if (!file) return null;
    try {
      return await fs.promises.readFile(file);
    } catch {
      return null;
    }
  }

  async write(name: string, body: Uint8Array): Promise<string> {
    const dir = path.join(this.dataDir, 'files');
    await fs.promises.mkdir(dir, { recursive: true });
    const stored = storedName(name);
    await fs.promises.writeFile(path.join(dir, stored), body, { flag: 'wx' });
    return `local://files/${stored}`;
  }
}

/** Files in memory: for tests and an in-memory database. */
export class MemoryFileStore implements FileStore {
  readonly files = new Map<string, Buffer>();

  async read(fileId: string): Promise<Buffer | null> {
    return this.files.get(fileId) ?? null;
  }

  async write(name: string, body: Uint8Array): Promise<string> {
    const id = `local://files/${storedName(name)}`;
    this.files.set(id, Buffer.from(body));
    return id;
  }
}
