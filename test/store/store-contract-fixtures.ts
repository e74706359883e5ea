// The Store contract's fixtures: its collections and indexes, the `items` documents, and the filter
// cases every adapter must answer alike (shared with the CloudBase matcher tests).
import type { CollectionSpec, Doc, Filter } from '../../cloudfunctions/core/ports/store';

/** The collections the contract uses, with the indexes it relies on (`users.by_email` is unique). */
export const contractCollections: CollectionSpec[] = [
  {
    name: 'items',
    indexes: [
      {
        name: 'by_status_rank',
        fields: [
          ['status', 'asc'],
          ['rank', 'desc'],
        ],
      },
      { name: 'by_owner_city', fields: [['owner.city', 'asc']] },
    ],
  },
  { name: 'users', indexes: [{ name: 'by_email', fields: [['email', 'asc']], unique: true }] },
  { name: 'counters', indexes: [] },
];

/** A document of the `items` fixture. */
export interface Item extends Doc {
  status?: string;
  rank?: number;
  score?: number;
  tags?: string[];
  owner?: { city?: string; age?: number; history?: unknown[] };
  active?: boolean;
  note?: string | null;
  visits?: number;
}

export interface User extends Doc {
  email?: string;
  name?: string;
}

export interface Counter extends Doc {
  n: number;
}

/** Five documents covering missing fields, explicit nulls, booleans, arrays and nested objects. */
export const itemsFixture: Item[] = [
  { _id: 'i1', status: 'open', rank: 3, score: 1.5, tags: ['a', 'b'], owner: { city: 'jz', age: 30 }, active: true, note: null },
  { _id: 'i2', status: 'open', rank: 1, tags: ['b'], owner: { city: 'wh', age: 45 }, active: false },
  { _id: 'i3', status: 'closed', rank: 2, score: 0, tags: [], owner: { city: 'jz', age: 60 }, active: true, note: 'x' },
  { _id: 'i4', status: 'draft', rank: 5, tags: ['c'], active: false, note: null },
  { _id: 'i5', status: 'open', rank: 4, score: -2, owner: { city: 'sh', age: 30 } },
];

/** A filter over `itemsFixture` and the ids it must match; shared with the CloudBase matcher tests. */
export interface FilterCase {
  behaviour: string;
  filter: Filter;
  ids: string[];
}

/** The filter semantics every adapter shares (CloudBase's, which are MongoDB's). */
export const filterCases: FilterCase[] = [
  { behaviour: 'an empty filter matches every document', filter: {}, ids: ['i1', 'i2', 'i3', 'i4', 'i5'] },
  { behaviour: 'a plain value matches by equality', filter: { status: 'open' }, ids: ['i1', 'i2', 'i5'] },
  { behaviour: '$eq matches by equality', filter: { rank: { $eq: 2 } }, ids: ['i3'] },
  { behaviour: 'several fields must all match', filter: { status: 'open', rank: 1 }, ids: ['i2'] },
  { behaviour: '$ne excludes the value', filter: { status: { $ne: 'open' } }, ids: ['i3', 'i4'] },
  { behaviour: '$ne matches documents that lack the field', filter: { active: { $ne: true } }, ids: ['i2', 'i4', 'i5'] },
  { behaviour: '$in matches any listed value', filter: { status: { $in: ['closed', 'draft'] } }, ids: ['i3', 'i4'] },
  { behaviour: '$in with an empty list matches nothing', filter: { status: { $in: [] } }, ids: [] },
  {
    behaviour: '$in with null matches null and missing values',
    filter: { note: { $in: [null, 'x'] } },
    ids: ['i1', 'i2', 'i3', 'i4', 'i5'],
  },
  { behaviour: '$nin excludes the listed values', filter: { status: { $nin: ['open'] } }, ids: ['i3', 'i4'] },
  { behaviour: '$nin matches documents that lack the field', filter: { 'owner.city': { $nin: ['jz'] } }, ids: ['i2', 'i4', 'i5'] },
  { behaviour: '$nin with null excludes null and missing values', filter: { note: { $nin: [null] } }, ids: ['i3'] },
  { behaviour: '$gt and $lte on one field combine', filter: { rank: { $gt: 2, $lte: 4 } }, ids: ['i1', 'i5'] },
  { behaviour: '$gte and $lt compare strings', filter: { status: { $gte: 'draft', $lt: 'open' } }, ids: ['i4'] },
  { behaviour: '$lt compares negative numbers', filter: { score: { $lt: 0 } }, ids: ['i5'] },
  { behaviour: '$gte never matches a missing field', filter: { score: { $gte: 0 } }, ids: ['i1', 'i3'] },
  { behaviour: '$exists true matches present fields, even null ones', filter: { note: { $exists: true } }, ids: ['i1', 'i3', 'i4'] },
  { behaviour: '$exists false matches absent fields only', filter: { note: { $exists: false } }, ids: ['i2', 'i5'] },
  { behaviour: 'null matches null and missing values', filter: { note: null }, ids: ['i1', 'i2', 'i4', 'i5'] },
  { behaviour: '$ne null matches present non-null values', filter: { note: { $ne: null } }, ids: ['i3'] },
  { behaviour: 'true matches booleans true', filter: { active: true }, ids: ['i1', 'i3'] },
  { behaviour: 'false matches booleans false, not missing fields', filter: { active: false }, ids: ['i2', 'i4'] },
  { behaviour: '$contains matches arrays holding the value', filter: { tags: { $contains: 'b' } }, ids: ['i1', 'i2'] },
  { behaviour: '$contains matches nothing when no array holds the value', filter: { tags: { $contains: 'z' } }, ids: [] },
  {
    behaviour: '$contains looks in that array only, not at the same value elsewhere in the document',
    filter: { tags: { $contains: 'open' } },
    ids: [],
  },
  { behaviour: 'a dotted field matches a nested value', filter: { 'owner.city': 'jz' }, ids: ['i1', 'i3'] },
  { behaviour: 'a dotted field takes operators', filter: { 'owner.age': { $gte: 45 } }, ids: ['i2', 'i3'] },
  { behaviour: '_id takes operators', filter: { _id: { $in: ['i1', 'i4', 'nope'] } }, ids: ['i1', 'i4'] },
  { behaviour: '$and requires every branch', filter: { $and: [{ status: 'open' }, { rank: { $gte: 3 } }] }, ids: ['i1', 'i5'] },
  { behaviour: '$or accepts any branch', filter: { $or: [{ status: 'closed' }, { 'owner.city': 'sh' }] }, ids: ['i3', 'i5'] },
  {
    behaviour: 'fields and $or combine with AND',
    filter: { status: 'open', $or: [{ active: true }, { rank: { $gt: 3 } }] },
    ids: ['i1', 'i5'],
  },
  {
    behaviour: '$or nests inside $and',
    filter: { $and: [{ $or: [{ status: 'draft' }, { status: 'closed' }] }, { active: { $ne: false } }] },
    ids: ['i3'],
  },
  { behaviour: 'an empty $and matches everything', filter: { $and: [] }, ids: ['i1', 'i2', 'i3', 'i4', 'i5'] },
  { behaviour: 'an empty $or matches nothing', filter: { $or: [] }, ids: [] },
];
