/**
 * The authorisation matrix's columns for the callers the city's structure added (RULES.md §1,
 * §9), one row per row of authz-matrix.ts (the runner joins them and fails a row missing here):
 *
 *   street   demo-street, street_admin of 胜利街道 (the demo community's street), no residence;
 *   streetX  other-street, street_admin of 东城街道 (the `#other` community's street): right role,
 *            wrong street;
 *   cparty   demo-cparty, compound_party of 江津花园 (the first compound), not a resident.
 *
 * Cells as in authz-matrix.ts. A street_admin oversees its street's communities (stats, members)
 * and grants the roles below it there (RULES.md §9); it handles no request and rates nothing.
 */

import { TEAM_CELLS } from './authz-matrix-teams';

// prettier-ignore
export const CITY_CELLS: Record<string, Record<string, string>> = {
  account: {
    //                               street streetX cparty
    whoami:                         ' ok     ok      ok ',
    register:                       ' C      C       C  ',
    // residents are approved by the community's party_org/rc_staff only
    approve:                        ' F      F       F  ',
    // oc_member, rc_staff, property_staff (a firm serving the street): the street_admin of the target's street
    grantRole:                      ' ok     F       F  ',
    'grantRole#rc_staff':           ' ok     F       F  ',
    'grantRole#property_staff':     ' ok     F       F  ',
    listMembers:                    ' ok     F       F  ',
    'approve#other':                ' F      F       F  ',
    'grantRole#other':              ' F      ok      F  ',
    'listMembers#other':            ' F      ok      F  ',
    'listMembers#holders':          ' ok     F       F  ',
    'listMembers#holdersStreet':    ' ok     F       F  ',
    'listMembers#holdersOther':     ' F      ok      F  ',
    invite:                         ' ok     F       F  ',
    'invite#rc_staff':              ' ok     F       F  ',
    'invite#street_admin':          ' F      F       F  ',
    redeem:                         ' ok     ok      ok ',
    revokeRole:                     ' ok     F       F  ',
    'revokeRole#other':             ' F      ok      F  ',
  },
  community: {
    list:                           ' ok     ok      ok ',
    streets:                        ' ok     ok      ok ',
    stats:                          ' ok     F       F  ',
    'stats#other':                  ' F      ok      F  ',
  },
  volunteer: {
    //                               street streetX cparty
    register:                       ' ok     ok      ok ',
    profile:                        ' ok     ok      ok ',
    createActivity:                 ' F      F       F  ',
    'createActivity#other':         ' F      F       F  ',
    // a team's activity: its leader (demo-volunteer) or the community's organisers
    'createActivity#team':          ' F      F       F  ',
    listActivities:                 ' ok     ok      ok ',
    getActivity:                    ' ok     ok      ok ',
    signup:                         ' F      F       F  ',
    'signup#openToAll':             ' F      F       F  ',
    cancel:                         ' N      N       N  ',
    checkIn:                        ' F      F       F  ',
    checkOut:                       ' F      F       F  ',
    roster:                         ' F      F       F  ',
    revealPhone:                    ' F      F       F  ',
    myRecords:                      ' F      F       F  ',
    mySignups:                      ' ok     ok      ok ',
    cancelActivity:                 ' F      F       F  ',
    ...Object.fromEntries(Object.entries(TEAM_CELLS).map(([key, [, city]]) => [key, city])),
  },
  requests: {
    //                               street streetX cparty
    submit:                         ' F      F       F  ',
    get:                            ' N      N       N  ',
    'get#public':                   ' ok     ok      ok ',
    list:                           ' ok     ok      ok ',
    'list#inbox':                   ' F      F       F  ',
    'list#public':                  ' ok     ok      ok ',
    similar:                        ' ok     ok      ok ',
    follow:                         ' F      F       F  ',
    accept:                         ' F      F       F  ',
    'accept#other':                 ' F      F       F  ',
    reject:                         ' F      F       F  ',
    withdraw:                       ' F      F       F  ',
    update:                         ' F      F       F  ',
    deliberate:                     ' F      F       F  ',
    decide:                         ' F      F       F  ',
    rate:                           ' F      F       F  ',
    reopen:                         ' F      F       F  ',
    comment:                        ' F      F       F  ',
    revealPhone:                    ' F      F       F  ',
  },
  ratings: {
    //                               street streetX cparty
    // compound_party rates its own compound, no other
    submit:                         ' F      F       ok ',
    'submit#compound2':             ' F      F       F  ',
    publish:                        ' F      F       F  ',
    'publish#other':                ' F      F       F  ',
    board:                          ' ok     ok      ok ',
    firm:                           ' ok     ok      ok ',
    firmGrades:                     ' ok     ok      ok ',
    mySheets:                       ' F      F       ok ',
    period:                         ' F      F       F  ',
    'period#other':                 ' F      F       F  ',
    sheets:                         ' F      F       F  ',
    recordSeriousItem:              ' F      F       F  ',
    'recordSeriousItem#other':      ' F      F       F  ',
    // the credit-evaluation feed of a community: its street's street_admin, not another street's
    export:                         ' ok     F       F  ',
    'export#other':                 ' F      ok      F  ',
  },
  messages: {
    list:                           ' ok     ok      ok ',
    unread:                         ' ok     ok      ok ',
    markRead:                       ' ok     ok      ok ',
    subscribe:                      ' ok     ok      ok ',
    templates:                      ' ok     ok      ok ',
  },
  owners: {
    //                               street streetX cparty
    // compound_party of the compound convenes with the committee (it leads the owners' assembly)
    importRegister:                 ' F      F       ok ',
    // … not another compound's
    'importRegister#compound2':     ' F      F       F  ',
    register:                       ' F      F       ok ',
    // hand links and paper ballots: the owners' committee only
    residents:                      ' F      F       F  ',
    linkUnit:                       ' F      F       F  ',
    draft:                          ' F      F       ok ',
    'draft#compound2':              ' F      F       F  ',
    // a street_admin does not follow owners' decisions: the motion is not visible (NOT_FOUND)
    announce:                       ' N      N       ok ',
    list:                           ' F      F       ok ',
    get:                            ' N      N       ok ',
    // demo-cparty lives in the compound but owns no unit of its register
    vote:                           ' N      N       F  ',
    recordPaper:                    ' N      N       F  ',
    result:                         ' N      N       ok ',
    exportBallots:                  ' N      N       ok ',
  },
  outreach: {
    //                               street streetX cparty
    // any registered party member (all three are) reports to a community paired with their unit
    report:                         ' ok     ok      ok ',
    // residence: only to the community one lives in; the street offices live nowhere in the demo
    'report#residence':             ' I      I       ok ',
    myReports:                      ' ok     ok      ok ',
    // the community's staff, and overseeing them the street office of its street
    listReports:                    ' ok     F       F  ',
    // the community's party organisation only
    confirmReport:                  ' F      F       F  ',
    appointBuildingRole:            ' F      F       F  ',
    vacateBuildingRole:             ' F      F       F  ',
    'vacateBuildingRole#other':     ' F      F       F  ',
    // the community's party_org and rc_staff only
    publishNeed:                    ' F      F       F  ',
    'publishNeed#other':            ' F      F       F  ',
    needCategories:                 ' ok     ok      ok ',
    // an approved resident
    wish:                           ' F      F       F  ',
    reviewWish:                     ' F      F       F  ',
    listNeeds:                      ' ok     ok      ok ',
    'listNeeds#pending':            ' F      F       F  ',
    getNeed:                        ' ok     ok      ok ',
    myNeeds:                        ' ok     ok      ok ',
    // a confirmed reported member of the need's community
    claim:                          ' F      F       F  ',
    complete:                       ' F      F       F  ',
    confirmDone:                    ' F      F       F  ',
    thank:                          ' F      F       F  ',
    // the community's party organisation, the street office of its street, the admin
    unitFeedback:                   ' ok     F       F  ',
    createTeam:                     ' F      F       F  ',
    setTeamLeader:                  ' F      F       F  ',
    'setTeamLeader#other':          ' F      F       F  ',
    listTeams:                      ' ok     ok      ok ',
    myTeams:                        ' ok     ok      ok ',
  },
  admin: {
    //                               street streetX cparty
    createStreet:                   ' F      F       F  ',
    createCommunity:                ' ok     F       F  ',
    'createCommunity#other':        ' F      ok      F  ',
    createCompound:                 ' ok     F       F  ',
    'createCompound#other':         ' F      ok      F  ',
    registerFirm:                   ' F      F       F  ',
    assignFirm:                     ' ok     F       F  ',
    'assignFirm#other':             ' F      ok      F  ',
    importStructure:                ' F      F       F  ',
    setRules:                       ' ok     F       F  ',
    'setRules#other':               ' F      ok      F  ',
    structure:                      ' ok     ok      F  ',
    'structure#street':             ' ok     F       F  ',
    firms:                          ' ok     ok      F  ',
    compound:                       ' ok     F       F  ',
    'compound#other':               ' F      ok      F  ',
    rules:                          ' ok     F       F  ',
    'rules#other':                  ' F      ok      F  ',
    exportLedger:                   ' ok     F       F  ',
    'exportLedger#other':           ' F      ok      F  ',
    overview:                       ' ok     F       F  ',
    'overview#city':                ' F      F       F  ',
    'overview#other':               ' F      ok      F  ',
    'exportLedger#outreach':        ' ok     F       F  ',
  },
};
