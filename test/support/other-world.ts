/**
 * A second community for "right role, wrong scope" (the demo seed has one): the security tests'
 * world (test/security/support/world.ts) inserts it with an rc_staff, a party_org, a resident
 * and a pending registration; the `#other` samples need that world.
 */
export const OTHER = {
  communityId: 'cm_other',
  compoundId: 'cp_other',
  firmId: 'f_other',
  rcOpenid: 'other-rc',
  partyOpenid: 'other-party',
  residentOpenid: 'other-resident',
  pendingOpenid: 'other-pending',
  streetId: 'st_other',
  streetAdminOpenid: 'other-street',
} as const;
