import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createLocalDeps } from '../../cloudfunctions/core/runtime/local-deps';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { startTestGateway, type TestGateway } from '../support/gateway';

let g: TestGateway;
beforeEach(async () => {
  g = await startTestGateway();
});
afterEach(() => g.close());

interface Raw {
  status: number;
  body: string;
}

/** A raw HTTP request, for what fetch will not send (wrong framing, huge chunked bodies). */
function raw(method: string, urlPath: string, headers: Record<string, string>, chunks: Array<string | Buffer> = []): Promise<Raw> {
  const url = new URL(g.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method, path: urlPath, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    for (const c of chunks) req.write(c);
    req.end();
  });
}

const json = { 'content-type': 'application/json' };

describe('local gateway', () => {
  test('listens on loopback by default', () => {
    expect(new URL(g.url).hostname).toBe('127.0.0.1');
  });

  test('answers /healthz with ok', async () => {
    const res = await fetch(`${g.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  test('shows the admin to x-openid demo-admin', async () => {
    const r = await g.post<{ user: { roles: string[] } }>('account', 'whoami', {}, 'demo-admin');
    expect(r.ok && r.data.user.roles).toEqual(['admin']);
  });

  test('answers errors of handled calls with HTTP 200 and the envelope', async () => {
    const res = await fetch(`${g.url}/functions/account`, {
      method: 'POST',
      headers: { ...json, 'x-openid': 'demo-resident' },
      body: '{"action":"approve","data":{}}',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  test.each(['nope', 'scheduler', '..%2Faccount', 'account/extra'])('answers 404 NOT_FOUND for the unknown function %s', async (name) => {
    const r = await raw('POST', `/functions/${name}`, json, ['{"action":"whoami"}']);
    expect(r.status).toBe(404);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  test('answers 400 INVALID_INPUT for malformed JSON', async () => {
    const r = await raw('POST', '/functions/account', json, ['{"action":']);
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  test('answers 400 INVALID_INPUT for a body that is not JSON by content type', async () => {
    const r = await raw('POST', '/functions/account', { 'content-type': 'application/x-www-form-urlencoded' }, ['action=whoami']);
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).error.code).toBe('INVALID_INPUT');
  });

  test('answers 400 for a declared body over 100 KB without reading it', async () => {
    const big = JSON.stringify({ action: 'whoami', data: { pad: 'x'.repeat(110 * 1024) } });
    const r = await raw('POST', '/functions/account', { ...json, 'content-length': String(Buffer.byteLength(big)) }, [big]).catch(
      () => null,
    );
    // The server may close the socket before the whole body is sent; either way it must keep serving.
    if (r) expect(r.status).toBe(400);
    expect((await fetch(`${g.url}/healthz`)).status).toBe(200);
  });

  test('answers 400 for a chunked body that grows past 100 KB', async () => {
    const chunk = 'x'.repeat(16 * 1024);
    const r = await raw('POST', '/functions/account', { ...json, 'transfer-encoding': 'chunked' }, [
      '{"action":"whoami","data":{"pad":"',
      ...Array(8).fill(chunk),
      '"}}',
    ]).catch(() => null);
    if (r) {
      expect(r.status).toBe(400);
      expect(JSON.parse(r.body).error.code).toBe('INVALID_INPUT');
    }
    expect((await g.post('community', 'list')).ok).toBe(true);
  });

  test('treats a malformed x-openid as no identity', async () => {
    const res = await fetch(`${g.url}/functions/account`, {
      method: 'POST',
      headers: { ...json, 'x-openid': 'demo admin; drop' },
      body: '{"action":"whoami"}',
    });
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  test('keeps serving after a burst of malformed requests', async () => {
    const bad = Array.from({ length: 200 }, (_, i) =>
      raw('POST', i % 2 ? '/functions/account' : '/functions/%00', json, [i % 3 ? '{"action":' : '[]']).catch(() => null),
    );
    await Promise.all(bad);
    const r = await g.post<Array<{ communityId: string }>>('community', 'list');
    expect(r.ok && r.data.map((c) => c.communityId).sort()).toEqual([DEMO.communityId, DEMO.community2].sort());
  });

  test('keeps every acknowledged write after a clean shutdown', async () => {
    const payload = {
      name: '林晓',
      phone: '13812345678',
      communityId: DEMO.communityId,
      compoundId: DEMO.compound1,
      building: '3栋',
      room: '1202',
    };
    const writes = await Promise.all(Array.from({ length: 30 }, (_, i) => g.post('account', 'register', payload, `shutdown-${i}`)));
    expect(writes.every((w) => w.ok)).toBe(true);
    await g.gateway.close();
    const reopened = createLocalDeps({ filename: path.join(g.dir, 'community.db') });
    expect(await reopened.store.count('users', { status: 'pending', name: '林晓' })).toBe(30);
    await reopened.store.close();
    g.close = async () => undefined;
  });
});

describe('photo uploads on the gateway', () => {
  const png = Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d8d7f40000000049454e44ae426082',
    'hex',
  );

  test('stores an uploaded image under the data folder and serves it back', async () => {
    const res = await fetch(`${g.url}/uploads`, {
      method: 'POST',
      headers: { 'content-type': 'image/png', 'x-openid': 'demo-resident' },
      body: png,
    });
    const body = (await res.json()) as { ok: boolean; data: { fileId: string } };
    expect(body.ok).toBe(true);
    const back = await fetch(`${g.url}/uploads/${body.data.fileId.slice('local://uploads/'.length)}`);
    expect(Buffer.from(await back.arrayBuffer())).toEqual(png);
  });

  test('refuses an upload without identity', async () => {
    const res = await fetch(`${g.url}/uploads`, { method: 'POST', headers: { 'content-type': 'image/png' }, body: png });
    expect(((await res.json()) as { ok: boolean }).ok).toBe(false);
  });

  test.each(['stranger-9', 'demo-pending'])('refuses an upload by %s, who is not an approved user, storing nothing', async (openid) => {
    const res = await fetch(`${g.url}/uploads`, {
      method: 'POST',
      headers: { 'content-type': 'image/png', 'x-openid': openid },
      body: png,
    });
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(fs.existsSync(path.join(g.dir, 'uploads')) ? fs.readdirSync(path.join(g.dir, 'uploads')) : []).toEqual([]);
  });
});
