/**
 * Five years of rating periods (ten half-years) in every community: the party organisation's and
 * the owners' committee's sheets for each compound, each period published with the product's own
 * evaluation and publication code (evaluatePeriod, publicationOf, storePublication, with the
 * compounds' owner satisfaction from the requests rated in the period), and every firm's city-wide
 * result recomputed from all communities' publications (cityCredit), as the publish action does.
 */
import type { CityResultDoc } from '../../cloudfunctions/core/app/ratings/city';
import { CITY_RESULTS, cityResultId } from '../../cloudfunctions/core/app/ratings/city';
import { publicationOf, storePublication } from '../../cloudfunctions/core/app/ratings/publication';
import {
  FIRM_RESULTS,
  firmResultId,
  periodId,
  RATING_PERIODS,
  RATING_SHEETS,
  sheetId,
  type FirmResultDoc,
  type RatingPeriodDoc,
  type RatingSheetDoc,
} from '../../cloudfunctions/core/app/ratings/rating';
import { cityCredit } from '../../cloudfunctions/core/domain/city-credit';
import { DIMENSIONS, evaluatePeriod, sheetRating, type DimensionScores } from '../../cloudfunctions/core/domain/credit';
import { periodOf, periodRange, previousPeriod, type Period } from '../../cloudfunctions/core/domain/period';
import { DEFAULT_RULES } from '../../cloudfunctions/core/domain/rules-config';
import type { BulkWriter } from './bulk';
import type { City, Person } from './places';
import type { SatisfactionTally } from './requests';

const DAY = 24 * 3_600_000;

/** The `count` half-years before the one `now` is in, oldest first. */
export function pastPeriods(now: Date, count: number): Period[] {
  const out: Period[] = [];
  let p = periodOf(now);
  for (let i = 0; i < count; i++) out.unshift((p = previousPeriod(p)));
  return out;
}

export async function writeRatings(
  w: BulkWriter,
  city: City,
  periods: Period[],
  satisfaction: SatisfactionTally,
  random: () => number,
): Promise<{ published: number; sheets: number }> {
  const compoundsOf = new Map<string, City['places']>();
  for (const place of city.places) {
    const list = compoundsOf.get(place.compound.communityId) ?? [];
    list.push(place);
    compoundsOf.set(place.compound.communityId, list);
  }
  let published = 0;
  let sheetsWritten = 0;
  for (const period of periods) {
    const { toIso } = periodRange(period);
    const ratedAt = new Date(Date.parse(toIso) + 6 * DAY).toISOString();
    const publishedAt = new Date(Date.parse(toIso) + 14 * DAY).toISOString();
    const byFirm = new Map<string, { firmName: string; rows: Parameters<typeof cityCredit>[0] }>();
    // Communities that published this period in the demo seed: their firms' results count too.
    const seeded = new Set<string>();
    for (const community of city.communities) {
      // The demo seed's own periods stay as it wrote them.
      if (w.get(RATING_PERIODS, periodId(community._id, period))) {
        seeded.add(community._id);
        continue;
      }
      const places = compoundsOf.get(community._id) ?? [];
      const staff = city.staff.get(community._id) as { party: Person };
      const sheets: RatingSheetDoc[] = [];
      const sheet = (place: City['places'][number], rater: Person, role: RatingSheetDoc['raterRole']) => {
        const scores = Object.fromEntries(DIMENSIONS.map((d) => [d, 3 + Math.floor(random() * 3)])) as DimensionScores;
        const c = place.compound;
        sheets.push({
          _id: sheetId(period, c._id, rater.userId),
          communityId: community._id,
          compoundId: c._id,
          compoundName: c.name,
          firmId: c.firmId,
          firmName: c.firmName,
          period,
          raterId: rater.userId,
          raterName: rater.name,
          raterRole: role,
          scores,
          comment: null,
          rating: sheetRating(scores),
          version: 1,
          createdAt: ratedAt,
          submittedAt: ratedAt,
        });
      };
      for (const place of places) {
        sheet(place, staff.party, 'party_org');
        sheet(place, place.oc, 'oc_member');
      }
      for (const s of sheets) w.insert(RATING_SHEETS, s);
      sheetsWritten += sheets.length;
      const doc: RatingPeriodDoc = {
        _id: periodId(community._id, period),
        communityId: community._id,
        period,
        state: 'open',
        version: sheets.length,
        sheetCount: sheets.length,
        publicationCount: 0,
        current: null,
        noticesPending: false,
        createdAt: ratedAt,
        updatedAt: ratedAt,
      };
      w.insert(RATING_PERIODS, doc);
      const compounds = places.map(({ compound: c }) => {
        const s = satisfaction.get(`${c._id}|${period}`);
        return {
          compoundId: c._id,
          compoundName: c.name,
          firmId: c.firmId,
          firmName: c.firmName,
          satisfaction: s && s.rated > 0 ? s : null,
        };
      });
      const results = publicationOf(evaluatePeriod(compounds, sheets, [], DEFAULT_RULES), {
        communityId: community._id,
        period,
        n: 1,
        reason: null,
        publishedAt,
        publishedBy: staff.party.userId,
        publishedByName: staff.party.name,
        sheetCount: sheets.length,
      });
      if (!(await storePublication(w.ops, results, doc))) throw new Error(`publication of ${doc._id} refused`);
      // Past black lists were notified at the time; nothing is left for the scheduler.
      w.update(RATING_PERIODS, doc._id, { $set: { noticesPending: false } });
      published += 1;
      for (const f of results.firms) {
        const entry = byFirm.get(f.firmId) ?? { firmName: f.firmName, rows: [] };
        entry.rows.push({
          communityId: community._id,
          compounds: f.compounds.map((c) => ({ compoundId: c.compoundId, score: c.score })),
          seriousItems: f.seriousItems,
          penalty: DEFAULT_RULES.seriousItemPenalty,
        });
        byFirm.set(f.firmId, entry);
      }
    }
    for (const [firmId, { firmName, rows }] of byFirm) {
      const before = w.get<CityResultDoc>(CITY_RESULTS, cityResultId(firmId, period));
      if (before) {
        // The seed published this firm here already: recomputed over every community's result.
        const seededRows = before.sources
          .filter((s) => seeded.has(s.communityId))
          .map((s) => w.get<FirmResultDoc>(FIRM_RESULTS, firmResultId(firmId, s.communityId, period)) as FirmResultDoc)
          .map((r) => ({
            communityId: r.communityId,
            compounds: r.compounds.map((c) => ({ compoundId: c.compoundId, score: c.score })),
            seriousItems: r.seriousItems,
            penalty: DEFAULT_RULES.seriousItemPenalty,
          }));
        rows.unshift(...seededRows);
        w.update(CITY_RESULTS, before._id, {
          $set: { ...cityCredit(rows), sources: rows.map((r) => ({ communityId: r.communityId, n: 1 })), updatedAt: publishedAt },
          $inc: { version: rows.length - seededRows.length },
        });
        continue;
      }
      const doc: CityResultDoc = {
        _id: cityResultId(firmId, period),
        ...cityCredit(rows),
        firmId,
        firmName,
        period,
        sources: rows.map((r) => ({ communityId: r.communityId, n: 1 })),
        // Inserted by the first community's publication, bumped by each later one.
        version: rows.length,
        updatedAt: publishedAt,
      };
      w.insert(CITY_RESULTS, doc);
    }
  }
  return { published, sheets: sheetsWritten };
}
