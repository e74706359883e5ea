import type { CollectionSpec } from '../../ports/store';
import { BALLOTS, MOTION_RESULTS, MOTIONS, OWNER_LINKS, OWNER_NOTICES, OWNER_REGISTERS, OWNER_UNITS } from './model';

/** Collections of owners' decisions; every query of the feature is served by one of these indexes. */
export const ownersCollections: CollectionSpec[] = [
  {
    name: OWNER_REGISTERS,
    indexes: [
      {
        name: 'compound_created',
        fields: [
          ['compoundId', 'asc'],
          ['createdAt', 'desc'],
        ],
      },
    ],
  },
  {
    name: OWNER_UNITS,
    indexes: [
      {
        name: 'register_unit',
        fields: [
          ['registerId', 'asc'],
          ['building', 'asc'],
          ['room', 'asc'],
        ],
        unique: true,
      },
      // The unit an input names in every register of the compound, read before the register in force is known.
      {
        name: 'compound_unit',
        fields: [
          ['compoundId', 'asc'],
          ['building', 'asc'],
          ['room', 'asc'],
        ],
      },
      {
        name: 'register_owner',
        fields: [
          ['registerId', 'asc'],
          ['ownerKey', 'asc'],
        ],
      },
      {
        name: 'register_line',
        fields: [
          ['registerId', 'asc'],
          ['line', 'asc'],
        ],
      },
      {
        name: 'register_linked',
        fields: [
          ['registerId', 'asc'],
          ['linked', 'asc'],
          ['line', 'asc'],
        ],
      },
    ],
  },
  {
    name: OWNER_LINKS,
    indexes: [
      {
        name: 'compound_owner',
        fields: [
          ['compoundId', 'asc'],
          ['ownerKey', 'asc'],
        ],
      },
      // A resident's links, read beside their record (the motion's compound is not known yet).
      { name: 'user', fields: [['userId', 'asc']] },
    ],
  },
  {
    name: MOTIONS,
    indexes: [
      {
        name: 'compound_created',
        fields: [
          ['compoundId', 'asc'],
          ['createdAt', 'desc'],
        ],
      },
      {
        name: 'status_opens',
        fields: [
          ['status', 'asc'],
          ['opensAt', 'asc'],
        ],
      },
      {
        name: 'status_closes',
        fields: [
          ['status', 'asc'],
          ['closesAt', 'asc'],
        ],
      },
      { name: 'request', fields: [['requestId', 'asc']] },
    ],
  },
  {
    name: BALLOTS,
    indexes: [
      {
        name: 'motion_seq',
        fields: [
          ['motionId', 'asc'],
          ['seq', 'asc'],
        ],
        unique: true,
      },
    ],
  },
  { name: MOTION_RESULTS, indexes: [] },
  { name: OWNER_NOTICES, indexes: [] },
];
