/**
 * fast-check arbitraries that turn an action's valid sample payload into hostile ones: wrong
 * types, missing and extra fields, huge and unicode strings, deep objects, prototype-pollution
 * keys, arrays where objects are expected, edge numbers, and valid-shaped values that point
 * elsewhere (another community's ids, far-off times). Every payload has been through
 * JSON.stringify/JSON.parse, as a real call's payload has: NaN and Infinity arrive as null,
 * `__proto__` arrives as an own key.
 */
import fc from 'fast-check';
import { DEMO } from '../../../cloudfunctions/core/seed/demo-ids';
import { OTHER } from './world';

/** The platform's limit on a call's text payload (API.md §3). */
const MAX_PAYLOAD_CHARS = 100 * 1024;

type Json = unknown;

/** Sets an own, enumerable property, even for `__proto__`. */
function setOwn(obj: Record<string, Json>, key: string, value: Json): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Characters that break naive handling: emoji (with ZWJ), RTL override, NUL, lone surrogates, BOM… */
const nastyChar = fc.constantFrom(
  '\u0000',
  '\u0001',
  '\u001f',
  '\u007f',
  '\u202e',
  '\u200b',
  '\u200d',
  '\ufeff',
  '\ud800',
  '\udfff',
  '😀',
  '👨‍👩‍👧‍👦',
  '🇨🇳',
  'é',
  'e\u0301',
  'م',
  'ע',
  '字',
  '\n',
  '\r',
  '\t',
  '"',
  "'",
  '\\',
  '%',
  '$',
  '<',
  '&',
);

const unicodeString = fc.string({ unit: fc.oneof(nastyChar, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 40 });

const specialString = fc.constantFrom(
  '',
  ' ',
  '   ',
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '1e308',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  "'; DROP TABLE users; --",
  '" OR 1=1 --',
  '{"$gt":""}',
  '$where',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '%00',
  '\u0000',
  'مرحبا بالعالم',
  '\u202eevil.exe',
  '\ud83d',
  '😀'.repeat(30),
  '2026-02-30T25:61:00+08:00',
  '2026-11-20T09:00:00',
  '9999-12-31T23:59:59+14:00',
  '0000-01-01T00:00:00Z',
  '13800000000',
  '1380000000000',
  'cloud://',
  'local://uploads/../../x.jpg',
  // on the local word list: reaches CONTENT_REJECTED where the field is user text
  '网上赌博平台',
);

/** Up to ~90 KB of one repeated unit (cut anywhere, so a surrogate pair may be split). */
const hugeString = fc
  .record({ n: fc.integer({ min: 1_000, max: 90_000 }), unit: fc.constantFrom('x', '字', '😀', '\u0000', '\ud800', 'ab ', '\u202e') })
  .map(({ n, unit }) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n));

const edgeNumber = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    1,
    -1,
    0.5,
    1.5,
    2,
    5,
    6,
    99,
    100,
    101,
    1000,
    2 ** 31,
    -(2 ** 31),
    2 ** 53,
    2 ** 53 + 2,
    1e21,
    1e308,
    -1e308,
    5e-324,
    NaN,
    Infinity,
  ),
  fc.double(),
  fc.integer(),
);

/** Nesting 10–3000 levels deep, as objects or arrays. */
const deepValue = fc.record({ depth: fc.integer({ min: 10, max: 3_000 }), asArray: fc.boolean() }).map(({ depth, asArray }) => {
  let v: Json = 'bottom';
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  return v;
});

/** Objects carrying prototype-pollution keys as own keys (built from JSON text, as a payload would be). */
const pollutingObject = fc
  .constantFrom(
    '{"__proto__":{"isAdmin":true,"roles":["admin"],"status":"active"}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '{"prototype":{"polluted":true},"__proto__":null}',
    '{"__proto__":[]}',
    '{"toString":"x","valueOf":1,"hasOwnProperty":null}',
    '{"$set":{"roles":["admin"]},"$inc":{"capacity":1000}}',
  )
  .map((text) => JSON.parse(text) as Json);

/** Ids that exist somewhere else, or nowhere. */
const otherId = fc.constantFrom(
  DEMO.communityId,
  DEMO.compound1,
  DEMO.compound2,
  DEMO.firm1,
  DEMO.firm2,
  OTHER.communityId,
  OTHER.compoundId,
  OTHER.firmId,
  'x_missing',
  'rq_demo_light',
  'rq_demo_garage',
  'a'.repeat(64),
  'a'.repeat(65),
  '..',
  'users',
  'u_AAAAAAAAAAAAAAAAAAAAAA',
);

/** Leaves: everything a field could be sent as. */
const leaf: fc.Arbitrary<Json> = fc.oneof(
  { arbitrary: specialString, weight: 4 },
  { arbitrary: unicodeString, weight: 4 },
  { arbitrary: edgeNumber, weight: 4 },
  { arbitrary: otherId, weight: 3 },
  { arbitrary: fc.boolean(), weight: 2 },
  { arbitrary: fc.constant(null), weight: 2 },
  { arbitrary: pollutingObject, weight: 2 },
  { arbitrary: fc.constantFrom(2026, '2026-H2', '2099-H1', '1999-H1', '2026-H3', 'monthly'), weight: 1 },
);

/** A weird value: a leaf, a small array or object of leaves, a deep value, or (rarely) a huge string. */
const weirdValue: fc.Arbitrary<Json> = fc.oneof(
  { arbitrary: leaf, weight: 12 },
  { arbitrary: fc.array(leaf, { maxLength: 5 }), weight: 3 },
  {
    arbitrary: fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor')), leaf, { maxKeys: 4 }),
    weight: 2,
  },
  { arbitrary: fc.array(fc.constantFrom('x', 1, null), { minLength: 200, maxLength: 2_000 }), weight: 1 },
  { arbitrary: deepValue, weight: 1 },
  { arbitrary: hugeString, weight: 1 },
);

/** Keys a caller might add to try their luck. */
const extraKey = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'openid',
    '_openid',
    'OPENID',
    'x-openid',
    'userId',
    'callerId',
    'role',
    'roles',
    'isAdmin',
    'status',
    '_id',
    '$set',
    'toString',
    'clientToken',
    'communityId',
  ),
  fc.string({ maxLength: 12 }),
);

type Mutation = (v: Json) => Json;

/** A value of the same JSON type as `v` (so it may pass the schema and reach the use case). */
const sameType = fc
  .record({
    str: fc.oneof(
      unicodeString.filter((x) => x.trim().length > 0),
      specialString,
      otherId,
    ),
    num: edgeNumber,
    pick: fc.nat(),
  })
  .map(({ str, num, pick }) => (v: Json): Json => {
    if (typeof v === 'string') return str;
    if (typeof v === 'number') return num;
    if (typeof v === 'boolean') return !v;
    if (Array.isArray(v)) return pick % 2 ? [] : [...v, ...v];
    return v;
  });

/** One change to a payload (recursing into nested objects and arrays). */
const mutation: fc.Arbitrary<Mutation> = fc.letrec<{ m: Mutation }>((tie) => ({
  m: fc.oneof(
    // a field keeps its type but takes a hostile value (unicode, edge numbers, ids of elsewhere)
    {
      weight: 4,
      arbitrary: fc.record({ pick: fc.nat(), change: sameType }).map(({ pick, change }): Mutation => (v) => {
        if (!isObject(v)) return change(v);
        const keys = Object.keys(v);
        if (!keys.length) return v;
        const out = { ...v };
        const key = keys[pick % keys.length];
        setOwn(out, key, change(v[key]));
        return out;
      }),
    },
    // a field gets a weird value
    fc.record({ pick: fc.nat(), value: weirdValue }).map(({ pick, value }): Mutation => (v) => {
      if (!isObject(v)) return value;
      const keys = Object.keys(v);
      if (!keys.length) return v;
      const out = { ...v };
      setOwn(out, keys[pick % keys.length], value);
      return out;
    }),
    // a field goes missing
    fc.nat().map((pick): Mutation => (v) => {
      if (!isObject(v)) return v;
      const keys = Object.keys(v);
      if (!keys.length) return v;
      const out = { ...v };
      delete out[keys[pick % keys.length]];
      return out;
    }),
    // an extra field appears
    fc.record({ key: extraKey, value: weirdValue }).map(({ key, value }): Mutation => (v) => {
      if (!isObject(v)) return v;
      const out = { ...v };
      setOwn(out, key, value);
      return out;
    }),
    // the whole payload is something else (an array where an object belongs, a string, a number…)
    weirdValue.map(
      (value): Mutation =>
        () =>
          value,
    ),
    fc.constant<Mutation>((v) => [v]),
    // a valid-shaped value pointing elsewhere
    fc.record({ pick: fc.nat(), value: otherId }).map(({ pick, value }): Mutation => (v) => {
      if (!isObject(v)) return v;
      const keys = Object.keys(v);
      if (!keys.length) return v;
      const out = { ...v };
      setOwn(out, keys[pick % keys.length], value);
      return out;
    }),
    // the same change one level down, inside a nested object or array field
    fc.record({ pick: fc.nat(), inner: tie('m') as fc.Arbitrary<Mutation> }).map(({ pick, inner }): Mutation => (v) => {
      if (Array.isArray(v)) return v.length ? v.map((x, i) => (i === pick % v.length ? inner(x) : x)) : [inner(null)];
      if (!isObject(v)) return v;
      const nested = Object.keys(v).filter((k) => typeof v[k] === 'object' && v[k] !== null);
      if (!nested.length) return v;
      const key = nested[pick % nested.length];
      const out = { ...v };
      setOwn(out, key, inner(v[key]));
      return out;
    }),
  ),
})).m;

/** Hostile payloads derived from `valid`: one to three mutations, then a JSON round trip. */
export function hostilePayload(valid: Record<string, unknown>): fc.Arbitrary<Json> {
  return fc
    .array(mutation, { minLength: 1, maxLength: 3 })
    .map((ms) => {
      const text = JSON.stringify(ms.reduce<Json>((v, m) => m(v), clone(valid)));
      return text === undefined ? null : text;
    })
    .filter((text): text is string => text !== null && text.length <= MAX_PAYLOAD_CHARS)
    .map((text) => JSON.parse(text) as Json);
}
