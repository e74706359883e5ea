/**
 * The messages of the outreach events (RULES.md §8): a wish reviewed, a need claimed, a service
 * confirmed done, a resident's thanks. The actions write them with `notifier.sendIn` inside the
 * transaction of the change, so a message exists exactly when its change does; each key is
 * deterministic, so a retried step never writes one twice.
 */
import type { Notification } from '../../ports/notifier';
import { LINKS } from '../messages/events';
import type { ClaimDoc, NeedDoc } from './model';

type NeedFacts = Pick<NeedDoc, '_id' | 'title'>;

const about = (need: NeedFacts, status: string, note: string) => ({
  link: LINKS.need(need._id),
  data: { title: need.title, status, note },
});

/** The resident hears how staff reviewed their wish. */
export function wishReviewedMessage(need: NeedFacts, requesterId: string, approved: boolean, note?: string): Notification {
  return {
    key: `need-reviewed:${need._id}`,
    userId: requesterId,
    template: 'wish_reviewed',
    ...about(need, approved ? '已发布' : '未通过', approved ? '您的微心愿已发布，等待党员认领' : `未通过：${note ?? ''}`),
  };
}

/** The resident hears that a party member took on their wish. */
export function needClaimedMessage(need: NeedFacts, requesterId: string, claimId: string): Notification {
  return {
    key: `need-claimed:${claimId}`,
    userId: requesterId,
    template: 'need_claimed',
    ...about(need, '已认领', '您的微心愿已有党员认领，将尽快为您服务'),
  };
}

/** The claimant hears that staff confirmed their service done. */
export function serviceConfirmedMessage(need: NeedFacts, claim: Pick<ClaimDoc, '_id' | 'userId'>): Notification {
  return {
    key: `need-confirmed:${claim._id}`,
    userId: claim.userId,
    template: 'need_confirmed',
    ...about(need, '已完成', '社区已确认您的服务完成，感谢您的付出'),
  };
}

/** The resident hears that their wish was served (once, at the first confirmed service). */
export function wishDoneMessage(need: NeedFacts, requesterId: string): Notification {
  return {
    key: `need-done:${need._id}`,
    userId: requesterId,
    template: 'need_confirmed',
    ...about(need, '已完成', '您的微心愿已完成，欢迎致谢评价'),
  };
}

/** A member who served the wish hears the resident's thanks. */
export function thankedMessage(need: NeedFacts, claim: Pick<ClaimDoc, '_id' | 'userId'>, score: number): Notification {
  return {
    key: `need-thanked:${claim._id}`,
    userId: claim.userId,
    template: 'need_thanked',
    ...about(need, `${score}星`, `居民为您的服务评了 ${score} 星，谢谢您`),
  };
}
