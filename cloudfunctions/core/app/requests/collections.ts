import type { CollectionSpec } from '../../ports/store';
import { REQUEST_FOLLOWS, REQUESTS } from './request';

/**
 * Collections of the requests feature. Every list, inbox, board and scheduler query is served by
 * one of these indexes (the queue fields are derived on each write, see request.ts queuesOf).
 */
export const requestsCollections: CollectionSpec[] = [
  {
    name: REQUESTS,
    indexes: [
      {
        name: 'submitter_created',
        fields: [
          ['submitterId', 'asc'],
          ['createdAt', 'desc'],
        ],
      },
      {
        name: 'rc_queue',
        fields: [
          ['rcQueue', 'asc'],
          ['active', 'asc'],
          ['dueAt', 'asc'],
        ],
      },
      {
        name: 'oc_queue',
        fields: [
          ['ocQueue', 'asc'],
          ['active', 'asc'],
          ['dueAt', 'asc'],
        ],
      },
      {
        name: 'pf_queue',
        fields: [
          ['pfQueue', 'asc'],
          ['active', 'asc'],
          ['dueAt', 'asc'],
        ],
      },
      {
        name: 'po_queue',
        fields: [
          ['poQueue', 'asc'],
          ['active', 'asc'],
          ['dueAt', 'asc'],
        ],
      },
      {
        name: 'board_created',
        fields: [
          ['boardCompoundId', 'asc'],
          ['createdAt', 'desc'],
        ],
      },
      {
        name: 'board_category',
        fields: [
          ['boardCompoundId', 'asc'],
          ['category', 'asc'],
          ['createdAt', 'desc'],
        ],
      },
      { name: 'escalate_at', fields: [['escalateAt', 'asc']] },
      { name: 'auto_close_at', fields: [['autoCloseAt', 'asc']] },
      {
        name: 'community_created',
        fields: [
          ['communityId', 'asc'],
          ['createdAt', 'asc'],
        ],
      },
      {
        name: 'compound_rated',
        fields: [
          ['compoundId', 'asc'],
          ['ratedAt', 'asc'],
        ],
      },
    ],
  },
  {
    name: REQUEST_FOLLOWS,
    indexes: [
      {
        name: 'request',
        fields: [
          ['requestId', 'asc'],
          ['createdAt', 'asc'],
        ],
      },
    ],
  },
];
