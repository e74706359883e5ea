import type { CollectionSpec } from '../../ports/store';
import { FIRM_RESULTS, RATING_PERIODS, RATING_PUBLICATIONS, RATING_SHEETS, SERIOUS_ITEMS } from './rating';

/** Collections of the ratings feature, with an index for every query it runs. */
export const ratingsCollections: CollectionSpec[] = [
  {
    name: RATING_SHEETS,
    indexes: [
      // staff lists of a period (optionally one compound), newest first
      {
        name: 'community_period',
        fields: [
          ['communityId', 'asc'],
          ['period', 'asc'],
          ['submittedAt', 'desc'],
        ],
      },
      {
        name: 'compound_period',
        fields: [
          ['compoundId', 'asc'],
          ['period', 'asc'],
          ['submittedAt', 'desc'],
        ],
      },
      // a rater's own sheets of a period
      {
        name: 'rater_period',
        fields: [
          ['raterId', 'asc'],
          ['period', 'asc'],
        ],
      },
    ],
  },
  {
    name: RATING_PERIODS,
    indexes: [
      {
        name: 'community_state_period',
        fields: [
          ['communityId', 'asc'],
          ['state', 'asc'],
          ['period', 'desc'],
        ],
      },
      {
        name: 'community_period',
        fields: [
          ['communityId', 'asc'],
          ['period', 'desc'],
        ],
      },
      {
        name: 'state_period',
        fields: [
          ['state', 'asc'],
          ['period', 'desc'],
        ],
      },
      { name: 'notices_pending', fields: [['noticesPending', 'asc']] },
    ],
  },
  {
    name: RATING_PUBLICATIONS,
    indexes: [
      {
        name: 'community_period_n',
        fields: [
          ['communityId', 'asc'],
          ['period', 'asc'],
          ['n', 'asc'],
        ],
      },
    ],
  },
  {
    name: FIRM_RESULTS,
    indexes: [
      {
        name: 'firm_period',
        fields: [
          ['firmId', 'asc'],
          ['period', 'desc'],
        ],
      },
    ],
  },
  {
    name: SERIOUS_ITEMS,
    indexes: [
      {
        name: 'community_period',
        fields: [
          ['communityId', 'asc'],
          ['period', 'asc'],
          ['recordedAt', 'asc'],
        ],
      },
    ],
  },
];
