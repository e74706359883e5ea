// Backend answers shaped like the requests of the demo seed, for the 诉求 page tests.
import type { RequestSummary, RequestView } from '../../../miniprogram/services/requests';
import { INBOX_ROLE_LABELS, type InboxItem, type InboxRole } from '../../../cloudfunctions/core/app/requests/request';
import {
  REQUEST_FORM_OPTIONS,
  tierOptionsOf,
  timelineViewOf,
  viewerActions,
  type TimelineView,
} from '../../../cloudfunctions/core/app/requests/views';
import type { TimelineEntry } from '../../../cloudfunctions/core/domain/request-model';
import { STATUS_LABELS } from '../../../cloudfunctions/core/domain/request-model';
import { DEFAULT_RULES } from '../../../cloudfunctions/core/domain/rules-config';

const NOW = Date.now();

/** A timeline entry as the server's full view shows it, with the server's words for the step. */
export function step(e: Omit<TimelineEntry, 'actorId' | 'detail'> & { detail: TimelineEntry['detail'] | null }): TimelineView {
  return timelineViewOf({ ...e, actorId: null, detail: e.detail ?? undefined }, true);
}
const iso = (hoursFromNow: number) => new Date(NOW + hoursFromNow * 3_600_000).toISOString();

/** A request in a list; its status label is the server's for its status. */
export function summary(overrides: Partial<RequestSummary> = {}): RequestSummary {
  const r = {
    requestId: 'rq_demo_light',
    compoundId: 'cp_jiangjin',
    compoundName: '江津花园',
    category: 'facilities',
    categoryLabel: '公共设施',
    title: '3栋楼道声控灯不亮',
    status: 'submitted',
    tier: 'utilities',
    dueAt: iso(5),
    overdue: false,
    escalated: false,
    leadParty: null,
    coHandlers: [],
    major: false,
    isPublic: true,
    followers: 1,
    photoCount: 0,
    createdAt: iso(-3),
    updatedAt: iso(-3),
    ...overrides,
  } satisfies Partial<RequestSummary>;
  return { ...r, statusLabel: STATUS_LABELS[r.status] };
}

/** A request in an inbox, with why it is there (as the server names it). */
export const inboxItem = (inboxRole: InboxRole, overrides: Partial<RequestSummary> = {}): InboxItem => ({
  ...summary(overrides),
  inboxRole,
  inboxRoleLabel: INBOX_ROLE_LABELS[inboxRole],
});

/** The viewer's standing; its actions are named as the server names them. */
type Viewer = Omit<RequestView['viewer'], 'actions'>;

export function view(overrides: Partial<Omit<RequestView, 'viewer'>> & { viewer?: Viewer } = {}): RequestView {
  const viewer: Viewer = overrides.viewer ?? { visibility: 'full', roles: ['submitter'], can: ['withdraw', 'comment'], following: false };
  return {
    ...summary(overrides.status ? { status: overrides.status } : {}),
    communityId: 'cm_hongxing',
    firmName: '荆州楚韵物业服务有限公司',
    description: '3栋2单元1至4楼楼道声控灯坏了一周。',
    photos: [],
    majorStage: null,
    positions: {},
    acceptedAt: null,
    resolvedAt: null,
    closedAt: null,
    reopenDeadline: null,
    reopenCount: 0,
    rating: null,
    feedback: null,
    submitter: { name: '陈玉珍', building: '6栋', room: '602', phoneMasked: '139****0006' },
    // The server's own builder, with the default rules.
    tierOptions: tierOptionsOf(DEFAULT_RULES.requestTierHours),
    timeline: [
      step({
        at: iso(-3),
        action: 'submit',
        from: null,
        to: 'submitted',
        party: 'resident',
        actorName: null,
        note: null,
        photos: [],
        detail: null,
      }),
    ],
    ...REQUEST_FORM_OPTIONS,
    ...overrides,
    viewer: { ...viewer, actions: viewerActions(viewer.can) },
  };
}

export const page = <T>(items: T[], nextCursor: string | null = null) => ({ ok: true as const, data: { items, nextCursor } });
