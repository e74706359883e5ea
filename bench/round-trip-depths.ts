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
/** A request's write that moves its firm's counts reads them first (app/community/totals.ts). */
const FIRM_COUNTS =
  "and in it the street's request counts per firm are read beside the community's write, then the street's totals are written with its busiest firms computed from them (the city overview reads small documents: app/community/totals.ts), a round more";
/** Why an audited change is a transaction (app/audit.ts auditedChange, test/security/audit-atomic.test.ts). */
const AUDITED = 'the change and its audit entry are one transaction (RULES.md §5: the audit must not lose a change)';
/** An audited change that only inserts: the transaction's start, the writes issued together, its commit. */
const AUDITED_INSERT = `${AUDITED}: its start, the change and the entry issued together, its commit`;
/** Why a change to a person (app/account/user-change.ts) cannot go below 5. */
const PERSON_TX = `the person, the role holders index (app/account/holders.ts), the community's counters with its street's totals and the audit entry are one ${TX}, so they stay equal whenever the process dies (test/security/audit-atomic.test.ts); the change is decided on records read before it, so the transaction only writes, the person's write guarded by the revision of the record it was decided on (a change at the same time makes a second transaction that reads first, a busy moment only), and a transaction with a guarded update costs 4 (its start, the update's read and write, its commit) after the caller's round: 5`;

export const DEPTH_BUDGETS: Record<string, DepthBudget> = {
  'account.approve': {
    depth: 6,
    why: `${PERSON_TX}. The applicant is read in the caller's round; in the transaction the approval (guarded by the pending status and the revision) is issued beside the message and the audit, and beside it are read the applicant's volunteer profile (an approved resident's counts among the volunteers) and their community (its street), then the counters are written: start, that read, the counters' update (read and write), commit`,
  },
  'account.grantRole': {
    depth: 5,
    why: `${PERSON_TX}. The user and the firm named (property staff) are read in the caller's round: start, every write together, commit. A role of the user's community or compound (oc_member, compound_party, party_org, rc_staff) reads that scope after the user (its id is the user's): 6`,
  },
  'account.redeem': {
    depth: 5,
    why: `${PERSON_TX}, with the invitation's single-use conditional update. The invitation is read in the caller's round (the caller's record is what it is decided on) and its scope names the street: start, every write together, commit`,
  },
  'account.revokeRole': {
    depth: 5,
    why: `${PERSON_TX}. The scope (it names its street) and the user are read in the caller's round: start, every write together (the holder's removal is a read and a write too), commit`,
  },
  'account.register': {
    depth: 4,
    why: `the compound (the address is checked on it) is read in the caller's round; then ${AUDITED_INSERT} (a second registration fails the user's id and rolls the entry back)`,
  },
  'account.invite': {
    depth: 4,
    why: `the scope is read in the caller's round; then ${AUDITED_INSERT} (a code taken already fails its id and rolls the entry back: the next code, a transaction more)`,
  },
  'volunteer.createActivity': {
    depth: 5,
    why: `the community (its name and rules go on the activity) is read beside the caller's record, then the team the input names (if any); then ${AUDITED}, with the answer a retry with the same clientToken gets: start, the activity and the entry issued beside the answer (the idempotency record's update, a read and a write) and a team's activity count, commit`,
  },
  'volunteer.checkIn': {
    depth: 5,
    why: `the activity and the signup in the caller's round, then the team (a team's leader organises it); then ${AUDITED}, so the signup's conditional update (guarded by the signup as read: two organisers cannot both record it) is a read and a write in it: start, that update issued beside the entry (and the volunteer's and team's hours when they change), commit`,
  },
  'volunteer.checkOut': {
    depth: 5,
    why: `as volunteer.checkIn: ${AUDITED}, the signup's guarded update, the volunteer's and team's hours and the entry issued together: start, the guarded update (a read and a write), commit`,
  },
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
    depth: 8,
    why: `the compound and the community (from the caller's record) after the caller, then the request and its community's oversight counters in ${TX}, ${FIRM_COUNTS}; then its idempotency result (${ONCE})`,
  },
  'requests.withdraw': {
    depth: 6,
    why: `the change and its community's oversight counters (app/admin/counters.ts) are one ${TX}, ${FIRM_COUNTS}`,
  },
  'requests.rate': {
    depth: 6,
    why: `the rating and its community's oversight counters (app/admin/counters.ts) are one ${TX}, ${FIRM_COUNTS}`,
  },
  'requests.list': {
    depth: 2,
    why: `the inbox and "mine" lists are filtered by the caller's roles and id: ${CALLER_FIRST}`,
  },
  'requests.follow': { depth: 5, why: `the follow and the request's follower count are one ${TX}` },
  'requests.accept': {
    depth: 7,
    why: `the handlers to tell are found from the request, then the change and its messages are one ${TX}, ${FIRM_COUNTS}`,
  },
  'requests.reject': { depth: 6, why: `the change and the submitter's message are one ${TX}, ${FIRM_COUNTS}` },
  'requests.update': { depth: 6, why: `the change and the submitter's message are one ${TX}, ${FIRM_COUNTS}` },
  'requests.deliberate': {
    depth: 6,
    why: `the parties to tell are found from the request, then the change and its messages are one ${TX}`,
  },
  'requests.decide': {
    depth: 6,
    why: `the parties to tell are found from the request, then the change, its messages and the audit entry are one ${TX}`,
  },
  'requests.reopen': {
    depth: 7,
    why: `the handlers to tell are found from the request, then the change and its messages are one ${TX}, ${FIRM_COUNTS}`,
  },
  'ratings.submit': {
    depth: 5,
    why: `the compound, the rater's earlier sheet (its id is the period, the compound and the caller's user id) and the compound's party holders (by residence and by invitation) are read in the caller's round; then one ${TX}: start, the sheet (an insert under its unique id, or an update guarded by the version it replaces), its audit entry and the period's counters (guarded by its being open) issued together, commit. One sheet per rater, compound and period is the sheet's id; a guard that fails (the same rater at once, the period published meanwhile, its first sheet) means a second transaction that reads first`,
  },
  'ratings.publish': {
    depth: 9,
    why: `the community is named by the caller's record, so its period, compounds, sheets and serious items wait for it; then, together, the compounds' service histories, each compound's owner satisfaction over the whole period, and the firms' results in every community, their city-wide results and the latest grades (a firm change within the period, or another community's serious items, adds a round: those spans' counts, that community's rules); then one ${TX}: start (beside the black-list audience's read), the period (guarded by its version), its history entry, every firm's result, its city-wide result and the grades issued together, all or nothing, commit; then the black-list notices, 50 at a time issued together, then the period's pending flag (a death before it leaves them to the scheduler, whose keys drop those already queued). Not growing with the firms`,
  },
  'ratings.mySheets': {
    depth: 2,
    why: `the caller's sheets of the period are read beside the caller's record; the compounds they rate, their periods and their party holders come from the record's grants: ${CALLER_FIRST} (a party organisation's own community's compounds are found by the community, and their party holders a round after)`,
  },
  'ratings.period': {
    depth: 3,
    why: `a staff overview of the caller's community (their record names it): its period, compounds, sheets, role holders, serious items, periods and publications are read together once the record is there (${CALLER_FIRST}); then the raters' records (status and every role held) the role holders name (the role_holders index, a few dozen rows at any city size, instead of a scan of the community's people)`,
  },
  'ratings.sheets': { depth: 2, why: `the page of sheets is of the caller's community, which their record names: ${CALLER_FIRST}` },
  'ratings.recordSeriousItem': {
    depth: 5,
    why: `the compound is read in the caller's round; then one ${TX}: start, the item, its audit entry and the period's version (which makes a publication computed without the item fail) issued together, commit (the period's first record makes its document after them: a round more)`,
  },
  'admin.createStreet': { depth: 4, why: `the caller's round; then ${AUDITED_INSERT}` },
  'admin.setRules': {
    depth: 5,
    why: `the community is read in the caller's round (its rules are merged with the change); then ${AUDITED}, a ${TX}: its start, the rules (guarded by the revision they were merged over) and the entry issued together, its commit`,
  },
  'admin.registerFirm': {
    depth: 4,
    why: `the caller's round; then ${AUDITED_INSERT} (a credit code registered already fails its unique index and rolls the entry back)`,
  },
  'admin.createCommunity': {
    depth: 5,
    why: `the community, its street's count of communities (app/community/totals.ts) and the audit entry are one ${TX}; the street (its name and district are copied) is read in the caller's round, so the transaction only writes: its start, the three writes together, its commit`,
  },
  'admin.createCompound': {
    depth: 5,
    why: `the compound, its community's count of compounds with its street's totals and the audit entry are one ${TX}; the community (its street decides who may add to it) is read in the caller's round, so the transaction only writes: its start, every write together, its commit`,
  },
  'admin.assignFirm': {
    depth: 5,
    why: `the compound's firm, the closing of its last service row, the new row, the community's firms served with its street's totals and the audit entry are one ${TX}; the compound, the firm and the service history are read in the caller's round (their ids come from the input), so the transaction only writes: its start, every write together (the compound's guarded by its firm as read, the last row's by its being open, the new row under its unique id), its commit. A guard that fails rolls it back and the assignment is decided again on fresh reads`,
  },
  'admin.importStructure': {
    depth: 6,
    why: `all or nothing, so one ${TX}; what exists is read in the caller's round, then its start, every insert, the growth of existing compounds and counters of existing communities and the audit entry issued together (groups of 50: the city is some 90 rounds), then the counts of the communities made here (a write to a document inserted in the same round may reach the database first), its commit. A street, community or compound made meanwhile by another import fails its unique id (derived from its place and name) and the import is planned again on fresh reads`,
  },
  'admin.structure': {
    depth: 2,
    why: `the city's streets (about 30: the admin's whole answer without a street named, depth 1) are read beside the caller's record, as is a street named in the input; a street_admin's or community staff member's communities and compounds are read in parallel once the record gives what they reach: ${CALLER_FIRST}`,
  },
  'admin.compound': {
    depth: 2,
    why: "the compound and its service history are read beside the caller's record (the input names the compound); the community's name shown waits for the compound, which names the community",
  },
  'admin.overview': {
    depth: 2,
    why: "the streets and their totals with their busiest firms, and the city's busiest firms (one query of ten firms' city-wide counts) and how many firms have requests (the city), or the street's communities' counters (a street), and the latest city-wide grades (one document: app/ratings/city-grades.ts), beside the caller's record; then the firms the rows list, by id, for their names; a street_admin's own street (no streetId given) is read after the caller's record, which gives it",
  },
  'owners.importRegister': {
    depth: 5,
    why: `the compound and the links made so far in the caller's round; then its residents (to link: read by community, which the compound names); then, all or nothing, one transaction (${AUDITED}): its start, the register, its audit entry, the units and the new links in groups issued together (app/write-groups.ts: a round per 50), its commit`,
  },
  'owners.draft': {
    depth: 4,
    why: `the compound and the request it comes from (if any) in the caller's round; then ${AUDITED_INSERT}; a motion from a request then puts itself on the request's timeline (a read and a guarded update: 6)`,
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
    why: `the compound, the resident, their link so far, the register in force and the unit named (at its address in the compound's registers) in the caller's round; then the owner's units (the unit names the owner); then ${AUDITED}: start, the link and the entry issued beside the owner's unlinked units marked linked (each guarded: a read and a write) and the register's unlinked count lowered by as many, commit`,
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
  'outreach.report': {
    depth: 5,
    why: `the report, its audit entry and the community's pending count with its street's totals are one ${TX}; the community, the caller's profile and other report are read in the caller's round, so the transaction only writes: its start, every write together (a second report of the kind fails its unique id and rolls the rest back), its commit`,
  },
  'outreach.listReports': {
    depth: 2,
    why: "the page of reports is read in the caller's round; the building posts of its members wait for it (their ids come from the page), beside a street office's scope check (the community's street)",
  },
  'outreach.confirmReport': {
    depth: 5,
    why: `the report, the community's backbone counters and its street's totals, the member's volunteer profile and the audit are one ${TX}. The report (it names its street), its member and their profile are read in the caller's round, so for a member counted among the party volunteers already the transaction only writes: its start, every write together (the report's guarded by its status), its commit. A member without a profile gets one with the next volunteer number (its counter read in the transaction), and one not yet counted as a party member is counted after the guarded flag: a round or two more`,
  },
  'outreach.appointBuildingRole': {
    depth: 5,
    why: `the post, its audit entry and the community's count of posts with its street's totals are one ${TX}; the compound (it names its street), the member's reports and the post's holder are read in the caller's round (their ids come from the input), so the transaction only writes: its start, every write together (a new holder over the one read, guarded by them), its commit`,
  },
  'outreach.vacateBuildingRole': {
    depth: 5,
    why: `the caller, the compound and the post in one round; then the post's removal (guarded by the holder read), the community's counter and the audit entry, issued together in ${TX}: start, the guarded removal, commit`,
  },
  'outreach.wish': {
    depth: 6,
    why: `the wish belongs to the caller's community and takes its category's name from the community's rules: ${CALLER_FIRST}; then ${AUDITED}, with the answer a retry with the same clientToken gets: start, the wish and the entry issued beside the answer (the idempotency record's update, a read and a write), commit`,
  },
  'outreach.publishNeed': {
    depth: 5,
    why: `the community (its categories) is read in the caller's round with the idempotency claim; then ${AUDITED}, with the answer a retry with the same clientToken gets: start, the need and the entry issued beside the answer (the idempotency record's update, a read and a write), commit`,
  },
  'outreach.complete': {
    depth: 5,
    why: `the need and the caller's claim are read in the caller's round; then ${AUDITED}, so the claim's conditional update (guarded by its status: completed once) is a read and a write in it: start, that update issued beside the entry, commit`,
  },
  'outreach.reviewWish': {
    depth: 6,
    why: `the wish is read in the caller's round; approving it names its category from its community's rules, read next (the wish names the community); then the review, the resident's message and the audit, issued together in one ${TX} (a wish reviewed meanwhile fails the guard and rolls it all back): start, the guarded update, commit. Turning it down reads no community: depth 5`,
  },

  'outreach.claim': {
    depth: 5,
    why: `the need's open slots, its claim and the audit must equal each other whenever the process dies (test/security/audit-atomic.test.ts), and the database enforces the capacity (a conditional decrement, never below zero) and one claim per member (its unique id), so they are one ${TX}. The need, the member's reports and any earlier claim are read in the caller's round (with the idempotency claim), so the transaction only writes: its start, the guarded decrement, the claim, the audit, the resident's message and the answer a retry with the same clientToken gets, together; its commit. A slot taken meanwhile means a second transaction that reads first (a busy moment only)`,
  },
  'outreach.confirmDone': {
    depth: 5,
    why: `the claims, the need's done count, the community's service count and its street's totals, the messages and the audit move together, in one ${TX}. The need (it names its street) and its claims are read in the caller's round, so the transaction only writes: its start, every write together (the need's guarded by the done count it was decided on), its commit; the answer is made from what was read and written. A document changed meanwhile means a transaction per claim that reads the need first (a busy moment only)`,
  },
  'outreach.thank': {
    depth: 5,
    why: `the thanks, its audit entry and the messages to the members who served are one ${TX} (thanks given twice roll back). The need and its claims are read in the caller's round, so the transaction only writes: its start, the guarded update with the audit and the messages, its commit`,
  },
  'outreach.unitFeedback': {
    depth: 2,
    why: "the community is read with the caller's record (its street decides a street office's access); its four reads of the members' records (each paged to the end), in parallel, wait for the access check, so a caller who may not see them costs no such read",
  },
  'outreach.createTeam': {
    depth: 5,
    why: `the team, its audit entry and the community's count of teams with its street's totals are one ${TX}; the community, the leader and the leader's reports are read in the caller's round (their ids come from the input), so the transaction only writes: its start, every write together, its commit`,
  },
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
