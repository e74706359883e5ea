import { hasStarted, periodLabel, periodOf } from '../../domain/period';
import type { RaterRole } from '../../domain/credit';
import { whole, type Store } from '../../ports/store';
import { defineAction, type ActionMap } from '../action';
import { ROLE_HOLDERS, type HolderDoc } from '../account/holders';
import { USERS, type UserDoc } from '../account/user';
import { findAll } from '../find-all';
import { hasCommunityRole, isAdmin, isCommunityStaff } from '../auth';
import { rulesFor } from '../../domain/rules-config';
import { COMMUNITIES, COMPOUNDS, type CommunityDoc, type CompoundDoc } from '../community/community';
import { failures, ok } from '../result';
import {
  periodId,
  RATING_PERIODS,
  RATING_PUBLICATIONS,
  RATING_SHEETS,
  SERIOUS_ITEMS,
  type RatingPeriodDoc,
  type RatingPublicationDoc,
  type RatingSheetDoc,
  type SeriousItemDoc,
} from './rating';
import { periodInput } from './schemas';
import { RATER_ROLE_LABELS } from '../../domain/credit';
import { PERIOD_STATE_LABELS, periodOption, ratingRulesView, seriousItemView, type PeriodView, type RaterStatus } from './views';
import { expectedRaters } from '../../domain/raters';
import { raterFacts } from './guards';
import { compareZh } from '../../domain/collation';

/** The roles whose holders rate a compound (domain/raters.ts decides who rates which, in which capacity). */
const RATER_ROLES: RaterRole[] = ['compound_party', 'party_org', 'oc_member'];

/**
 * The active people holding a rater role in the community, wherever they live: its holders by the
 * role_holders index (account/holders.ts), then their records (status, every role they hold — a
 * firm's staff never rate that firm), newest first. A few dozen documents at any city size.
 */
async function ratersIn(store: Store, communityId: string): Promise<UserDoc[]> {
  const holders = await findAll<HolderDoc>(store, ROLE_HOLDERS, { communityId, role: { $in: RATER_ROLES } });
  const ids = [...new Set(holders.map((h) => h.userId))];
  if (!ids.length) return [];
  const users = await findAll<UserDoc>(store, USERS, { _id: { $in: ids } });
  return users
    .filter((u) => u.status === 'active')
    .sort((a, b) => (a.createdAt > b.createdAt ? -1 : a.createdAt < b.createdAt ? 1 : a._id < b._id ? -1 : 1));
}

/** The staff's overview of a period: who has rated, who has not, publications and serious items. */
export const periodActions = {
  period: defineAction({
    summary: '本期评价进度（谁已评、谁未评）',
    access: 'active',
    input: periodInput,
    run: async (input, ctx) => {
      const user = ctx.user;
      const communityId = input.communityId ?? user.communityId;
      if (!isCommunityStaff(user, communityId)) return failures.forbidden('只有本社区工作人员可以查看评价进度');
      const [community, periodDoc, compounds, sheets, people, items, periods, publications] = await Promise.all([
        ctx.store.get<CommunityDoc>(COMMUNITIES, communityId),
        ctx.store.get<RatingPeriodDoc>(RATING_PERIODS, periodId(communityId, input.period)),
        ctx.store.find<CompoundDoc>(
          COMPOUNDS,
          { communityId },
          {
            orderBy: [
              ['communityId', 'asc'],
              ['name', 'asc'],
            ],
          },
        ),
        ctx.store.find<RatingSheetDoc>(RATING_SHEETS, { communityId, period: input.period }, { limit: whole(1000) }),
        ratersIn(ctx.store, communityId),
        ctx.store.find<SeriousItemDoc>(
          SERIOUS_ITEMS,
          { communityId, period: input.period },
          {
            orderBy: [
              ['communityId', 'asc'],
              ['period', 'asc'],
              ['recordedAt', 'asc'],
            ],
            limit: whole(100),
          },
        ),
        ctx.store.find<RatingPeriodDoc>(
          RATING_PERIODS,
          { communityId },
          {
            orderBy: [
              ['communityId', 'asc'],
              ['period', 'desc'],
            ],
            limit: whole(20),
          },
        ),
        ctx.store.find<RatingPublicationDoc>(
          RATING_PUBLICATIONS,
          { communityId, period: input.period },
          {
            orderBy: [
              ['communityId', 'asc'],
              ['period', 'asc'],
              ['n', 'asc'],
            ],
            limit: whole(100),
          },
        ),
      ]);
      const now = ctx.clock.now();
      const raterPeople = people.map((u) => ({ ...raterFacts(u), u }));
      const state = periodDoc?.state ?? (hasStarted(input.period, now) ? 'open' : 'not_started');
      const view: PeriodView = {
        rules: ratingRulesView(rulesFor(community?.rules)),
        communityId,
        period: input.period,
        label: periodLabel(input.period),
        state,
        stateLabel: PERIOD_STATE_LABELS[state],
        sheetCount: periodDoc?.sheetCount ?? 0,
        canPublish: isAdmin(user) || hasCommunityRole(user, 'party_org', communityId),
        canRecordSeriousItem: hasCommunityRole(user, 'party_org', communityId),
        publications: publications.map((p) => ({
          n: p.n,
          reason: p.reason,
          publishedAt: p.publishedAt,
          publishedByName: p.publishedByName,
        })),
        compounds: compounds.map((c) => {
          const own = sheets.filter((s) => s.compoundId === c._id);
          const raters: RaterStatus[] = expectedRaters(c, raterPeople).map(({ user: { u }, role }) => {
            const s = own.find((x) => x.raterId === u._id);
            return {
              userId: u._id,
              name: u.name,
              role,
              roleLabel: RATER_ROLE_LABELS[role],
              rated: !!s,
              rating: s?.rating ?? null,
              version: s?.version ?? null,
              submittedAt: s?.submittedAt ?? null,
            };
          });
          // Sheets of people who have since lost the role still count, so they are listed too.
          for (const s of own) {
            if (!raters.some((r) => r.userId === s.raterId)) {
              raters.push({
                userId: s.raterId,
                name: s.raterName,
                role: s.raterRole,
                roleLabel: RATER_ROLE_LABELS[s.raterRole],
                rated: true,
                rating: s.rating,
                version: s.version,
                submittedAt: s.submittedAt,
              });
            }
          }
          raters.sort((a, b) => Number(a.rated) - Number(b.rated) || compareZh(a.name, b.name));
          return {
            compoundId: c._id,
            name: c.name,
            firmId: c.firmId,
            firmName: c.firmName,
            ratedCount: raters.filter((r) => r.rated).length,
            raterCount: raters.length,
            raters,
          };
        }),
        seriousItems: items.map(seriousItemView),
        periods: [...new Set([input.period, periodOf(now), ...periods.map((p) => p.period)])].sort().reverse().map(periodOption),
      };
      return ok(view);
    },
  }),
} satisfies ActionMap;
