// The activity page's view of an activity detail: what each line says and which button shows.
import type { ActivityDetail } from '../../../services/volunteer';
import { detailAction, formatTime, formatWindow, myStatusText, phaseTag, seatsText, type DetailAction } from '../format';

export interface ActivityView {
  activityId: string;
  title: string;
  tag: { text: string; theme: string };
  categoryLabel: string;
  when: string;
  deadline: string;
  location: string;
  organisation: string;
  organiserLine: string;
  seats: string;
  description: string;
  myStatus: string;
  /** When a cancellation stops being free, in words; empty when it does not apply. */
  cancelNote: string;
  cancelReason: string;
  isOrganiser: boolean;
  action: DetailAction;
  lateCancel: boolean;
  /** Hours before the start after which cancelling is late. */
  freeCancelHours: number;
}

/** The page's view of an activity. */
export function toView(a: ActivityDetail): ActivityView {
  const { action, lateCancel } = detailAction(a);
  const freeCancelHours = a.freeCancelHours;
  const mine = a.mySignup;
  const holding = mine?.status === 'confirmed' && action === 'cancel';
  return {
    activityId: a.activityId,
    title: a.title,
    tag: phaseTag(a),
    categoryLabel: a.categoryLabel,
    when: formatWindow(a.startAt, a.endAt),
    deadline: formatTime(a.signupDeadline),
    location: a.location,
    organisation: a.organiser.organisation,
    organiserLine: `${a.organiser.personInCharge} ${a.organiser.contact}`,
    seats: `${seatsText(a)}${a.status === 'open' ? ` · 已报名 ${a.confirmedCount} 人` : ''}`,
    description: a.description,
    myStatus: myStatusText(mine),
    cancelNote: holding
      ? lateCancel
        ? `已进入开始前 ${freeCancelHours} 小时，现在取消将记为迟退`
        : `${formatTime(a.freeCancelUntil)} 前可随时取消`
      : '',
    cancelReason: a.cancelReason ?? '',
    isOrganiser: a.isOrganiser,
    action,
    lateCancel,
    freeCancelHours,
  };
}
