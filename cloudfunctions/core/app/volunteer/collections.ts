import type { CollectionSpec } from '../../ports/store';
import { ACTIVITIES, SIGNUPS, VOLUNTEER_COUNTERS, VOLUNTEERS } from './model';

/** Collections of the volunteer feature; each index serves a query named beside it. */
export const volunteerCollections: CollectionSpec[] = [
  {
    name: VOLUNTEERS,
    indexes: [
      { name: 'volunteer_no', fields: [['volunteerNo', 'asc']], unique: true },
      // stats: registered volunteers of a community
      {
        name: 'community',
        fields: [
          ['communityId', 'asc'],
          ['createdAt', 'asc'],
        ],
      },
      // community.stats backbone: party members and 共青团员 among volunteers
      {
        name: 'community_party',
        fields: [
          ['communityId', 'asc'],
          ['isPartyMember', 'asc'],
        ],
      },
      {
        name: 'community_youth',
        fields: [
          ['communityId', 'asc'],
          ['isYouthLeagueMember', 'asc'],
        ],
      },
    ],
  },
  { name: VOLUNTEER_COUNTERS, indexes: [] },
  {
    name: ACTIVITIES,
    indexes: [
      // listActivities (all categories), upcoming and past
      {
        name: 'community_start',
        fields: [
          ['communityId', 'asc'],
          ['startAt', 'asc'],
        ],
      },
      // listActivities filtered by category
      {
        name: 'community_category_start',
        fields: [
          ['communityId', 'asc'],
          ['category', 'asc'],
          ['startAt', 'asc'],
        ],
      },
      // scheduler: reminders (open, starting soon), finishing (open, ended), cancelled clean-up
      {
        name: 'status_start',
        fields: [
          ['status', 'asc'],
          ['startAt', 'asc'],
        ],
      },
      // listActivities of one team (its page), upcoming and past; the team's recount
      {
        name: 'team_start',
        fields: [
          ['teamId', 'asc'],
          ['startAt', 'asc'],
        ],
      },
      {
        name: 'status_end',
        fields: [
          ['status', 'asc'],
          ['endAt', 'asc'],
        ],
      },
    ],
  },
  {
    name: SIGNUPS,
    indexes: [
      // roster and the scheduler's per-activity passes, in arrival order
      {
        name: 'activity_status_seq',
        fields: [
          ['activityId', 'asc'],
          ['status', 'asc'],
          ['seq', 'asc'],
        ],
      },
      {
        name: 'activity_seq',
        fields: [
          ['activityId', 'asc'],
          ['seq', 'asc'],
        ],
      },
      // myRecords and mySignups
      {
        name: 'user_start',
        fields: [
          ['userId', 'asc'],
          ['startAt', 'desc'],
        ],
      },
      {
        name: 'user_attendance_start',
        fields: [
          ['userId', 'asc'],
          ['attendance', 'asc'],
          ['startAt', 'desc'],
        ],
      },
      // community.stats hours
      {
        name: 'community_attendance_start',
        fields: [
          ['communityId', 'asc'],
          ['attendance', 'asc'],
          ['startAt', 'asc'],
        ],
      },
    ],
  },
];
