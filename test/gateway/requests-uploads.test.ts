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

const upload = (body: Buffer, openid: string | null = 'demo-resident') =>
  fetch(`${url}/uploads`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', ...(openid ? { 'x-openid': openid } : {}) },
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
