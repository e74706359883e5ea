import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { photoId } from '../../cloudfunctions/core/app/requests/schemas';
import { createUploadsHandler, MAX_UPLOAD_BYTES } from '../../cloudfunctions/core/runtime/uploads';

let dir: string;
let server: http.Server;
let url: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uploads-test-'));
  const handle = createUploadsHandler({ dir: path.join(dir, 'uploads') });
  // Mounted as the gateway will: before the function routes, falling through when it is not /uploads.
  server = http.createServer((req, res) => {
    handle(req, res).then((handled) => {
      if (!handled) {
        res.writeHead(418);
        res.end();
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  fs.rmSync(dir, { recursive: true, force: true });
});

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
const JPG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 1)]);

const upload = (body: Buffer, openid: string | null = 'demo-resident', type = 'application/octet-stream') =>
  fetch(`${url}/uploads`, {
    method: 'POST',
    headers: { 'content-type': type, ...(openid ? { 'x-openid': openid } : {}) },
    body,
  });

test('stores an image under a random name and serves it back', async () => {
  const res = await upload(PNG);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { ok: true; data: { fileId: string } };
  expect(body.data.fileId).toMatch(/^local:\/\/uploads\/[A-Za-z0-9_-]{16}\.png$/);
  expect(photoId.safeParse(body.data.fileId).success).toBe(true);
  const name = body.data.fileId.slice('local://uploads/'.length);
  expect(fs.existsSync(path.join(dir, 'uploads', name))).toBe(true);
  const back = await fetch(`${url}/uploads/${name}`);
  expect(back.headers.get('content-type')).toBe('image/png');
  expect(Buffer.from(await back.arrayBuffer()).equals(PNG)).toBe(true);
});

test('gives two uploads of the same image different names', async () => {
  const a = (await (await upload(JPG)).json()) as { data: { fileId: string } };
  const b = (await (await upload(JPG)).json()) as { data: { fileId: string } };
  expect(a.data.fileId).not.toBe(b.data.fileId);
});

test('refuses a body over 2 MB', async () => {
  const before = fs.readdirSync(path.join(dir, 'uploads')).length;
  const res = await upload(Buffer.concat([JPG, Buffer.alloc(MAX_UPLOAD_BYTES)]));
  expect(res.status).toBe(400);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe('INVALID_INPUT');
  expect(fs.readdirSync(path.join(dir, 'uploads'))).toHaveLength(before);
});

test('refuses what is not an image, whatever it claims', async () => {
  const res = await upload(Buffer.from('<script>alert(1)</script>'));
  expect(res.status).toBe(400);
});

test('refuses an upload without identity', async () => {
  const res = await upload(PNG, null);
  expect(res.status).toBe(401);
});

test.each(['/uploads/nope.png', '/uploads/..%2F..%2Fetc%2Fpasswd', '/uploads/%2e%2e%2fcommunity.db'])('answers 404 for %s', async (p) => {
  const res = await fetch(`${url}${p}`);
  expect(res.status).toBe(404);
});

test('leaves other paths to the gateway', async () => {
  expect((await fetch(`${url}/functions/requests`)).status).toBe(418);
});

describe('spreadsheets for the import pages (.xlsx, .csv)', () => {
  /** An .xlsx is a zip: it starts with a local file header. */
  const XLSX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 3)]);
  const CSV = Buffer.from('区,街道,社区\n沙市区,胜利街道,红星社区\n', 'utf8');
  const stored = async (res: Response) => ((await res.json()) as { data: { fileId: string } }).data.fileId;

  test('stores an .xlsx and a .csv declared text/csv, and never serves either back', async () => {
    const xlsx = await stored(await upload(XLSX));
    expect(xlsx).toMatch(/^local:\/\/uploads\/[A-Za-z0-9_-]{16}\.xlsx$/);
    const csv = await stored(await upload(CSV, 'demo-resident', 'text/csv'));
    expect(csv).toMatch(/\.csv$/);
    expect(fs.readFileSync(path.join(dir, 'uploads', csv.slice('local://uploads/'.length))).equals(CSV)).toBe(true);
    // They may hold personal data: read by the server only.
    for (const id of [xlsx, csv]) expect((await fetch(`${url}/uploads/${id.slice('local://uploads/'.length)}`)).status).toBe(404);
  });

  test('refuses text not declared as csv, csv with NUL bytes, and a sheet over 2 MB', async () => {
    const before = fs.readdirSync(path.join(dir, 'uploads')).length;
    expect((await upload(CSV)).status).toBe(400);
    expect((await upload(Buffer.concat([CSV, Buffer.from([0])]), 'demo-resident', 'text/csv')).status).toBe(400);
    expect((await upload(Buffer.concat([XLSX, Buffer.alloc(MAX_UPLOAD_BYTES)]))).status).toBe(400);
    expect(fs.readdirSync(path.join(dir, 'uploads'))).toHaveLength(before);
  });
});
