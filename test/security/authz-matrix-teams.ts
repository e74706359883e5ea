/**
 * The matrix rows of the volunteer actions on a team's activity (RULES.md §7; samples in
 * test/support/action-samples-teams.ts): base callers' cells (authz-matrix.ts columns) and the
 * city callers' (authz-matrix-city.ts), joined there. The organisers of a team's activity are the
 * community's party_org and rc_staff and the team's current leader: demo-volunteer (`vol`) leads
 * the red team; on the dance team's activity, or once he no longer leads his, he is FORBIDDEN.
 */

// prettier-ignore
const CELLS = {
  //                 admin party rc  oc  prop res vol | unreg pend none | oc3 prop2 rcX partyX
  leaderOk:        ' F    ok   ok  F   F    F   ok  |  F    F    U   |  F   F    F   F   ',
  leaderRefused:   ' F    ok   ok  F   F    F   F   |  F    F    U   |  F   F    F   F   ',
  //                 street streetX cparty
  cityRefused:     ' F      F       F  ',
};

const ACTIONS = ['checkIn', 'checkOut', 'roster', 'revealPhone', 'cancelActivity'] as const;

/** `action#variant` → [base cells, city cells]. */
export const TEAM_CELLS: Record<string, readonly [string, string]> = Object.fromEntries(
  ACTIONS.flatMap((action) => [
    // the team's own leader organises its activity
    [`${action}#team`, [CELLS.leaderOk, CELLS.cityRefused]],
    // the leader of another team (demo-volunteer) does not
    [`${action}#otherTeam`, [CELLS.leaderRefused, CELLS.cityRefused]],
    // nor does a former leader, once the team has another
    [`${action}#formerLeader`, [CELLS.leaderRefused, CELLS.cityRefused]],
  ]),
);
