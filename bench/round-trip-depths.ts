/**
 * Depth budgets (issue #16 §1): round trips in sequence per action, measured with the DelayStore
 * (bench/lib/delay-store.ts) on the same counted call as the round-trip budgets. The goal is depth
 * ≤ 1 for an action that only reads and ≤ 3 for one that writes; an action above its goal has a
 * row here with its budget and the reason. test/bench/round-trips.test.ts fails when an action
 * goes deeper than its goal or budget. bench/depth-before.json holds every action's depth before
 * the rework, so the bench prints both.
 */

export const READ_DEPTH_GOAL = 1;
export const WRITE_DEPTH_GOAL = 3;

export interface DepthBudget {
  depth: number;
  why: string;
}

const TX = 'a transaction: its start and its commit are requests, and each conditional update in it is a read and a write';
const CALLER_FIRST = "reads whose ids or filter come from the caller's record (scope, roles, unit) wait for it";
/** Why an idempotent action (a clientToken, as the mini-program sends) costs one round more. */
const ONCE = 'the stored result is what a retry with the same clientToken gets, so it is written once the answer is known';
/** Why a seat change is a transaction (issue #16 named a conditional inc plus an insert instead). */
const SEAT_ATOMIC =
  "a seat changes the activity's counters, the signup and the volunteer's slots, which must equal each other whenever the process dies (test/security/crash.test.ts checks them straight after a SIGKILL, signup-crash.test.ts at every step): separate requests (a conditional inc, then an insert) leave a seat without its signup, or a signup without its seat, when it dies between them, so they are one transaction";
const NOT_YET = 'not reworked yet: its reads and writes still run one after another';
/** The actions of the functions this pass did not rework (account, community, ratings, admin, owners, outreach). */
const OTHERS = `${NOT_YET} (this pass reworked the volunteer, requests and messages functions)`;
/** Grants and revocations: a step or two more for the role's holder record (app/account/holders.ts). */
/** Why a counted write whose caller has not read the community costs one round more (app/community/totals.ts). */
const STREET_READ =
  "the community's street is read beside the community's counters' write, then the street's totals are written (the city overview reads the streets, not every community)";
const HOLDER = `${OTHERS}; the role's holder record is written after the user's conditional update, in its transaction`;

export const DEPTH_BUDGETS: Record<string, DepthBudget> = {
  'account.register': { depth: 4, why: OTHERS },
  'account.approve': { depth: 10, why: OTHERS },
  'account.grantRole': { depth: 9, why: HOLDER },
  'account.listMembers': { depth: 2, why: OTHERS },
  'account.invite': { depth: 4, why: OTHERS },
  'account.redeem': { depth: 12, why: HOLDER },
  'account.revokeRole': { depth: 12, why: HOLDER },
  'volunteer.register': {
    depth: 7,
    why: `the volunteer number is a counter: ${TX}; the counter, the profile and the audit are written together, alongside the community's backbone and oversight counters (one write), the community read beside it for its street, then the street's totals (app/community/totals.ts)`,
  },
  'volunteer.cancelActivity': {
    depth: 7,
    why: `the caller and the activity, then the first 50 active signups are found, then one transaction cancels the activity, writes its audit entry and releases that page (each signup, its volunteer's slot and message, and the activity's counters; ${TX}: start, reads, writes, commit), so below 50 signups it does not grow with them; the cancellation, its audit and the releases are one step so a crash leaves all or none (a signup that comes after the search fails the activity's version guard, or keeps the clean-up open for the next search)`,
  },
  'volunteer.signup': {
    depth: 5,
    why: `${SEAT_ATOMIC}. The activity, the profile and any earlier signup are read in the caller's round (with the idempotency claim), so the transaction only writes: its start, the activity's counters, the signup (an insert under its unique id), the profile's slots and the answer a retry with the same clientToken gets (committed with the seat) together, each guarded by what it was decided on (${TX}), its commit. A document changed meanwhile means a second transaction that reads first (a busy moment only)`,
  },
  'volunteer.cancel': {
    depth: 6,
    why: `${SEAT_ATOMIC}, with the promotion of the first waitlisted volunteer and their message (test/security/seat-messages-crash.test.ts). The canceller's signup, profile and the activity are read in the caller's round; in the transaction (${TX}) the head of the waitlist (known from the activity) is read beside the canceller's writes, then their promotion and the activity's counters are written: start, head, promotion's read and write, commit`,
  },
  'requests.submit': {
    depth: 7,
    why: `the compound and the community (from the caller's record) after the caller, then the request and its community's oversight counters in ${TX}, then its idempotency result (${ONCE})`,
  },
  'requests.withdraw': { depth: 5, why: `the change and its community's oversight counters (app/admin/counters.ts) are one ${TX}` },
  'requests.rate': { depth: 5, why: `the rating and its community's oversight counters (app/admin/counters.ts) are one ${TX}` },
  'requests.list': {
    depth: 2,
    why: `the inbox and "mine" lists are filtered by the caller's roles and id: ${CALLER_FIRST}`,
  },
  'requests.follow': { depth: 5, why: `the follow and the request's follower count are one ${TX}` },
  'requests.accept': {
    depth: 6,
    why: `the handlers to tell are found from the request, then the change and its messages are one ${TX}`,
  },
  'requests.reject': { depth: 5, why: `the change and the submitter's message are one ${TX}` },
  'requests.update': { depth: 5, why: `the change and the submitter's message are one ${TX}` },
  'requests.deliberate': {
    depth: 6,
    why: `the parties to tell are found from the request, then the change and its messages are one ${TX}`,
  },
  'requests.decide': {
    depth: 6,
    why: `the parties to tell are found from the request, then the change, its messages and the audit entry are one ${TX}`,
  },
  'requests.reopen': { depth: 6, why: `the handlers to tell are found from the request, then the change and its messages are one ${TX}` },
  'ratings.submit': { depth: 10, why: OTHERS },
  'ratings.publish': {
    depth: 39,
    why: `${OTHERS}; each firm's city-wide result is written in one transaction with its grade in the latest grades (app/ratings/city-grades.ts), which the city overview reads instead of every firm's result: a round more per firm, and one for the grades document first`,
  },
  'ratings.mySheets': { depth: 4, why: OTHERS },
  'ratings.period': {
    depth: 3,
    why: `${OTHERS}; the raters are the community's role holders (the role_holders index, a few dozen rows at any city size), then their records (status and every role held), instead of a scan of the community's people`,
  },
  'ratings.sheets': { depth: 2, why: OTHERS },
  'ratings.recordSeriousItem': { depth: 8, why: OTHERS },
  'ratings.export': { depth: 5, why: OTHERS },
  'admin.createCommunity': {
    depth: 6,
    why: `${OTHERS}; the community, its street's count of communities (app/community/totals.ts) and the audit entry are one ${TX}`,
  },
  'admin.createCompound': { depth: 7, why: OTHERS },
  'admin.assignFirm': { depth: 14, why: OTHERS },
  'admin.setRules': { depth: 4, why: OTHERS },
  'admin.importStructure': { depth: 10, why: OTHERS },
  'admin.structure': {
    depth: 2,
    why: `the streets, communities, compounds (a compound names its street) and firms are read in parallel once the caller's record gives what it reaches: ${CALLER_FIRST}; a street named in the input is read beside the caller's record (depth 1). Past 1,000 compounds (the admin's whole city: 3,000) the pages after the first wait for the count read beside it (app/find-all.ts findAllWide): depth 3 whatever the number`,
  },
  'admin.compound': { depth: 3, why: OTHERS },
  'admin.rules': { depth: 2, why: OTHERS },
  'admin.exportLedger': { depth: 4, why: OTHERS },
  'admin.overview': {
    depth: 2,
    why: "the streets and their totals (the city) or the street's communities' counters (a street) and the latest city-wide grades (one document: app/ratings/city-grades.ts), beside the caller's record; then the firms the rows list, by id, for their names; a street_admin's own street (no streetId given) is read after the caller's record, which gives it",
  },
  'owners.importRegister': {
    depth: 5,
    why: "the compound and the links made so far in the caller's round; then its residents (to link: read by community, which the compound names); then the units and new links in groups issued together (app/write-groups.ts: a round per 50); then the register, written last so it is in force only once complete; then its audit entry",
  },
  'owners.register': {
    depth: 2,
    why: "the compound and its register in force in the caller's round; the page of units and the unlinked count are read in the register's id, so they wait for it",
  },
  'owners.residents': {
    depth: 2,
    why: "the compound and its owners' links in the caller's round; its residents are read by community and compound (the users' index), and the compound names its community",
  },
  'owners.linkUnit': {
    depth: 6,
    why: "the compound, the resident and the register in force in the caller's round; then the unit named; then the link beside the owner's units; then their linked flags; then the register's unlinked count (counted, then written) beside the audit entry",
  },
  'owners.announce': {
    depth: 6,
    why: `the motion in the caller's round; then what the motion names, read together: its community's rules, the register in force, its owners and the staff to tell; then one ${TX}: start, the status change (guarded by the draft status) issued beside its audit entry and the first 100 messages (one per person told), commit`,
  },
  'owners.list': {
    depth: 2,
    why: `the compound defaults to the caller's (their record names it): ${CALLER_FIRST}; then the compound and the page of motions together (a committee member's page waits a round more for the firm's latest grade: the black list)`,
  },
  'owners.get': {
    depth: 2,
    why: "the motion and the caller's links (by user id) in the caller's round; the caller's ballot is kept under the owner their link names, so it waits for the link",
  },
  'owners.vote': {
    depth: 7,
    why: `the motion and the caller's links (by user id) are read in the caller's round with the idempotency claim; then the owner's units in the register frozen at opening (their area weighs the ballot; the link names the owner, so they wait for it); then one ${TX}: start, the motion read beside this owner's ballot id, then the motion's update (guarded by its status and sequence) issued beside the ballot's insert under its unique ids and the answer a retry with the same clientToken gets, commit. The motion is read inside: every ballot moves it (the chain's sequence), so a transaction decided on the motion as loaded finds it moved whenever owners vote at once and runs again (measured: fewer ballots a second, more CPU each)`,
  },
  'owners.recordPaper': {
    depth: 8,
    why: `the motion in the caller's round with the idempotency claim; then the unit the committee member names in the register frozen at opening, then every unit of its owner (their area weighs the ballot); then the transaction of owners.vote, with the ballot's audit entry issued beside its insert`,
  },
  'outreach.report': { depth: 8, why: OTHERS },
  'outreach.myReports': { depth: 2, why: OTHERS },
  'outreach.listReports': { depth: 3, why: OTHERS },
  'outreach.confirmReport': { depth: 15, why: `${OTHERS}; ${STREET_READ}` },
  'outreach.appointBuildingRole': { depth: 9, why: OTHERS },
  'outreach.vacateBuildingRole': {
    depth: 5,
    why: `the caller, the compound and the post in one round; then the post's removal (guarded by the holder read), the community's counter and the audit entry, issued together in ${TX}: start, the guarded removal, commit`,
  },
  'outreach.needCategories': { depth: 2, why: OTHERS },
  'outreach.publishNeed': { depth: 5, why: OTHERS },
  'outreach.wish': { depth: 5, why: OTHERS },
  'outreach.reviewWish': { depth: 9, why: OTHERS },
  'outreach.listNeeds': { depth: 2, why: OTHERS },
  'outreach.getNeed': { depth: 3, why: OTHERS },
  'outreach.myNeeds': { depth: 2, why: OTHERS },
  'outreach.claim': { depth: 12, why: OTHERS },
  'outreach.complete': { depth: 5, why: OTHERS },
  'outreach.confirmDone': { depth: 17, why: `${OTHERS}; ${STREET_READ}` },
  'outreach.thank': { depth: 10, why: OTHERS },
  'outreach.unitFeedback': {
    depth: 3,
    why: "the caller's record, then the community (its existence after the scope check), then its four reads in parallel",
  },
  'outreach.createTeam': { depth: 8, why: OTHERS },
  'outreach.listTeams': { depth: 3, why: OTHERS },
  'outreach.setTeamLeader': {
    depth: 5,
    why: `the caller, the team and the new leader in one round; then the team's leader (guarded by the leader read) and the audit entry, issued together in ${TX}: start, the guarded update, commit`,
  },
};

/** The goal of an action: ≤ 1 when it only reads, ≤ 3 when it writes. */
export function depthGoal(writes: number): number {
  return writes > 0 ? WRITE_DEPTH_GOAL : READ_DEPTH_GOAL;
}

/** The depth an action may reach: its budget row, else its goal. */
export function depthBudget(fn: string, action: string, writes: number): number {
  return DEPTH_BUDGETS[`${fn}.${action}`]?.depth ?? depthGoal(writes);
}
