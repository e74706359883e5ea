/**
 * The latest period's city-wide grades (RULES.md §4) in one document, kept on write: every firm's
 * city-wide result is written in the same transaction as the grades here (city-state.ts
 * cityWrites), so the city overview (app/admin/overview.ts) counts firms by grade from
 * this one document instead of reading every firm and every result of the period. A later period
 * replaces the grades; an earlier one leaves them. The recount (the latest period's results) is
 * what the document must equal (test/functions/city-grades.test.ts); it also starts the document
 * for data from before it (the seed, the bench's city, a deployment's first publication).
 */
import type { Grade } from '../../domain/credit';
import type { Period } from '../../domain/period';
import { DuplicateKeyError, MAX_FIND_LIMIT, type Doc, type Store, whole } from '../../ports/store';
import { CITY_RESULTS, type CityResultDoc } from './city';

export const CITY_GRADES = 'rating_city_grades';
/** The one document's id. */
export const LATEST_GRADES = 'latest';

/** The latest period with city-wide results, and each of its firms' grade (null: not graded). */
export interface CityGrades {
  period: Period;
  grades: Record<string, Grade | null>;
}

export interface CityGradesDoc extends Doc, CityGrades {}

/**
 * The grades from the results themselves: the latest period (one row), then that period's rows (one
 * read unless more than 1000 firms were graded), both on the period_firm index. Null: none yet.
 */
export async function recountCityGrades(store: Pick<Store, 'find'>): Promise<CityGrades | null> {
  const order: Array<[string, 'asc' | 'desc']> = [
    ['period', 'desc'],
    ['firmId', 'asc'],
  ];
  const [top] = await store.find<CityResultDoc>(CITY_RESULTS, {}, { orderBy: order, limit: whole(1) });
  if (!top) return null;
  const grades: Record<string, Grade | null> = {};
  for (let seen = 0; ;) {
    const more = await store.find<CityResultDoc>(
      CITY_RESULTS,
      { period: top.period },
      { orderBy: order, limit: MAX_FIND_LIMIT, skip: whole(seen) },
    );
    for (const r of more) grades[r.firmId] = r.grade ?? null;
    seen += more.length;
    if (more.length < MAX_FIND_LIMIT) return { period: top.period, grades };
  }
}

/** The grades as the overview reads them: the document, else (data from before it) the recount. */
export async function cityGrades(store: Pick<Store, 'get' | 'find'>): Promise<CityGrades | null> {
  const doc = await store.get<CityGradesDoc>(CITY_GRADES, LATEST_GRADES);
  return doc ? { period: doc.period, grades: doc.grades } : recountCityGrades(store);
}

/** The grades once a firm's result for `period` is `grade` (the same object when it changes nothing). */
export function withGrade(current: CityGrades | null, firmId: string, period: Period, grade: Grade | null): CityGrades | null {
  if (current && current.period > period) return current;
  if (current && current.period === period) return { period, grades: { ...current.grades, [firmId]: grade } };
  return { period, grades: { [firmId]: grade } };
}

/** Starts the document from the results where there is none (the seed, the bench's city, a backfill). */
export async function backfillCityGrades(store: Pick<Store, 'get' | 'find' | 'insert'>): Promise<void> {
  if (await store.get(CITY_GRADES, LATEST_GRADES)) return;
  const grades = await recountCityGrades(store);
  if (!grades) return;
  try {
    await store.insert<CityGradesDoc>(CITY_GRADES, { _id: LATEST_GRADES, ...grades });
  } catch (err) {
    // A publication made it meanwhile, from the same recount.
    if (!(err instanceof DuplicateKeyError)) throw err;
  }
}
