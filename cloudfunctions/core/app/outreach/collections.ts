import type { CollectionSpec } from '../../ports/store';
import { BUILDING_POSTS, CLAIMS, NEEDS, REPORTS, TEAMS } from './model';

/** Collections of the outreach feature; each index serves a query named beside it. */
export const outreachCollections: CollectionSpec[] = [
  {
    name: REPORTS,
    indexes: [
      // listReports (by status), unitFeedback, community.stats (confirmed members)
      {
        name: 'community_status_reported',
        fields: [
          ['communityId', 'asc'],
          ['status', 'asc'],
          ['reportedAt', 'asc'],
        ],
      },
    ],
  },
  {
    name: BUILDING_POSTS,
    indexes: [
      // a member's building roles (unitFeedback, myReports); the count in community.stats
      {
        name: 'community_user',
        fields: [
          ['communityId', 'asc'],
          ['userId', 'asc'],
        ],
      },
    ],
  },
  {
    name: NEEDS,
    indexes: [
      // listNeeds by status, newest first
      {
        name: 'community_status_created',
        fields: [
          ['communityId', 'asc'],
          ['status', 'asc'],
          ['createdAt', 'desc'],
        ],
      },
      // a resident's own wishes
      {
        name: 'requester_created',
        fields: [
          ['requesterId', 'asc'],
          ['createdAt', 'desc'],
        ],
      },
    ],
  },
  {
    name: CLAIMS,
    indexes: [
      // getNeed: the claimants of a need
      {
        name: 'need_claimed',
        fields: [
          ['needId', 'asc'],
          ['claimedAt', 'asc'],
        ],
      },
      // myNeeds as claimant, newest first
      {
        name: 'user_claimed',
        fields: [
          ['userId', 'asc'],
          ['claimedAt', 'desc'],
        ],
      },
      // unitFeedback: a member's confirmed services in the period
      {
        name: 'user_status_confirmed',
        fields: [
          ['userId', 'asc'],
          ['status', 'asc'],
          ['confirmedAt', 'asc'],
        ],
      },
      // community.stats: services done, by kind
      {
        name: 'community_status_kind',
        fields: [
          ['communityId', 'asc'],
          ['status', 'asc'],
          ['kind', 'asc'],
        ],
      },
    ],
  },
  {
    name: TEAMS,
    indexes: [
      {
        name: 'community_created',
        fields: [
          ['communityId', 'asc'],
          ['createdAt', 'asc'],
        ],
      },
      // myTeams: the teams a leader leads
      {
        name: 'leader_created',
        fields: [
          ['leaderUserId', 'asc'],
          ['createdAt', 'asc'],
        ],
      },
    ],
  },
];
