/**
 * Every kind of message (RULES.md §8), by its key. The typed table of what each kind shows and
 * sends (app/messages/templates.ts `MESSAGE_TEMPLATES`) has exactly these keys — the compiler
 * checks both ways — and a notification (ports/notifier.ts) names one of them, so a kind outside
 * the table fails the typecheck instead of landing in 消息 with no title, link or template.
 */
export const MESSAGE_KINDS = [
  'volunteer_promoted',
  'volunteer_dropped',
  'activity_reminder',
  'activity_cancelled',
  'volunteer_missing_checkout',
  'request_status',
  'request_followed_resolved',
  'request_assigned',
  'request_decision_needed',
  'request_objection',
  'request_cleared',
  'request_meeting_outcome',
  'request_reopened',
  'request_escalated',
  'account_approved',
  'wish_reviewed',
  'need_claimed',
  'need_confirmed',
  'need_thanked',
  'ratings.black_list',
  'owners.motion',
] as const;

export type MessageKind = (typeof MESSAGE_KINDS)[number];
