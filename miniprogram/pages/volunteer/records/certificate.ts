// The data a residents' committee needs to issue a 志愿服务记录证明 for one service record
// (RULES.md §3): the volunteer, the activity, the hours and the organiser. The product gives the
// data; the stamped certificate is the committee's.
import type { ServiceRecord } from '../../../services/volunteer';
import { formatClock, formatHours, formatTime } from '../format';

export interface CertificateLine {
  label: string;
  value: string;
}

/** The certificate's lines, in the order a 证明 lists them. */
export function certificateLines(r: ServiceRecord): CertificateLine[] {
  return [
    { label: '志愿者姓名', value: r.volunteerName },
    { label: '志愿者编号', value: r.volunteerNo },
    { label: '活动名称', value: r.title },
    { label: '活动类别', value: r.categoryLabel },
    { label: '服务日期', value: r.date },
    { label: '活动时间', value: `${formatClock(r.startAt)}–${formatClock(r.endAt)}` },
    { label: '签到签退', value: `${formatTime(r.checkInAt)} 至 ${formatTime(r.checkOutAt)}` },
    { label: '服务地点', value: r.location },
    { label: '服务内容', value: r.content },
    { label: '服务时长', value: `${formatHours(r.hours)} 小时` },
    { label: '组织单位', value: r.organiser.organisation },
    { label: '负责人', value: r.organiser.personInCharge },
    { label: '联系电话', value: r.organiser.contact },
  ];
}

/** The same lines as plain text, for copying into a request for the certificate. */
export function certificateText(r: ServiceRecord): string {
  return ['志愿服务记录（平台记录）', ...certificateLines(r).map((l) => `${l.label}：${l.value}`)].join('\n');
}

/** A record as its list card shows it. */
export interface RecordCard {
  recordId: string;
  title: string;
  date: string;
  hours: string;
  location: string;
}

export function toRecordCard(r: ServiceRecord): RecordCard {
  return { recordId: r.recordId, title: r.title, date: r.date, hours: formatHours(r.hours), location: r.location };
}
