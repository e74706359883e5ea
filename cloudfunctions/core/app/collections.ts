import type { CollectionSpec } from '../ports/store';
import { ownersCollections } from './owners/collections';
import { outreachCollections } from './outreach/collections';
import { ratingsCollections } from './ratings/collections';
import { requestsCollections } from './requests/collections';
import { volunteerCollections } from './volunteer/collections';

/** Every collection and its indexes: created by the SQLite adapter, exported for CloudBase. */
export const COLLECTIONS: CollectionSpec[] = [
  {
    name: 'users',
    indexes: [
      { name: 'openid', fields: [['openid', 'asc']], unique: true },
      {
        name: 'community_created',
        fields: [
          ['communityId', 'asc'],
          ['createdAt', 'desc'],
        ],
      },
      {
        name: 'firm_status',
        fields: [
          ['firmId', 'asc'],
          ['status', 'asc'],
        ],
      },
      // A compound's people by status: its party organisation's members (app/ratings/city.ts hasCompoundParty).
      {
        name: 'compound_status',
        fields: [
          ['compoundId', 'asc'],
          ['status', 'asc'],
        ],
      },
    ],
  },
  { name: 'streets', indexes: [{ name: 'name', fields: [['name', 'asc']] }] },
  // Read by _id only (the street's): community/totals.ts.
  { name: 'street_totals', indexes: [] },
  { name: 'street_firms', indexes: [] },
  // The city's busiest firms (community/totals.ts CITY_BUSIEST): one query of ten small documents.
  {
    name: 'firm_totals',
    indexes: [
      {
        name: 'busiest',
        fields: [
          ['requests.total', 'desc'],
          ['_id', 'asc'],
        ],
      },
    ],
  },
  {
    name: 'communities',
    indexes: [
      { name: 'name', fields: [['name', 'asc']] },
      {
        name: 'street',
        fields: [
          ['streetId', 'asc'],
          ['name', 'asc'],
        ],
      },
    ],
  },
  {
    name: 'firm_assignments',
    indexes: [
      {
        name: 'compound_from',
        fields: [
          ['compoundId', 'asc'],
          ['from', 'asc'],
        ],
      },
      {
        name: 'firm_from',
        fields: [
          ['firmId', 'asc'],
          ['from', 'asc'],
        ],
      },
    ],
  },
  {
    name: 'compounds',
    indexes: [
      {
        name: 'community',
        fields: [
          ['communityId', 'asc'],
          ['name', 'asc'],
        ],
      },
      { name: 'firm', fields: [['firmId', 'asc']] },
      // A street's compounds (admin.structure names a street; a compound carries its street).
      { name: 'street', fields: [['streetId', 'asc']] },
    ],
  },
  {
    name: 'firms',
    indexes: [
      { name: 'credit_code', fields: [['creditCode', 'asc']], unique: true },
      {
        name: 'by_name',
        fields: [
          ['name', 'asc'],
          ['_id', 'asc'],
        ],
      },
    ],
  },
  {
    name: 'audit',
    indexes: [
      {
        name: 'target',
        fields: [
          ['targetType', 'asc'],
          ['targetId', 'asc'],
          ['at', 'asc'],
        ],
      },
    ],
  },
  { name: 'idempotency', indexes: [] },
  {
    name: 'invitations',
    indexes: [
      // Who was invited to a compound's roles (app/ratings/city.ts hasCompoundParty).
      {
        name: 'compound_role',
        fields: [
          ['scope.compoundId', 'asc'],
          ['role', 'asc'],
        ],
      },
    ],
  },
  {
    // Who holds which role where (account/holders.ts): the holders of a street, community,
    // compound or firm, newest grant first (account.listMembers with `holders`).
    name: 'role_holders',
    indexes: [
      {
        name: 'street_granted',
        fields: [
          ['streetId', 'asc'],
          ['grantedAt', 'desc'],
        ],
      },
      {
        name: 'community_granted',
        fields: [
          ['communityId', 'asc'],
          ['grantedAt', 'desc'],
        ],
      },
      {
        name: 'compound_granted',
        fields: [
          ['compoundId', 'asc'],
          ['grantedAt', 'desc'],
        ],
      },
      {
        name: 'firm_granted',
        fields: [
          ['firmId', 'asc'],
          ['grantedAt', 'desc'],
        ],
      },
    ],
  },
  // The latest period's grades in one document (app/ratings/city-grades.ts), read by _id.
  { name: 'rating_city_grades', indexes: [] },
  {
    name: 'rating_city_results',
    indexes: [
      {
        name: 'firm_period',
        fields: [
          ['firmId', 'asc'],
          ['period', 'desc'],
        ],
      },
      {
        name: 'period_score',
        fields: [
          ['period', 'desc'],
          ['creditScore', 'desc'],
        ],
      },
      // The latest period's grades of every firm (app/admin/overview.ts latestGrades).
      {
        name: 'period_firm',
        fields: [
          ['period', 'desc'],
          ['firmId', 'asc'],
        ],
      },
    ],
  },
  {
    name: 'outbox',
    indexes: [
      {
        name: 'user_created',
        fields: [
          ['userId', 'asc'],
          ['createdAt', 'desc'],
        ],
      },
      {
        name: 'state_due',
        fields: [
          ['state', 'asc'],
          ['nextAttemptAt', 'asc'],
        ],
      },
      {
        name: 'user_unread',
        fields: [
          ['userId', 'asc'],
          ['read', 'asc'],
        ],
      },
      { name: 'expires', fields: [['expiresAt', 'asc']] },
    ],
  },
  { name: 'subscriptions', indexes: [] },
  ...volunteerCollections,
  ...requestsCollections,
  ...ratingsCollections,
  ...ownersCollections,
  ...outreachCollections,
];
