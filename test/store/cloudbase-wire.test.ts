// CloudBaseStore on the real @cloudbase/node-sdk, offline: the SDK sends its HTTP requests to a
// local recorder (test/support/cloudbase-recorder.ts). Each case asserts the request the SDK sent
// for a Store operation and what the adapter made of the server's answer, shaped as the SDK's
// source reads it. Live runs against an environment: `npm run test:cloudbase`.
import { BudgetedStore, TimeBudget } from '../../cloudfunctions/core/adapters/call-budget';
import { CloudBaseStore, type CloudBaseStoreOptions } from '../../cloudfunctions/core/adapters/cloudbase-store';
import { DuplicateKeyError, type FindOptions, whole } from '../../cloudfunctions/core/ports/store';
import { UnavailableError } from '../../cloudfunctions/core/ports/unavailable';
import { asCloudFunction, CloudBaseRecorder, replies, type Recorded } from '../support/cloudbase-recorder';

const server = new CloudBaseRecorder();
let restoreEnv: () => void;

beforeAll(async () => {
  restoreEnv = asCloudFunction();
  await server.start();
});

afterAll(async () => {
  await server.stop();
  restoreEnv();
});

beforeEach(() => server.clear());

function storeOn(options: CloudBaseStoreOptions = {}, timeout = 3000): CloudBaseStore {
  return new CloudBaseStore(server.database(timeout), options);
}

/** The fields of each request that carry meaning (the SDK adds env and token fields to all). */
const sent = (keys: Array<keyof Recorded> = ['action', 'collectionName', 'transactionId', 'query', 'data']) =>
  server.requests.map((r) => Object.fromEntries(keys.filter((k) => r[k] !== undefined).map((k) => [k, r[k]])));

async function unavailable(p: Promise<unknown>): Promise<UnavailableError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UnavailableError);
  return err as UnavailableError;
}

describe('documents', () => {
  it('get: one getDocument by _id; a document, or null for the empty list', async () => {
    const store = storeOn();
    server.reply = () => replies.list([{ _id: 'i1', n: 3, tags: ['a'] }]);
    expect(await store.get('items', 'i1')).toEqual({ _id: 'i1', n: 3, tags: ['a'] });
    server.reply = () => replies.list([]);
    expect(await store.get('items', 'nope')).toBeNull();
    expect(sent(['action', 'collectionName', 'queryType', 'query', 'multi'])).toEqual([
      { action: 'database.getDocument', collectionName: 'items', queryType: 'DOC', query: { _id: 'i1' }, multi: false },
      { action: 'database.getDocument', collectionName: 'items', queryType: 'DOC', query: { _id: 'nope' }, multi: false },
    ]);
  });

  it('insert: one insertDocument carrying the whole document with its _id', async () => {
    server.reply = () => replies.inserted('i9');
    await storeOn().insert('items', { _id: 'i9', n: 1, owner: { city: 'jz' } });
    expect(sent()).toEqual([
      { action: 'database.insertDocument', collectionName: 'items', data: [{ _id: 'i9', n: 1, owner: { city: 'jz' } }] },
    ]);
  });

  it('insert: the server’s DATABASE_DUPLICATE_WRITE becomes DuplicateKeyError', async () => {
    server.reply = () => replies.error('DATABASE_DUPLICATE_WRITE', 'E11000 duplicate key error collection: items index: _id_');
    await expect(storeOn().insert('items', { _id: 'i1' })).rejects.toEqual(new DuplicateKeyError('items', 'i1'));
  });

  it('remove: one removeDocument on _id AND the condition; deleted 0 or 1', async () => {
    const store = storeOn();
    server.reply = () => replies.deleted(1);
    expect(await store.remove('items', 'i1', { status: 'open' })).toBe(1);
    server.reply = () => replies.deleted('0');
    expect(await store.remove('items', 'i2')).toBe(0);
    expect(sent(['action', 'queryType', 'query'])).toEqual([
      { action: 'database.removeDocument', queryType: 'WHERE', query: { $and: [{ _id: 'i1' }, { status: 'open' }] } },
      { action: 'database.removeDocument', queryType: 'WHERE', query: { _id: 'i2' } },
    ]);
  });
});

describe('conditional update: one modifyAndReturnDoc decides "matched"', () => {
  it('sends _id AND the condition with the patch in one request', async () => {
    server.reply = () => replies.returned({ _id: 'cap', n: 4 });
    expect(await storeOn().update('counters', 'cap', { $inc: { n: 1 }, $set: { by: 'u1' } }, { n: { $lt: 10 } })).toBe(1);
    expect(sent()).toEqual([
      {
        action: 'database.modifyAndReturnDoc',
        collectionName: 'counters',
        query: { $and: [{ _id: 'cap' }, { n: { $lt: 10 } }] },
        data: { $set: { by: 'u1' }, $inc: { n: 1 } },
      },
    ]);
  });

  it('answers 0 when the server returns no document, without asking again', async () => {
    server.reply = () => replies.returned(null);
    expect(await storeOn().update('counters', 'cap', { $set: { n: 1 } }, { n: { $lt: 10 } })).toBe(0);
    expect(server.actions()).toEqual(['database.modifyAndReturnDoc']);
  });

  it('answers 1 for a $set that matched but changed nothing (updated 0, the document returned)', async () => {
    server.reply = () => replies.returned({ _id: 'i1', status: 'open' }, 0);
    expect(await storeOn().update('items', 'i1', { $set: { status: 'open' } }, { rank: 3 })).toBe(1);
    expect(server.actions()).toEqual(['database.modifyAndReturnDoc']);
  });

  it('$unset and $push go in the same request', async () => {
    server.reply = () => replies.returned({ _id: 'i1' });
    await storeOn().update('items', 'i1', { $unset: ['note'], $push: { tags: 'z' } });
    expect(sent(['query', 'data'])).toEqual([{ query: { _id: 'i1' }, data: { $push: { tags: { $each: ['z'] } }, $unset: { note: '' } } }]);
  });

  it('an empty patch asks only whether the document matches (calculateDocument)', async () => {
    server.reply = () => replies.total(1);
    expect(await storeOn().update('items', 'i1', {}, { rank: 3 })).toBe(1);
    expect(sent(['action', 'query'])).toEqual([{ action: 'database.calculateDocument', query: { $and: [{ _id: 'i1' }, { rank: 3 }] } }]);
  });

  it('a unique-index clash becomes DuplicateKeyError', async () => {
    server.reply = () => replies.error('DATABASE_REQUEST_FAILED', 'E11000 duplicate key error index: by_email');
    await expect(storeOn().update('users', 'u2', { $set: { email: 'a@b' } })).rejects.toBeInstanceOf(DuplicateKeyError);
  });
});

describe('find and count', () => {
  it('find: query, order, offset and limit in one getDocument', async () => {
    server.reply = () => replies.list([{ _id: 'i2', status: 'open', rank: 1 }]);
    const found = await storeOn().find(
      'items',
      { status: 'open', rank: { $gte: 1 } },
      {
        orderBy: [
          ['status', 'asc'],
          ['rank', 'desc'],
        ],
        skip: whole(20),
        limit: whole(10),
      },
    );
    expect(found).toEqual([{ _id: 'i2', status: 'open', rank: 1 }]);
    expect(sent(['action', 'queryType', 'query', 'order', 'offset', 'limit'])).toEqual([
      {
        action: 'database.getDocument',
        queryType: 'WHERE',
        query: { status: 'open', rank: { $gte: 1 } },
        order: { status: 1, rank: -1 },
        offset: 20,
        limit: 10,
      },
    ]);
  });

  it('find: asks for 1000 when no limit or a larger one is given, and sends no offset for skip 0', async () => {
    const store = storeOn();
    await store.find('items', {});
    await store.find('items', {}, { limit: whole(5000), skip: whole(0) });
    expect(sent(['query', 'offset', 'limit'])).toEqual([
      { query: {}, limit: 1000 },
      { query: {}, limit: 1000 },
    ]);
  });

  it('find: a limit of 0 makes no request (the SDK would turn it into 100)', async () => {
    expect(await storeOn().find('items', {}, { limit: whole(0) })).toEqual([]);
    expect(server.requests).toEqual([]);
  });

  it.each([{ limit: 2.5 }, { skip: 1.5 }, { limit: -1 }, { skip: -1 }])('find: refuses %j before any request', async (options) => {
    // A cast (or untyped code) gets past the type: the adapter still refuses.
    await expect(storeOn().find('items', {}, options as unknown as FindOptions)).rejects.toThrow(RangeError);
    expect(server.requests).toEqual([]);
  });

  it('count: one calculateDocument with the query', async () => {
    server.reply = () => replies.total(7);
    expect(await storeOn().count('items', { rank: { $in: [1, 2] } })).toBe(7);
    expect(sent(['action', 'query'])).toEqual([{ action: 'database.calculateDocument', query: { rank: { $in: [1, 2] } } }]);
  });
});

describe('transactions', () => {
  /** Answers in-transaction reads of counters/c with {n: 5}; everything else by default. */
  const counterServer = (r: Recorded) =>
    r.action === 'database.getDocument' ? replies.list((r.query as { _id: string })._id === 'c' ? [{ _id: 'c', n: 5 }] : []) : undefined;

  it('start, single-document operations carrying the transactionId, commit', async () => {
    server.reply = (r) => counterServer(r) ?? (r.action === 'database.startTransaction' ? replies.transaction('tx-7') : undefined);
    const result = await storeOn().transaction(async (tx) => {
      const c = await tx.get<{ _id: string; n: number }>('counters', 'c');
      await tx.update('counters', 'c', { $inc: { n: 1 } }, { n: { $lt: 10 } });
      await tx.insert('log', { _id: 'l1', n: c?.n ?? 0 });
      await tx.remove('counters', 'c', { n: 5 });
      return 'done';
    });
    expect(result).toBe('done');
    expect(sent(['action', 'collectionName', 'transactionId', 'queryType', 'query', 'data'])).toEqual([
      { action: 'database.startTransaction' },
      { action: 'database.getDocument', collectionName: 'counters', transactionId: 'tx-7', queryType: 'DOC', query: { _id: 'c' } },
      { action: 'database.getDocument', collectionName: 'counters', transactionId: 'tx-7', queryType: 'DOC', query: { _id: 'c' } },
      {
        action: 'database.modifyDocument',
        collectionName: 'counters',
        transactionId: 'tx-7',
        queryType: 'DOC',
        query: { _id: 'c' },
        data: { $inc: { n: 1 } },
      },
      { action: 'database.insertDocument', collectionName: 'log', transactionId: 'tx-7', data: [{ _id: 'l1', n: 5 }] },
      { action: 'database.getDocument', collectionName: 'counters', transactionId: 'tx-7', queryType: 'DOC', query: { _id: 'c' } },
      { action: 'database.removeDocument', collectionName: 'counters', transactionId: 'tx-7', queryType: 'DOC', query: { _id: 'c' } },
      { action: 'database.commitTransaction', transactionId: 'tx-7' },
    ]);
  });

  it('checks a condition on the read document and writes nothing when it fails', async () => {
    server.reply = (r) => counterServer(r);
    expect(await storeOn().transaction((tx) => tx.update('counters', 'c', { $inc: { n: 1 } }, { n: { $gte: 10 } }))).toBe(0);
    expect(server.actions()).toEqual(['database.startTransaction', 'database.getDocument', 'database.commitTransaction']);
  });

  it('aborts and rethrows when the function throws', async () => {
    server.reply = (r) => (r.action === 'database.startTransaction' ? replies.transaction('tx-9') : undefined);
    const boom = new Error('refused by the use case');
    await expect(
      storeOn().transaction(async (tx) => {
        await tx.insert('log', { _id: 'l1' });
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(sent(['action', 'transactionId'])).toEqual([
      { action: 'database.startTransaction' },
      { action: 'database.insertDocument', transactionId: 'tx-9' },
      { action: 'database.abortTransaction', transactionId: 'tx-9' },
    ]);
  });

  it('a duplicate insert inside aborts and surfaces as DuplicateKeyError', async () => {
    server.reply = (r) => (r.action === 'database.insertDocument' ? replies.error('DATABASE_DUPLICATE_WRITE') : undefined);
    await expect(storeOn().transaction((tx) => tx.insert('log', { _id: 'l1' }))).rejects.toEqual(new DuplicateKeyError('log', 'l1'));
    expect(server.actions().at(-1)).toBe('database.abortTransaction');
  });

  it('retries a conflict in a new transaction after a pause, and returns its result', async () => {
    let started = 0;
    server.reply = (r) => {
      if (r.action === 'database.startTransaction') return replies.transaction(`tx-${++started}`);
      if (r.action === 'database.modifyDocument' && r.transactionId === 'tx-1') return replies.error('DATABASE_TRANSACTION_CONFLICT');
      return counterServer(r);
    };
    const store = storeOn({ backoffBaseMs: 80, random: () => 0 });
    expect(await store.transaction((tx) => tx.update('counters', 'c', { $inc: { n: 1 } }))).toBe(1);
    expect(sent(['action', 'transactionId'])).toEqual([
      { action: 'database.startTransaction' },
      { action: 'database.getDocument', transactionId: 'tx-1' },
      { action: 'database.modifyDocument', transactionId: 'tx-1' },
      { action: 'database.abortTransaction', transactionId: 'tx-1' },
      { action: 'database.startTransaction' },
      { action: 'database.getDocument', transactionId: 'tx-2' },
      { action: 'database.modifyDocument', transactionId: 'tx-2' },
      { action: 'database.commitTransaction', transactionId: 'tx-2' },
    ]);
    // The pause before the retry is at least half the first backoff step (80 ms).
    expect(server.requests[4].at - server.requests[3].at).toBeGreaterThanOrEqual(35);
  });

  it('pauses longer before each retry and stops after transactionRetries', async () => {
    server.reply = (r) => (r.action === 'database.commitTransaction' ? replies.error('DATABASE_TRANSACTION_CONFLICT') : undefined);
    const store = storeOn({ transactionRetries: 3, backoffBaseMs: 40, random: () => 0 });
    const err = await unavailable(store.transaction(async () => 'never committed'));
    expect(err.reason).toBe('DATABASE_BUSY');
    const starts = server.requests.filter((r) => r.action === 'database.startTransaction').map((r) => r.at);
    expect(starts).toHaveLength(4);
    const gaps = starts.slice(1).map((t, i) => t - starts[i]);
    // Half of 40, 80, 160 ms at least: the pauses double.
    expect(gaps[0]).toBeGreaterThanOrEqual(18);
    expect(gaps[1]).toBeGreaterThanOrEqual(38);
    expect(gaps[2]).toBeGreaterThanOrEqual(78);
  });

  it('stops retrying inside the call’s budget and answers DATABASE_BUSY', async () => {
    server.reply = (r) => (r.action === 'database.commitTransaction' ? replies.error('DATABASE_TRANSACTION_CONFLICT') : undefined);
    const store = storeOn({ backoffBaseMs: 100, backoffCapMs: 100, attemptReserveMs: 100 });
    const began = Date.now();
    const err = await unavailable(new TimeBudget(600).run(() => store.transaction(async () => 1)));
    expect(err.reason).toBe('DATABASE_BUSY');
    expect(Date.now() - began).toBeLessThan(1200);
    // Retries were cut by the budget, not by the 10 allowed.
    expect(server.actions().filter((a) => a === 'database.startTransaction').length).toBeLessThan(11);
  });
});

describe('platform failures are UNAVAILABLE, never a bug', () => {
  it('a server error code becomes DATABASE_UNAVAILABLE', async () => {
    server.reply = () => replies.error('DATABASE_REQUEST_FAILED', 'internal server error');
    expect((await unavailable(storeOn().count('items', {}))).reason).toBe('DATABASE_UNAVAILABLE');
  });

  it('a failed commit becomes DATABASE_UNAVAILABLE, and the use case’s result is not returned', async () => {
    server.reply = (r) => (r.action === 'database.commitTransaction' ? replies.error('SYS_ERR', 'commit failed') : undefined);
    expect((await unavailable(storeOn().transaction(async () => 'lost'))).reason).toBe('DATABASE_UNAVAILABLE');
  });

  it('an HTTP 502 from the gateway becomes DATABASE_UNAVAILABLE', async () => {
    server.reply = () => ({ status: 502 });
    expect((await unavailable(storeOn().get('items', 'i1'))).reason).toBe('DATABASE_UNAVAILABLE');
  });

  it('the SDK’s request timeout ends a stalled request as DATABASE_UNAVAILABLE', async () => {
    server.reply = () => 'stall';
    const began = Date.now();
    const err = await unavailable(storeOn({}, 200).find('items', {}));
    expect(err.reason).toBe('DATABASE_UNAVAILABLE');
    expect((err.detail as { code?: string }).code).toBe('ESOCKETTIMEDOUT');
    expect(Date.now() - began).toBeLessThan(1500);
  });

  it('a stall past the call’s budget answers TIME_BUDGET_EXCEEDED at the deadline', async () => {
    server.reply = () => 'stall';
    const store = new BudgetedStore(storeOn({}, 3000));
    const began = Date.now();
    const err = await unavailable(new TimeBudget(250).run(() => store.update('items', 'i1', { $set: { a: 1 } })));
    expect(err.reason).toBe('TIME_BUDGET_EXCEEDED');
    // Long before the SDK's own 3 s timeout.
    expect(Date.now() - began).toBeLessThan(1500);
  });

  it('a stall inside a transaction ends it at the deadline and aborts it, leaving none open', async () => {
    server.reply = (r) =>
      r.action === 'database.getDocument' ? 'stall' : r.action === 'database.startTransaction' ? replies.transaction('tx-s') : undefined;
    const store = new BudgetedStore(storeOn({}, 3000));
    const err = await unavailable(new TimeBudget(250).run(() => store.transaction((tx) => tx.get('counters', 'c'))));
    expect(err.reason).toBe('TIME_BUDGET_EXCEEDED');
    // The abandoned read fails at the deadline too, so node-sdk aborts the transaction.
    await waitFor(() => server.actions().includes('database.abortTransaction'));
    expect(sent(['action', 'transactionId']).at(-1)).toEqual({ action: 'database.abortTransaction', transactionId: 'tx-s' });
    expect(server.actions()).not.toContain('database.commitTransaction');
  });
});

async function waitFor(check: () => boolean, ms = 2000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 10));
  }
}
