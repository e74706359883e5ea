import { createHash, createHmac } from 'node:crypto';
import { init } from '@cloudbase/node-sdk';
// The SDK's own serializers turn what the adapter builds into the JSON that goes over the wire.
import { QuerySerializer } from '@cloudbase/database/dist/commonjs/serializer/query';
import { UpdateSerializer } from '@cloudbase/database/dist/commonjs/serializer/update';
import {
  CloudBaseStore,
  indexConfig,
  isDuplicateKeyError,
  matchesFilter,
  toQuery,
  toUpdate,
  type CloudBaseCollection,
  type CloudBaseDb,
  type CloudBaseTransaction,
} from '../../cloudfunctions/core/adapters/cloudbase-store';
import { DuplicateKeyError, type Doc, type DocumentOps, type Filter, type Patch, type Store } from '../../cloudfunctions/core/ports/store';
import { contractCollections, describeStoreContract, filterCases, itemsFixture } from './store-contract';

/** The real `db.command`, as the adapter gets it in production; building commands needs no network. */
const _ = init({ env: 'mapping-test' }).database().command;

const wireQuery = (q: object): unknown => JSON.parse(JSON.stringify(QuerySerializer.encode(q)));
const wireUpdate = (u: object): unknown => JSON.parse(JSON.stringify(UpdateSerializer.encode(u)));

type Step = [method: string, ...args: unknown[]];

/** One finished call chain on the double, e.g. collection('items').where(q).limit(10).get(). */
interface Call {
  collection: string;
  inTransaction: boolean;
  steps: Step[];
}

const DEFAULT_ANSWERS: Record<string, unknown> = {
  get: { data: [] },
  count: { total: 0 },
  update: { updated: 0 },
  remove: { deleted: 0 },
  delete: { deleted: 0 },
  add: { id: 'new' },
};

/**
 * A recording double of node-sdk's database object: it records the builder calls the adapter makes and
 * answers each terminal call from `answer`. It checks the mapping; it is not a database.
 */
class RecordingDb implements CloudBaseDb {
  readonly command = _;
  readonly calls: Call[] = [];
  readonly transactionRetries: Array<number | undefined> = [];
  answer: (call: Call) => unknown = (call) => DEFAULT_ANSWERS[call.steps[call.steps.length - 1][0]];

  collection(name: string): CloudBaseCollection {
    return this.chain(name, false, []);
  }

  async runTransaction(callback: (t: CloudBaseTransaction) => Promise<unknown>, times?: number): Promise<unknown> {
    this.transactionRetries.push(times);
    return callback({ collection: (name) => this.chain(name, true, []) });
  }

  /** The calls with where() and update() arguments shown as the JSON the server receives. */
  wire(): Array<{ collection: string; inTransaction: boolean; steps: unknown[] }> {
    return this.calls.map((c) => ({
      ...c,
      steps: c.steps.map(([m, ...args]) =>
        m === 'where' ? [m, wireQuery(args[0] as object)] : m === 'update' ? [m, wireUpdate(args[0] as object)] : [m, ...args],
      ),
    }));
  }

  private chain(collection: string, inTransaction: boolean, steps: Step[]): CloudBaseCollection {
    const next = (step: Step) => this.chain(collection, inTransaction, [...steps, step]);
    const finish = async (through: Step[]): Promise<never> => {
      const call = { collection, inTransaction, steps: through };
      this.calls.push(call);
      const result = this.answer(call);
      if (result instanceof Error) throw result;
      return result as never;
    };
    return {
      where: (q) => next(['where', q]),
      orderBy: (f, d) => next(['orderBy', f, d]),
      skip: (n) => next(['skip', n]),
      limit: (n) => next(['limit', n]),
      get: () => finish([...steps, ['get']]),
      count: () => finish([...steps, ['count']]),
      update: (data) => finish([...steps, ['update', data]]),
      remove: () => finish([...steps, ['remove']]),
      add: (data) => finish([...steps, ['add', data]]),
      doc: (id) => {
        const at: Step[] = [...steps, ['doc', id]];
        return {
          get: () => finish([...at, ['get']]),
          update: (data) => finish([...at, ['update', data]]),
          delete: () => finish([...at, ['delete']]),
        };
      },
    };
  }
}

describe('CloudBase filter mapping', () => {
  const cases: Array<[string, Filter, unknown]> = [
    ['a plain value stays an equality', { status: 'open' }, { status: 'open' }],
    ['$eq becomes eq', { status: { $eq: 'open' } }, { status: { $eq: 'open' } }],
    ['$ne becomes neq', { status: { $ne: 'open' } }, { status: { $ne: 'open' } }],
    ['$in becomes in', { rank: { $in: [1, null] } }, { rank: { $in: [1, null] } }],
    ['$nin becomes nin', { rank: { $nin: [1] } }, { rank: { $nin: [1] } }],
    ['$gt becomes gt', { rank: { $gt: 1 } }, { rank: { $gt: 1 } }],
    ['$gte becomes gte', { rank: { $gte: 1 } }, { rank: { $gte: 1 } }],
    ['$lt becomes lt', { rank: { $lt: 1 } }, { rank: { $lt: 1 } }],
    ['$lte becomes lte', { rank: { $lte: 1 } }, { rank: { $lte: 1 } }],
    ['$exists becomes exists', { note: { $exists: false } }, { note: { $exists: false } }],
    ['$contains becomes an equality on the array field', { tags: { $contains: 'b' } }, { tags: { $eq: 'b' } }],
    ['two operators on one field are ANDed', { rank: { $gt: 2, $lte: 4 } }, { $and: [{ rank: { $gt: 2 } }, { rank: { $lte: 4 } }] }],
    [
      'a dotted field stays a dotted key',
      { 'owner.city': 'jz', 'owner.age': { $gte: 45 } },
      { 'owner.city': 'jz', 'owner.age': { $gte: 45 } },
    ],
    ['null and booleans pass through', { note: null, active: true }, { note: null, active: true }],
    ['$and becomes and', { $and: [{ a: 1 }, { b: { $ne: 2 } }] }, { $and: [{ a: 1 }, { b: { $ne: 2 } }] }],
    ['$or becomes or', { $or: [{ a: 1 }, { b: 2 }] }, { $or: [{ a: 1 }, { b: 2 }] }],
    [
      'fields and $or are ANDed',
      { status: 'open', $or: [{ a: 1 }, { b: 2 }] },
      { $and: [{ status: 'open' }, { $or: [{ a: 1 }, { b: 2 }] }] },
    ],
    ['an empty $and is dropped', { status: 'open', $and: [] }, { status: 'open' }],
    ['an empty $or matches nothing', { $or: [] }, { _id: { $in: [] } }],
    ['undefined values are ignored', { status: undefined, rank: 1 }, { rank: 1 }],
    ['an empty filter stays empty', {}, {}],
  ];

  it.each(cases)('%s', (_behaviour, filter, wire) => {
    expect(wireQuery(toQuery(_, filter))).toEqual(wire);
  });

  it.each(["a') OR 1=1 --", '__proto__', 'a.constructor', '$where', 'a..b', ''])('refuses %j as a field', (field) => {
    expect(() => toQuery(_, { [field]: 1 })).toThrow(/invalid field path/);
    expect(() => toQuery(_, { $or: [{ [field]: { $ne: 1 } }] })).toThrow(/invalid field path/);
  });
});

describe('CloudBase patch mapping', () => {
  const cases: Array<[string, Patch, unknown]> = [
    [
      '$set of scalars, dotted too, becomes set',
      { $set: { status: 'x', 'owner.city': 'jz', n: null } },
      { $set: { status: 'x', 'owner.city': 'jz', n: null } },
    ],
    ['$set of an object replaces it whole', { $set: { owner: { city: 'wh' } } }, { $set: { owner: { city: 'wh' } } }],
    ['$set of an array keeps it', { $set: { tags: ['a'] } }, { $set: { tags: ['a'] } }],
    ['$inc becomes inc', { $inc: { n: 1, 'owner.age': -2 } }, { $inc: { n: 1, 'owner.age': -2 } }],
    ['$push appends one value', { $push: { tags: 'z' } }, { $push: { tags: { $each: ['z'] } } }],
    ['$push of an array appends it as one element', { $push: { tags: ['p', 'q'] } }, { $push: { tags: { $each: [['p', 'q']] } } }],
    ['$unset becomes remove', { $unset: ['note', 'owner.age'] }, { $unset: { note: '', 'owner.age': '' } }],
    [
      'all operators of one patch go in one update',
      { $set: { s: 1 }, $inc: { n: 1 }, $push: { l: 2 }, $unset: ['u'] },
      { $set: { s: 1 }, $inc: { n: 1 }, $push: { l: { $each: [2] } }, $unset: { u: '' } },
    ],
  ];

  it.each(cases)('%s', (_behaviour, patch, wire) => {
    expect(wireUpdate(toUpdate(_, patch))).toEqual(wire);
  });

  it('refuses to change _id', () => {
    expect(() => toUpdate(_, { $set: { _id: 'x' } })).toThrow(/_id/);
  });

  it('refuses a field changed twice in one patch', () => {
    expect(() => toUpdate(_, { $set: { n: 1 }, $inc: { n: 1 } })).toThrow(/twice/);
  });

  it.each(['__proto__', 'a.__proto__.polluted', '$where', "x') --"])('refuses %j as a patch path', (path) => {
    expect(() => toUpdate(_, { $set: { [path]: 1 } })).toThrow(/invalid field path/);
    expect(() => toUpdate(_, { $unset: [path] })).toThrow(/invalid field path/);
  });
});

describe('CloudBase in-transaction filter matcher', () => {
  it.each(filterCases.map((c) => [c.behaviour, c] as const))('%s', (_behaviour, c) => {
    expect(itemsFixture.filter((doc) => matchesFilter(doc, c.filter)).map((d) => d._id)).toEqual(c.ids);
  });

  it('never compares values of different types', () => {
    expect(itemsFixture.filter((doc) => matchesFilter(doc, { rank: { $gt: '1' } }))).toEqual([]);
    expect(itemsFixture.filter((doc) => matchesFilter(doc, { status: { $lt: 5 } }))).toEqual([]);
  });

  it('refuses a hostile field', () => {
    expect(() => matchesFilter({ _id: 'x' }, { '__proto__.x': 1 })).toThrow(/invalid field path/);
  });
});

describe('CloudBase duplicate-key errors', () => {
  it.each([
    [{ code: 'DATABASE_DUPLICATE_WRITE', message: 'write failed' }, true],
    [{ code: 'DATABASE_REQUEST_FAILED', message: 'E11000 duplicate key error collection: x index: _id_' }, true],
    [new Error('Duplicate key on users.by_email'), true],
    [{ code: 'DATABASE_TRANSACTION_CONFLICT', message: 'conflict' }, false],
    [new Error('network down'), false],
    ['duplicate', false],
    [null, false],
  ])('recognises %j: %s', (err, expected) => {
    expect(isDuplicateKeyError(err)).toBe(expected);
  });
});

describe('CloudBaseStore calls on node-sdk', () => {
  let db: RecordingDb;
  let store: CloudBaseStore;

  beforeEach(() => {
    db = new RecordingDb();
    store = new CloudBaseStore(db);
  });

  it('gets a document by id and answers null for node-sdk’s empty list', async () => {
    expect(await store.get('items', 'i1')).toBeNull();
    db.answer = () => ({ data: [itemsFixture[0]] });
    expect(await store.get('items', 'i1')).toEqual(itemsFixture[0]);
    expect(db.wire()[0]).toEqual({ collection: 'items', inTransaction: false, steps: [['doc', 'i1'], ['get']] });
  });

  it('finds with where, orderBy per field, skip and limit', async () => {
    db.answer = () => ({ data: [itemsFixture[1]] });
    const found = await store.find(
      'items',
      { status: 'open' },
      {
        orderBy: [
          ['status', 'asc'],
          ['rank', 'desc'],
        ],
        skip: 20,
        limit: 10,
      },
    );
    expect(found).toEqual([itemsFixture[1]]);
    expect(db.wire()[0].steps).toEqual([
      ['where', { status: 'open' }],
      ['orderBy', 'status', 'asc'],
      ['orderBy', 'rank', 'desc'],
      ['skip', 20],
      ['limit', 10],
      ['get'],
    ]);
  });

  it('asks for 1000 documents when no limit or a larger one is given', async () => {
    await store.find('items', {});
    await store.find('items', {}, { limit: 5000 });
    expect(db.wire().map((c) => c.steps)).toEqual([
      [['where', {}], ['limit', 1000], ['get']],
      [['where', {}], ['limit', 1000], ['get']],
    ]);
  });

  it('makes no request for a limit of 0, which the SDK would turn into 100', async () => {
    expect(await store.find('items', {}, { limit: 0 })).toEqual([]);
    expect(db.calls).toEqual([]);
  });

  it('refuses a hostile sort field', async () => {
    await expect(store.find('items', {}, { orderBy: [['$where', 'asc']] })).rejects.toThrow(/invalid field path/);
  });

  it('counts with where and count', async () => {
    db.answer = () => ({ total: 7 });
    expect(await store.count('items', { rank: { $gte: 2 } })).toBe(7);
    expect(db.wire()[0].steps).toEqual([['where', { rank: { $gte: 2 } }], ['count']]);
  });

  it('inserts with add, keeping _id in the document', async () => {
    await store.insert('items', { _id: 'i9', status: 'open' });
    expect(db.wire()[0].steps).toEqual([['add', { _id: 'i9', status: 'open' }]]);
  });

  it('turns a duplicate-write error from add into DuplicateKeyError', async () => {
    db.answer = () => Object.assign(new Error('E11000 duplicate key error'), { code: 'DATABASE_DUPLICATE_WRITE' });
    await expect(store.insert('items', { _id: 'i1' })).rejects.toEqual(new DuplicateKeyError('items', 'i1'));
  });

  it('passes other errors through unchanged', async () => {
    const err = Object.assign(new Error('busy'), { code: 'SYS_ERR' });
    db.answer = () => err;
    await expect(store.insert('items', { _id: 'i1' })).rejects.toBe(err);
  });

  it('refuses a document without a string _id before calling the server', async () => {
    await expect(store.insert('items', { _id: '' })).rejects.toThrow(/_id/);
    expect(db.calls).toEqual([]);
  });

  it('updates conditionally in one request on _id AND the condition', async () => {
    db.answer = () => ({ updated: 1 });
    expect(await store.update('counters', 'cap', { $inc: { n: 1 } }, { n: { $lt: 10 } })).toBe(1);
    expect(db.wire()).toEqual([
      {
        collection: 'counters',
        inTransaction: false,
        steps: [
          ['where', { $and: [{ _id: 'cap' }, { n: { $lt: 10 } }] }],
          ['update', { $inc: { n: 1 } }],
        ],
      },
    ]);
  });

  it('updates by _id alone without a condition', async () => {
    db.answer = () => ({ updated: 1 });
    await store.update('items', 'i1', { $set: { status: 'x' } });
    expect(db.wire()[0].steps[0]).toEqual(['where', { _id: 'i1' }]);
  });

  it('returns 0 when nothing was updated by $inc, without asking again', async () => {
    expect(await store.update('counters', 'cap', { $inc: { n: 1 } }, { n: { $lt: 10 } })).toBe(0);
    expect(db.calls).toHaveLength(1);
  });

  it('counts a $set that matched but changed nothing as updated', async () => {
    db.answer = (call) => (call.steps[call.steps.length - 1][0] === 'count' ? { total: 1 } : { updated: 0 });
    expect(await store.update('items', 'i1', { $set: { status: 'open' } }, { rank: 3 })).toBe(1);
    expect(db.wire()[1].steps).toEqual([['where', { $and: [{ _id: 'i1' }, { rank: 3 }] }], ['count']]);
  });

  it('returns 0 for a $set on a document that does not match', async () => {
    expect(await store.update('items', 'i1', { $set: { status: 'open' } }, { rank: 99 })).toBe(0);
  });

  it('turns a duplicate-write error from update into DuplicateKeyError', async () => {
    db.answer = () => Object.assign(new Error('dup'), { code: 'DATABASE_DUPLICATE_WRITE' });
    await expect(store.update('users', 'u2', { $set: { email: 'a' } })).rejects.toBeInstanceOf(DuplicateKeyError);
  });

  it('removes on _id AND the condition and reports the count as 0 or 1', async () => {
    db.answer = () => ({ deleted: 1 });
    expect(await store.remove('items', 'i1', { status: 'open' })).toBe(1);
    db.answer = () => ({ deleted: '0' });
    expect(await store.remove('items', 'i1')).toBe(0);
    expect(db.wire().map((c) => c.steps)).toEqual([
      [['where', { $and: [{ _id: 'i1' }, { status: 'open' }] }], ['remove']],
      [['where', { _id: 'i1' }], ['remove']],
    ]);
  });

  describe('transactions', () => {
    const current = { _id: 'c', n: 5 };
    const inTx = (fn: (tx: DocumentOps) => Promise<unknown>) => store.transaction(fn);

    beforeEach(() => {
      // Inside a transaction node-sdk answers doc(id).get() with the document itself, or null.
      db.answer = (call) => {
        const [method] = call.steps[call.steps.length - 1];
        if (method === 'get') return { data: call.steps[0][1] === 'c' ? current : null };
        return DEFAULT_ANSWERS[method];
      };
    });

    it('runs through runTransaction with more retries than the SDK’s 3', async () => {
      expect(await inTx(async () => 'ok')).toBe('ok');
      expect(db.transactionRetries).toEqual([10]);
    });

    it('reads a document with the transaction', async () => {
      expect(await inTx((tx) => tx.get('counters', 'c'))).toEqual(current);
      expect(await inTx((tx) => tx.get('counters', 'other'))).toBeNull();
      expect(db.wire()[0]).toEqual({ collection: 'counters', inTransaction: true, steps: [['doc', 'c'], ['get']] });
    });

    it('checks the condition on the read document and writes only when it holds', async () => {
      expect(await inTx((tx) => tx.update('counters', 'c', { $inc: { n: 1 } }, { n: { $gte: 10 } }))).toBe(0);
      expect(db.wire().map((c) => c.steps)).toEqual([[['doc', 'c'], ['get']]]);

      db.calls.length = 0;
      expect(await inTx((tx) => tx.update('counters', 'c', { $inc: { n: 1 } }, { n: { $lt: 10 } }))).toBe(1);
      expect(db.wire().map((c) => c.steps)).toEqual([
        [['doc', 'c'], ['get']],
        [
          ['doc', 'c'],
          ['update', { $inc: { n: 1 } }],
        ],
      ]);
      expect(db.calls.every((c) => c.inTransaction)).toBe(true);
    });

    it('updates nothing for a missing document', async () => {
      expect(await inTx((tx) => tx.update('counters', 'nope', { $inc: { n: 1 } }))).toBe(0);
      expect(db.calls).toHaveLength(1);
    });

    it('removes with doc(id).delete() when the condition holds', async () => {
      expect(await inTx((tx) => tx.remove('counters', 'c', { n: 6 }))).toBe(0);
      expect(await inTx((tx) => tx.remove('counters', 'c', { n: 5 }))).toBe(1);
      expect(db.wire().at(-1)).toEqual({ collection: 'counters', inTransaction: true, steps: [['doc', 'c'], ['delete']] });
    });

    it('inserts with add in the transaction and maps duplicates', async () => {
      await inTx((tx) => tx.insert('counters', { _id: 'd', n: 0 }));
      expect(db.wire()[0]).toEqual({ collection: 'counters', inTransaction: true, steps: [['add', { _id: 'd', n: 0 }]] });
      db.answer = () => Object.assign(new Error('E11000 duplicate key'), { code: 'DATABASE_DUPLICATE_WRITE' });
      await expect(inTx((tx) => tx.insert('counters', { _id: 'c', n: 0 }))).rejects.toBeInstanceOf(DuplicateKeyError);
    });
  });
});

describe('CloudBase index config', () => {
  it('declares every index as UpdateTable CreateIndexes, unique ones sparse', () => {
    expect(indexConfig(contractCollections)).toEqual([
      {
        TableName: 'items',
        CreateIndexes: [
          {
            IndexName: 'by_status_rank',
            MgoKeySchema: {
              MgoIndexKeys: [
                { Name: 'status', Direction: '1' },
                { Name: 'rank', Direction: '-1' },
              ],
              MgoIsUnique: false,
              MgoIsSparse: false,
            },
          },
          {
            IndexName: 'by_owner_city',
            MgoKeySchema: { MgoIndexKeys: [{ Name: 'owner.city', Direction: '1' }], MgoIsUnique: false, MgoIsSparse: false },
          },
        ],
      },
      {
        TableName: 'users',
        CreateIndexes: [
          {
            IndexName: 'by_email',
            MgoKeySchema: { MgoIndexKeys: [{ Name: 'email', Direction: '1' }], MgoIsUnique: true, MgoIsSparse: true },
          },
        ],
      },
    ]);
  });

  it('refuses a hostile indexed field', () => {
    expect(() => indexConfig([{ name: 'x', indexes: [{ name: 'bad', fields: [['$where', 'asc']] }] }])).toThrow(/invalid field path/);
  });
});

const { TCB_ENV, TCB_SECRET_ID, TCB_SECRET_KEY } = process.env;

if (TCB_ENV && TCB_SECRET_ID && TCB_SECRET_KEY) {
  const creds = { env: TCB_ENV, secretId: TCB_SECRET_ID, secretKey: TCB_SECRET_KEY, region: process.env.TCB_REGION ?? 'ap-shanghai' };
  jest.setTimeout(180_000);

  describe('CloudBase live environment', () => {
    // A prefix per run keeps this run's collections apart from everything else in the environment.
    const prefix = `st${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}_`;
    const specs = contractCollections.map((c) => ({ ...c, name: prefix + c.name }));
    const db = init({ env: creds.env, secretId: creds.secretId, secretKey: creds.secretKey }).database();
    const store = new CloudBaseStore(db);

    beforeAll(async () => {
      for (const spec of specs) await db.createCollection(spec.name);
      for (const body of indexConfig(specs)) await tcbApi(creds, 'UpdateTable', { EnvId: creds.env, ...body });
    });

    afterAll(async () => {
      for (const spec of specs) {
        try {
          await tcbApi(creds, 'DeleteTable', { EnvId: creds.env, TableName: spec.name });
        } catch (err) {
          console.warn(`could not drop ${spec.name}; delete it in the console`, err);
        }
      }
    });

    describeStoreContract(
      'CloudBase',
      async () => withPrefix(store, prefix),
      async () => {
        for (const spec of specs)
          await db
            .collection(spec.name)
            .where({ _id: db.command.exists(true) })
            .remove();
      },
    );
  });
}

/** The same store with every collection name prefixed, so the contract's names map to this run's collections. */
function withPrefix(store: Store, prefix: string): Store {
  const ops = (o: DocumentOps): DocumentOps => ({
    get: <T extends Doc = Doc>(c: string, id: string) => o.get<T>(prefix + c, id),
    insert: (c, doc) => o.insert(prefix + c, doc),
    update: (c, id, patch, where) => o.update(prefix + c, id, patch, where),
    remove: (c, id, where) => o.remove(prefix + c, id, where),
  });
  return {
    ...ops(store),
    find: <T extends Doc = Doc>(c: string, filter: Filter, options?: Parameters<Store['find']>[2]) =>
      store.find<T>(prefix + c, filter, options),
    count: (c, filter) => store.count(prefix + c, filter),
    transaction: (fn) => store.transaction((tx) => fn(ops(tx))),
    close: () => store.close(),
  };
}

/**
 * Calls a tcb cloud API action (version 2018-06-08), signed with TC3-HMAC-SHA256. node-sdk cannot
 * create indexes or drop collections, so the live run uses the management API for those.
 */
async function tcbApi(creds: { secretId: string; secretKey: string; region: string }, action: string, payload: object): Promise<unknown> {
  const host = 'tcb.tencentcloudapi.com';
  const contentType = 'application/json; charset=utf-8';
  const timestamp = Math.floor(Date.now() / 1000);
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
  const body = JSON.stringify(payload);
  const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
  const canonicalRequest = ['POST', '/', '', `content-type:${contentType}\nhost:${host}\n`, 'content-type;host', sha256(body)].join('\n');
  const scope = `${date}/tcb/tc3_request`;
  const stringToSign = ['TC3-HMAC-SHA256', String(timestamp), scope, sha256(canonicalRequest)].join('\n');
  const hmac = (key: string | Buffer, s: string) => createHmac('sha256', key).update(s).digest();
  const signature = createHmac('sha256', hmac(hmac(hmac(`TC3${creds.secretKey}`, date), 'tcb'), 'tc3_request'))
    .update(stringToSign)
    .digest('hex');
  const res = await fetch(`https://${host}`, {
    method: 'POST',
    headers: {
      Authorization: `TC3-HMAC-SHA256 Credential=${creds.secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`,
      'Content-Type': contentType,
      'X-TC-Action': action,
      'X-TC-Timestamp': String(timestamp),
      'X-TC-Version': '2018-06-08',
      'X-TC-Region': creds.region,
    },
    body,
  });
  const json = (await res.json()) as { Response?: { Error?: { Code: string; Message: string } } };
  if (json.Response?.Error) throw new Error(`${action}: ${json.Response.Error.Code} ${json.Response.Error.Message}`);
  return json.Response;
}
