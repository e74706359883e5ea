// The small, fixed option lists a form needs before any data of its own exists (the new request's
// categories, the activity form's categories, the motion draft's matters, the kinds of a team, a
// service need and a party member's report). They ride on whoami,
// which the app asks once and every page reads first, so no page keeps a copy of the words.
import { ACTIVITY_CATEGORIES, CATEGORY_LABELS as ACTIVITY_CATEGORY_LABELS, type ActivityCategory } from '../../domain/activity';
import { MATTER_LABELS, MATTERS, type Matter } from '../../domain/owners-count';
import { NEED_KIND_LABELS, NEED_KINDS, type NeedKind } from '../../domain/outreach-categories';
import { REPORT_KIND_LABELS, REPORT_KINDS, type ReportKind } from '../../domain/outreach-report';
import { optionsOf, type Option } from '../../domain/options';
import { CATEGORY_LABELS as REQUEST_CATEGORY_LABELS, REQUEST_CATEGORIES, type RequestCategory } from '../../domain/request-categories';
import type { TeamDoc } from '../outreach/model';
import { TEAM_KIND_LABELS } from '../outreach/views';

/** whoami's `options`. */
export interface FormOptions {
  requestCategories: Array<Option<RequestCategory>>;
  activityCategories: Array<Option<ActivityCategory>>;
  matters: Array<Option<Matter>>;
  teamKinds: Array<Option<TeamDoc['kind']>>;
  needKinds: Array<Option<NeedKind>>;
  reportKinds: Array<Option<ReportKind>>;
}

export const FORM_OPTIONS: FormOptions = {
  requestCategories: optionsOf(REQUEST_CATEGORIES, REQUEST_CATEGORY_LABELS),
  activityCategories: optionsOf(ACTIVITY_CATEGORIES, ACTIVITY_CATEGORY_LABELS),
  matters: optionsOf(MATTERS, MATTER_LABELS),
  teamKinds: optionsOf(['volunteer', 'mass'], TEAM_KIND_LABELS),
  needKinds: optionsOf(NEED_KINDS, NEED_KIND_LABELS),
  reportKinds: optionsOf(REPORT_KINDS, REPORT_KIND_LABELS),
};
