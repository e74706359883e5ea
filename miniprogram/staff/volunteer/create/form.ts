// The create-activity form's rules as plain functions: what the organiser typed and picked, what
// is wrong with it (per field, in Chinese), and the volunteer.createActivity payload. Times are
// entered in China time (UTC+8), as the activity happens in Jingzhou.
import type { ActivityCategory, CreateActivityInput } from '../../../services/volunteer';
import { chinaIso, chinaIsoShifted } from '../../../utils/china-time';
import { textFieldError, type FieldErrors } from '../../../utils/form-fields';

/** When signup closes, relative to the start. */
export type DeadlineChoice = 'start' | '2h' | '1d';
export const DEADLINE_OPTIONS: Array<{ value: DeadlineChoice; label: string }> = [
  { value: 'start', label: '活动开始时' },
  { value: '2h', label: '开始前 2 小时' },
  { value: '1d', label: '开始前 1 天' },
];
const DEADLINE_HOURS: Record<DeadlineChoice, number> = { start: 0, '2h': 2, '1d': 24 };

export interface ActivityForm {
  title: string;
  category: ActivityCategory | '';
  description: string;
  location: string;
  /** YYYY-MM-DD. */
  date: string;
  /** HH:mm. */
  startTime: string;
  endTime: string;
  /** As typed. */
  capacity: string;
  deadline: DeadlineChoice;
  waitlist: boolean;
  openToAll: boolean;
  contactName: string;
  contactPhone: string;
}

export type ActivityField = keyof ActivityForm;
export type ActivityErrors = FieldErrors<ActivityField>;

export const EMPTY_ACTIVITY_FORM: ActivityForm = {
  title: '',
  category: '',
  description: '',
  location: '',
  date: '',
  startTime: '',
  endTime: '',
  capacity: '',
  deadline: 'start',
  waitlist: true,
  openToAll: false,
  contactName: '',
  contactPhone: '',
};

export const MAX_CAPACITY = 1000;
const CONTACT = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

export { chinaIso };

/** What is wrong with the form at `nowMs`, per field, in Chinese. */
export function validateActivity(form: ActivityForm, nowMs: number): ActivityErrors {
  const e: ActivityErrors = {};
  const title = textFieldError(form.title, '请输入活动名称', 40, '活动名称');
  if (title) e.title = title;
  if (!form.category) e.category = '请选择活动类别';
  const description = textFieldError(form.description, '请输入活动内容', 1000, '活动内容');
  if (description) e.description = description;
  const location = textFieldError(form.location, '请输入活动地点', 60, '活动地点');
  if (location) e.location = location;
  if (!form.date) e.date = '请选择活动日期';
  if (!form.startTime) e.startTime = '请选择开始时间';
  if (!form.endTime) e.endTime = '请选择结束时间';
  if (form.date && form.startTime && form.endTime) {
    const start = Date.parse(chinaIso(form.date, form.startTime));
    const end = Date.parse(chinaIso(form.date, form.endTime));
    if (end <= start) e.endTime = '结束时间须晚于开始时间';
    const deadline = start - DEADLINE_HOURS[form.deadline] * 3_600_000;
    if (start <= nowMs) e.startTime = '开始时间须晚于当前时间';
    else if (deadline <= nowMs) e.deadline = '报名截止时间已过，请选择更晚的截止时间';
  }
  const capacity = form.capacity.trim();
  if (!capacity) e.capacity = '请输入招募人数';
  else if (!/^\d+$/.test(capacity)) e.capacity = '招募人数须为整数';
  else if (Number(capacity) < 1) e.capacity = '招募人数至少为 1';
  else if (Number(capacity) > MAX_CAPACITY) e.capacity = `招募人数不能超过 ${MAX_CAPACITY}`;
  if (form.contactName.trim().length > 20) e.contactName = '负责人姓名不能超过 20 个字';
  if (form.contactPhone.trim() && !CONTACT.test(form.contactPhone.trim())) e.contactPhone = '请输入手机号或固话（如 0716-8210001）';
  return e;
}

/** The volunteer.createActivity payload of a valid form; `teamId`: published for that team (its leader may). */
export function toCreateInput(form: ActivityForm, communityId: string, clientToken: string, teamId = ''): CreateActivityInput {
  const startAt = chinaIso(form.date, form.startTime);
  const input: CreateActivityInput = {
    communityId,
    title: form.title.trim(),
    category: form.category as ActivityCategory,
    description: form.description.trim(),
    location: form.location.trim(),
    startAt,
    endAt: chinaIso(form.date, form.endTime),
    capacity: Number(form.capacity.trim()),
    waitlist: form.waitlist,
    openToAll: form.openToAll,
    clientToken,
  };
  const hours = DEADLINE_HOURS[form.deadline];
  if (hours > 0) {
    // The deadline in China time, with its offset (the server normalises it).
    input.signupDeadline = chinaIsoShifted(startAt, -hours);
  }
  if (form.contactName.trim()) input.contactName = form.contactName.trim();
  if (form.contactPhone.trim()) input.contactPhone = form.contactPhone.trim();
  if (teamId) input.teamId = teamId;
  return input;
}

/** Where each server field's issue is shown on the form. */
const ISSUE_FIELDS: Record<string, ActivityField> = {
  title: 'title',
  category: 'category',
  description: 'description',
  location: 'location',
  startAt: 'startTime',
  endAt: 'endTime',
  capacity: 'capacity',
  signupDeadline: 'deadline',
  contactName: 'contactName',
  contactPhone: 'contactPhone',
};

/** The field a server issue shows on. */
export const activityFieldOf = (path: string): ActivityField | undefined => ISSUE_FIELDS[path];
