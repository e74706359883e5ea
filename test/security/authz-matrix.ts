/**
 * The authorisation matrix: for every function × action (× sample variant, see
 * test/support/action-samples.ts) × caller, the answer the rules require for the action's valid
 * sample payload — 'ok' or an error code. Written from API.md §5's "who" column and RULES.md, not
 * from running the code.
 *
 * Columns (test/security/support/world.ts CALLERS):
 *   admin party rc oc prop res vol | unreg pend none | oc3 prop2 rcX partyX
 *   - the demo role accounts; demo-volunteer is a resident with a volunteer profile;
 *   - a new openid, demo-pending (registered, not approved), no platform identity;
 *   - right role, wrong scope: demo-oc3 (oc_member of cp_wanshou), demo-property2 (the other
 *     firm), rc_staff and party_org of another community.
 *
 * Cells: ok · F FORBIDDEN · U UNAUTHENTICATED · N NOT_FOUND · C CONFLICT · S INVALID_STATE ·
 * I INVALID_INPUT · `a|b` either, where the rules leave it open (each such cell says why). Where
 * API.md and RULES.md leave the code open (NOT_FOUND for "not visible to the caller" or FORBIDDEN
 * for "lacks the role"), the project's docs/API.md decides it.
 */
import type { ErrorCode } from '../../cloudfunctions/core/app/result';
import { CITY_CELLS } from './authz-matrix-city';
import { TEAM_CELLS } from './authz-matrix-teams';
import { BASE_CALLER_NAMES, CITY_CALLER_NAMES, type Caller } from './support/world';

export type Outcome = 'ok' | ErrorCode;
export type Expected = Outcome | readonly Outcome[];

const CODES: Record<string, Outcome> = {
  ok: 'ok',
  F: 'FORBIDDEN',
  U: 'UNAUTHENTICATED',
  N: 'NOT_FOUND',
  C: 'CONFLICT',
  S: 'INVALID_STATE',
  I: 'INVALID_INPUT',
};

/** One row of a grid: a cell per caller of `columns`, in column order ('|' separators are for the eye). */
export function row(cells: string, columns: readonly Caller[] = BASE_CALLER_NAMES): Record<Caller, Expected> {
  const tokens = cells.split(/\s+/).filter((t) => t && t !== '|');
  if (tokens.length !== columns.length) throw new Error(`matrix row has ${tokens.length} cells, not ${columns.length}: ${cells}`);
  const out = {} as Record<Caller, Expected>;
  tokens.forEach((t, i) => {
    const codes = t.split('|').map((c) => {
      const code = CODES[c];
      if (!code) throw new Error(`unknown matrix cell ${t} in: ${cells}`);
      return code;
    });
    out[columns[i]] = codes.length === 1 ? codes[0] : codes;
  });
  return out;
}

// prettier-ignore
const BASE_MATRIX: Record<string, Record<string, Record<Caller, Expected>>> = {
  account: {
    //                                    admin party rc  oc  prop res vol | unreg pend none | oc3 prop2 rcX partyX
    // anyone identified
    whoami:                         row(' ok   ok   ok  ok  ok   ok  ok  |  ok   ok   U   |  ok  ok   ok  ok  '),
    // any identified caller, once: everyone already registered gets CONFLICT
    register:                       row(' C    C    C   C   C    C   C   |  ok   C    U   |  C   C    C   C   '),
    // rc_staff/party_org of that community, admin
    approve:                        row(' ok   ok   ok  F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    // oc_member: admin, or rc_staff/party_org within their community
    grantRole:                      row(' ok   ok   ok  F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    // any other role: admin only
    'grantRole#rc_staff':           row(' ok   F    F   F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    'grantRole#property_staff':     row(' ok   F    F   F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    // staff of that community, admin
    listMembers:                    row(' ok   ok   ok  F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    // the same three, for the other community's pending resident, resident and members
    'approve#other':                row(' ok   F    F   F   F    F   F   |  F    F    U   |  F   F    ok  ok  '),
    'grantRole#other':              row(' ok   F    F   F   F    F   F   |  F    F    U   |  F   F    ok  ok  '),
    'listMembers#other':            row(' ok   F    F   F   F    F   F   |  F    F    U   |  F   F    ok  ok  '),
    // holders of the roles the caller may revoke there (RULES.md §9), members there or not: the first compound
    // — the admin, the community's party_org/rc_staff (compound roles), its street's street_admin
    'listMembers#holders':          row(' ok   ok   ok  F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    // a whole street: the admin, its street_admin; a community's staff revoke nothing at that level
    'listMembers#holdersStreet':    row(' ok   F    F   F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    // the other community: the admin, its own staff and street (right role, wrong community/street = F)
    'listMembers#holdersOther':     row(' ok   F    F   F   F    F   F   |  F    F    U   |  F   F    ok  ok  '),
    // roles by invitation, from the level above over the scope (RULES.md §9): an oc_member of the first compound
    invite:                         row(' ok   ok   ok  F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    // rc_staff: the admin or the street; the community's own staff are the wrong level
    'invite#rc_staff':              row(' ok   F    F   F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    'invite#street_admin':          row(' ok   F    F   F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    // any identified caller; demo-oc already holds the role there
    redeem:                         row(' ok   ok   ok  C   ok   ok  ok  |  ok   ok   U   |  ok  ok   ok  ok  '),
    // the level above: demo-oc's oc_member role in the first compound
    revokeRole:                     row(' ok   ok   ok  F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    // the other community's rc_staff: the admin or that community's street
    'revokeRole#other':             row(' ok   F    F   F   F    F   F   |  F    F    U   |  F   F    F   F   '),
  },
  community: {
    // anyone
    list:                           row(' ok   ok   ok  ok  ok   ok  ok  |  ok   ok   ok  |  ok  ok   ok  ok  '),
    // anyone: the streets, a picker's first step
    streets:                        row(' ok   ok   ok  ok  ok   ok  ok  |  ok   ok   ok  |  ok  ok   ok  ok  '),
    // staff of that community, admin
    stats:                          row(' ok   ok   ok  F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    'stats#other':                  row(' ok   F    F   F   F    F   F   |  F    F    U   |  F   F    ok  ok  '),
  },
  volunteer: {
    //                                    admin party rc  oc  prop res vol | unreg pend none | oc3 prop2 rcX partyX
    // any registered user, pending included (demo-volunteer, demo-oc and demo-oc3 already have a profile)
    register:                       row(' ok   ok   ok  C   ok   ok  C   |  F    ok   U   |  C   ok   ok  ok  '),
    // the caller's own profile (null when none)
    profile:                        row(' ok   ok   ok  ok  ok   ok  ok  |  F    ok   U   |  ok  ok   ok  ok  '),
    // rc_staff/party_org of that community (API.md lists no admin here, unlike approve or stats)
    createActivity:                 row(' F    ok   ok  F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    'createActivity#other':         row(' F    F    F   F   F    F   F   |  F    F    U   |  F   F    ok  ok  '),
    // anyone
    listActivities:                 row(' ok   ok   ok  ok  ok   ok  ok  |  ok   ok   ok  |  ok  ok   ok  ok  '),
    getActivity:                    row(' ok   ok   ok  ok  ok   ok  ok  |  ok   ok   ok  |  ok  ok   ok  ok  '),
    // volunteers (of the community: the activity is not open to all); demo-oc and demo-oc3 are volunteers
    signup:                         row(' F    F    F   ok  F    F   ok  |  F    F    U   |  ok  F    F   F   '),
    // another community's activity open to all: any volunteer
    'signup#openToAll':             row(' F    F    F   ok  F    F   ok  |  F    F    U   |  ok  F    F   F   '),
    // the volunteer, their own signup (demo-volunteer signed up); anyone else has none: NOT_FOUND (docs/API.md NOT_SIGNED_UP)
    cancel:                         row(' N    N    N   N   N    N   ok  |  F    F    U   |  N   N    N   N   '),
    // organisers of the activity: the community's rc_staff/party_org who publish activities
    checkIn:                        row(' F    ok   ok  F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    checkOut:                       row(' F    ok   ok  F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    roster:                         row(' F    ok   ok  F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    // a full phone: only to the organisers, audited (RULES.md §5)
    revealPhone:                    row(' F    ok   ok  F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    // the volunteer's own records; a registered non-volunteer is refused (docs/API.md NOT_VOLUNTEER)
    myRecords:                      row(' F    F    F   ok  F    F   ok  |  F    F    U   |  ok  F    F   F   '),
    // the caller's own signups (an empty list for anyone registered without any)
    mySignups:                      row(' ok   ok   ok  ok  ok   ok  ok  |  F    ok   U   |  ok  ok   ok  ok  '),
    cancelActivity:                 row(' F    ok   ok  F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    // for a volunteer team: the organisers and the team's leader (demo-volunteer)
    'createActivity#team':          row(' F    ok   ok  F   F    F   ok  |  F    F    U   |  F   F    F   F   '),
    // the organisers' actions on a team's activity (authz-matrix-teams.ts)
    ...Object.fromEntries(Object.entries(TEAM_CELLS).map(([key, [cells]]) => [key, row(cells)])),
  },
  requests: {
    //                                    admin party rc  oc  prop res vol | unreg pend none | oc3 prop2 rcX partyX
    // active residents of that compound (demo-oc is also a resident of it; demo-oc3 of the other one)
    submit:                         row(' F    F    F   ok  F    ok  ok  |  F    F    U   |  F   F    F   F   '),
    // the submitter, the handling parties (property leads, owners' committee co-handles), staff; not public,
    // so anyone else gets NOT_FOUND ("not visible to the caller")
    get:                            row(' ok   ok   ok  ok  ok   ok  N   |  N    N    U   |  N   N    N   N   '),
    // a public request: anyone identified, without personal data (docs/API.md: access identified)
    'get#public':                   row(' ok   ok   ok  ok  ok   ok  ok  |  ok   ok   U   |  ok  ok   ok  ok  '),
    // mine: any active user's own (an unapproved account has none)
    list:                           row(' ok   ok   ok  ok  ok   ok  ok  |  F    F    U   |  ok  ok   ok  ok  '),
    // inbox: the handling parties and the party organisation; residents and the admin have no inbox
    'list#inbox':                   row(' F    ok   ok  ok  ok   F   F   |  F    F    U   |  ok  ok   ok  ok  '),
    // public board of a compound: anyone identified
    'list#public':                  row(' ok   ok   ok  ok  ok   ok  ok  |  ok   ok   U   |  ok  ok   ok  ok  '),
    // public requests of a compound before submitting: public data, any active user
    similar:                        row(' ok   ok   ok  ok  ok   ok  ok  |  F    F    U   |  ok  ok   ok  ok  '),
    // a resident of the compound follows another's public request (the submitter cannot; nor can non-residents)
    follow:                         row(' F    F    F   ok  F    S|C ok  |  F    F    U   |  F   F    F   F   '),
    // rc_staff of that community
    accept:                         row(' F    F    ok  F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    // … a request of the other community: its rc_staff
    'accept#other':                 row(' F    F    F   F   F    F   F   |  F    F    U   |  F   F    ok  F   '),
    reject:                         row(' F    F    ok  F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    // the submitter, before assignment
    withdraw:                       row(' F    F    F   F   F    ok  F   |  F    F    U   |  F   F    F   F   '),
    // members of the lead party (the property firm serving the compound)
    update:                         row(' F    F    F   F   ok   F   F   |  F    F    U   |  F   F    F   F   '),
    // one member of each of the three parties on a major matter
    deliberate:                     row(' F    F    ok  ok  ok   F   F   |  F    F    U   |  F   F    F   F   '),
    // party_org of the community records the joint meeting's outcome after an objection
    decide:                         row(' F    ok   F   F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    // the submitter, once resolved
    rate:                           row(' F    F    F   F   F    ok  F   |  F    F    U   |  F   F    F   F   '),
    reopen:                         row(' F    F    F   F   F    ok  F   |  F    F    U   |  F   F    F   F   '),
    // the timeline's participants: submitter, rc_staff, handling parties, party organisation (docs/API.md)
    comment:                        row(' F    ok   ok  ok  ok   ok  F   |  F    F    U   |  F   F    F   F   '),
    // the full phone: only to those who must call the submitter — the handling parties, and the
    // community's rc_staff and party_org (docs/API.md NOT_HANDLING) — RULES.md §5
    revealPhone:                    row(' F    ok   ok  ok  ok   F   F   |  F    F    U   |  F   F    F   F   '),
  },
  ratings: {
    //                                    admin party rc  oc  prop res vol | unreg pend none | oc3 prop2 rcX partyX
    // oc_member or compound_party of that compound (authz-matrix-city.ts); party_org of its community only where
    // the compound has no compound party organisation — the first compound has one (demo-cparty)
    submit:                         row(' F    F    F   ok  F    F   F   |  F    F    U   |  F   F    F   F   '),
    // … of the other compound: its oc_member (demo-oc3), the party_org; not the staff of the firm rated
    'submit#compound2':             row(' F    ok   F   F   F    F   F   |  F    F    U   |  ok  F    F   F   '),
    // party_org, admin
    publish:                        row(' ok   ok   F   F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    'publish#other':                row(' ok   F    F   F   F    F   F   |  F    F    U   |  F   F    F   ok  '),
    // anyone
    board:                          row(' ok   ok   ok  ok  ok   ok  ok  |  ok   ok   ok  |  ok  ok   ok  ok  '),
    firm:                           row(' ok   ok   ok  ok  ok   ok  ok  |  ok   ok   ok  |  ok  ok   ok  ok  '),
    firmGrades:                     row(' ok   ok   ok  ok  ok   ok  ok  |  ok   ok   ok  |  ok  ok   ok  ok  '),
    // the raters' own sheets: oc_member and party_org
    mySheets:                       row(' F    ok   F   ok  F    F   F   |  F    F    U   |  ok  F    F   ok  '),
    // the rating progress and the sheets of a community: its staff and the admin
    period:                         row(' ok   ok   ok  F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    'period#other':                 row(' ok   F    F   F   F    F   F   |  F    F    U   |  F   F    ok  ok  '),
    sheets:                         row(' ok   ok   ok  F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    // serious items are recorded by the community's party_org (RULES.md §4)
    recordSeriousItem:              row(' F    ok   F   F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    'recordSeriousItem#other':      row(' F    F    F   F   F    F   F   |  F    F    U   |  F   F    F   ok  '),
    // the credit-evaluation feed: party_org of the community, its street_admin (authz-matrix-city.ts), admin
    export:                         row(' ok   ok   F   F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    'export#other':                 row(' ok   F    F   F   F    F   F   |  F    F    U   |  F   F    F   ok  '),
  },
  messages: {
    //                                    admin party rc  oc  prop res vol | unreg pend none | oc3 prop2 rcX partyX
    // the caller's own messages: anyone registered, in any status
    list:                           row(' ok   ok   ok  ok  ok   ok  ok  |  F    ok   U   |  ok  ok   ok  ok  '),
    unread:                         row(' ok   ok   ok  ok  ok   ok  ok  |  F    ok   U   |  ok  ok   ok  ok  '),
    markRead:                       row(' ok   ok   ok  ok  ok   ok  ok  |  F    ok   U   |  ok  ok   ok  ok  '),
    subscribe:                      row(' ok   ok   ok  ok  ok   ok  ok  |  F    ok   U   |  ok  ok   ok  ok  '),
    // which templates to ask for: anyone identified (registration asks before an account exists)
    templates:                      row(' ok   ok   ok  ok  ok   ok  ok  |  ok   ok   U   |  ok  ok   ok  ok  '),
  },
  admin: {
    //                                    admin party rc  oc  prop res vol | unreg pend none | oc3 prop2 rcX partyX
    // the admin alone
    createStreet:                   row(' ok   F    F   F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    // the admin, or the street_admin of that street (authz-matrix-city.ts)
    createCommunity:                row(' ok   F    F   F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    'createCommunity#other':        row(' ok   F    F   F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    createCompound:                 row(' ok   F    F   F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    'createCompound#other':         row(' ok   F    F   F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    registerFirm:                   row(' ok   F    F   F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    assignFirm:                     row(' ok   F    F   F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    'assignFirm#other':             row(' ok   F    F   F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    importStructure:                row(' ok   F    F   F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    setRules:                       row(' ok   F    F   F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    'setRules#other':               row(' ok   F    F   F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    // what the setup pages read: the admin the city, a street_admin its street, community staff their community
    structure:                      row(' ok   ok   ok  F   F    F   F   |  F    F    U   |  F   F    ok  ok  '),
    // a named street: the admin, or that street's street_admin
    'structure#street':             row(' ok   F    F   F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    // the registered firms, a page at a time: the admin and street_admins
    firms:                          row(' ok   F    F   F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    // a compound's service history and a community's rules: the admin, or the street_admin of its street
    compound:                       row(' ok   F    F   F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    'compound#other':               row(' ok   F    F   F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    rules:                          row(' ok   F    F   F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    'rules#other':                  row(' ok   F    F   F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    // ledgers: the community's staff (party_org, rc_staff), its street_admin, the admin
    exportLedger:                   row(' ok   ok   ok  F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    'exportLedger#other':           row(' ok   F    F   F   F    F   F   |  F    F    U   |  F   F    ok  ok  '),
    // oversight: the admin any street and the city, a street_admin its own street (authz-matrix-city.ts)
    overview:                       row(' ok   F    F   F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    'overview#city':                row(' ok   F    F   F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    'overview#other':               row(' ok   F    F   F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    // party members' reporting and services: the community's party organisation (RULES.md §7), not its rc_staff
    'exportLedger#outreach':        row(' ok   ok   F   F   F    F   F   |  F    F    U   |  F   F    F   F   '),
  },
  owners: {
    //                                    admin party rc  oc  prop res vol | unreg pend none | oc3 prop2 rcX partyX
    // oc_member of the compound, rc_staff of its community (API.md §6)
    importRegister:                 row(' F    F    ok  ok  F    F   F   |  F    F    U   |  F   F    F   F   '),
    // … of the other compound: its oc_member (demo-oc3) and the community's rc_staff; not demo-oc
    'importRegister#compound2':     row(' F    F    ok  F   F    F   F   |  F    F    U   |  ok  F    F   F   '),
    // the register: those who convene and follow (oc_member, rc_staff, party_org of the community, admin)
    register:                       row(' ok   ok   ok  ok  F    F   F   |  F    F    U   |  F   F    F   F   '),
    // oc_member of the compound only
    linkUnit:                       row(' F    F    F   ok  F    F   F   |  F    F    U   |  F   F    F   F   '),
    residents:                      row(' F    F    F   ok  F    F   F   |  F    F    U   |  F   F    F   F   '),
    draft:                          row(' F    F    ok  ok  F    F   F   |  F    F    U   |  F   F    F   F   '),
    'draft#compound2':              row(' F    F    ok  F   F    F   F   |  F    F    U   |  ok  F    F   F   '),
    // a draft is visible to those who follow the compound; others learn nothing of it (NOT_FOUND)
    announce:                       row(' F    F    ok  ok  N    N   N   |  F    F    U   |  N   N    N   N   '),
    // owners and staff of the compound
    list:                           row(' ok   ok   ok  ok  F    ok  ok  |  F    F    U   |  F   F    F   F   '),
    get:                            row(' ok   ok   ok  ok  N    ok  ok  |  F    F    U   |  N   N    N   N   '),
    // a linked owner (demo-oc, demo-resident, demo-volunteer); staff who own nothing there: FORBIDDEN
    vote:                           row(' F    F    F   ok  N    ok  ok  |  F    F    U   |  N   N    N   N   '),
    // paper ballots: oc_member of the compound
    recordPaper:                    row(' F    F    F   ok  N    F   F   |  F    F    U   |  N   N    N   N   '),
    result:                         row(' ok   ok   ok  ok  N    ok  ok  |  F    F    U   |  N   N    N   N   '),
    // the ballots' export for the verify script: staff of the compound
    exportBallots:                  row(' ok   ok   ok  ok  N    F   F   |  F    F    U   |  N   N    N   N   '),
  },
  outreach: {
    //                                    admin party rc  oc  prop res vol | unreg pend none | oc3 prop2 rcX partyX
    // any registered party member (admin, property staff, residents, demo-pending and rcX are not);
    // demo-volunteer's seeded residence report is to the same community: CONFLICT
    report:                         row(' F    ok   ok  ok  F    F   C   |  F    F    U   |  ok  F    F   ok  '),
    // residence: only to the community one lives in (partyX lives elsewhere); demo-volunteer has one
    'report#residence':             row(' F    ok   ok  ok  F    F   C   |  F    F    U   |  ok  F    F   I   '),
    // the caller's own reports
    myReports:                      row(' ok   ok   ok  ok  ok   ok  ok  |  F    ok   U   |  ok  ok   ok  ok  '),
    // staff of that community, admin (and the street_admin of its street: authz-matrix-city.ts)
    listReports:                    row(' ok   ok   ok  F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    // party_org of that community
    confirmReport:                  row(' F    ok   F   F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    appointBuildingRole:            row(' F    ok   F   F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    // party_org of the compound's community: the seeded post; an empty post of the other community's compound
    vacateBuildingRole:             row(' F    ok   F   F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    'vacateBuildingRole#other':     row(' F    F    F   F   F    F   F   |  F    F    U   |  F   F    F   ok  '),
    // party_org, rc_staff of that community
    publishNeed:                    row(' F    ok   ok  F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    'publishNeed#other':            row(' F    F    F   F   F    F   F   |  F    F    U   |  F   F    ok  ok  '),
    // anyone registered: the categories the community's rules hold
    needCategories:                 row(' ok   ok   ok  ok  ok   ok  ok  |  F    ok   U   |  ok  ok   ok  ok  '),
    // an approved resident
    wish:                           row(' F    F    F   ok  F    ok  ok  |  F    F    U   |  ok  F    F   F   '),
    // staff: party_org, rc_staff of that community
    reviewWish:                     row(' F    ok   ok  F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    // anyone registered
    listNeeds:                      row(' ok   ok   ok  ok  ok   ok  ok  |  F    ok   U   |  ok  ok   ok  ok  '),
    // wishes under review: the community's staff and the admin
    'listNeeds#pending':            row(' ok   ok   ok  F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    getNeed:                        row(' ok   ok   ok  ok  ok   ok  ok  |  F    ok   U   |  ok  ok   ok  ok  '),
    myNeeds:                        row(' ok   ok   ok  ok  ok   ok  ok  |  F    ok   U   |  ok  ok   ok  ok  '),
    // a confirmed reported member of the community (demo-volunteer, once confirmed)
    claim:                          row(' F    F    F   F   F    F   ok  |  F    F    U   |  F   F    F   F   '),
    // the claimant only
    complete:                       row(' F    F    F   F   F    F   ok  |  F    F    U   |  F   F    F   F   '),
    // staff: party_org, rc_staff of that community
    confirmDone:                    row(' F    ok   ok  F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    // the resident who made the wish
    thank:                          row(' F    F    F   F   F    ok  F   |  F    F    U   |  F   F    F   F   '),
    // the community's party organisation (feedback to the members' units), admin (and the street_admin of its street)
    unitFeedback:                   row(' ok   ok   F   F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    // party_org, rc_staff of that community
    createTeam:                     row(' F    ok   ok  F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    // party_org, rc_staff of the team's community (the current leader, vol, changes nothing himself)
    setTeamLeader:                  row(' F    ok   ok  F   F    F   F   |  F    F    U   |  F   F    F   F   '),
    'setTeamLeader#other':          row(' F    F    F   F   F    F   F   |  F    F    U   |  F   F    ok  ok  '),
    // anyone registered
    listTeams:                      row(' ok   ok   ok  ok  ok   ok  ok  |  F    ok   U   |  ok  ok   ok  ok  '),
    // any active user: the teams they lead (an empty list for most)
    myTeams:                        row(' ok   ok   ok  ok  ok   ok  ok  |  F    F    U   |  ok  ok   ok  ok  '),
  },
};

/**
 * The full matrix: each row of the grid above joined with its city callers' cells
 * (authz-matrix-city.ts); a row missing on either side has no cells for those callers, which the
 * completeness test reports.
 */
export const AUTHZ_MATRIX: Record<string, Record<string, Record<Caller, Expected>>> = Object.fromEntries(
  [...new Set([...Object.keys(BASE_MATRIX), ...Object.keys(CITY_CELLS)])].map((fn) => {
    const keys = new Set([...Object.keys(BASE_MATRIX[fn] ?? {}), ...Object.keys(CITY_CELLS[fn] ?? {})]);
    const rows = [...keys].map((key) => {
      const base = BASE_MATRIX[fn]?.[key];
      const city = CITY_CELLS[fn]?.[key];
      return [key, { ...(base ?? {}), ...(city ? row(city, CITY_CALLER_NAMES) : {}) } as Record<Caller, Expected>];
    });
    return [fn, Object.fromEntries(rows)];
  }),
);

/** Whether `actual` is what the cell expects. */
export function matches(expected: Expected, actual: string): boolean {
  return typeof expected === 'string' ? expected === actual : expected.includes(actual as Outcome);
}

export function describeExpected(expected: Expected): string {
  return typeof expected === 'string' ? expected : expected.join('|');
}
