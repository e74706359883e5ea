import { createHash, createHmac } from 'node:crypto';
import { init } from '@cloudbase/node-sdk';
// The SDK's own serializers turn what the adapter builds into the JSON that goes over the wire.
import { QuerySerializer } from '@cloudbase/database/dist/commonjs/serializer/query';
import { UpdateSerializer } from '@cloudbase/database/dist/commonjs/serializer/update';
import { describeIndexes } from '../../cloudfunctions/core/adapters/cloudbase-indexes';
import { COLLECTIONS } from '../../cloudfunctions/core/app/collections';
import {
  CloudBaseStore,
  indexConfig,
  isDuplicateKeyError,
  matchesFilter,
  toQuery,
  toUpdate,
} from '../../cloudfunctions/core/adapters/cloudbase-store';
import type { Doc, DocumentOps, Filter, Patch, Store } from '../../cloudfunctions/core/ports/store';
import { contractCollections, describeStoreContract, filterCases, itemsFixture } from './store-contract';

/** The real `db.command`, as the adapter gets it in production; building commands needs no network. */
const _ = init({ env: 'mapping-test' }).database().command;

const wireQuery = (q: object): unknown => JSON.parse(JSON.stringify(QuerySerializer.encode(q)));
const wireUpdate = (u: object): unknown => JSON.parse(JSON.stringify(UpdateSerializer.encode(u)));

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
    ['$inc under an id with a hyphen (a firm id)', { $inc: { 'counters.firms.f_mw-T7': 1 } }, { $inc: { 'counters.firms.f_mw-T7': 1 } }],
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

  it('lists the collections and indexes as console steps (npm run db:indexes)', () => {
    expect(describeIndexes(contractCollections).split('\n')).toEqual([
      'items',
      '  by_status_rank  status ↑, rank ↓',
      '  by_owner_city   owner.city ↑',
      'users',
      '  by_email  email ↑  unique',
      'counters',
      '  (no index besides _id)',
    ]);
  });

  it('lists every collection and index the product declares', () => {
    const lines = describeIndexes(COLLECTIONS).split('\n');
    for (const c of COLLECTIONS) {
      expect(lines).toContain(c.name);
      for (const index of c.indexes) expect(lines.some((l) => l.trimStart().startsWith(`${index.name} `))).toBe(true);
    }
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
