/**
 * The city the bench builds (issue #16 §3): Jingzhou at full size, or a fraction of it with the
 * same density (a tenth of the city is a tenth of everything, so what a community holds stays the
 * same and only what spans the city grows).
 */
export interface CityShape {
  streets: number;
  communities: number;
  compounds: number;
  /** Registered (approved) residents, the demo's and the staff's included. */
  residents: number;
  requests: number;
  signups: number;
  /** Half-year rating periods published in every community (5 years: 10). */
  ratingPeriods: number;
  /** Property firms: one serves about ten compounds. */
  firms: number;
}

export const FULL_CITY: CityShape = {
  streets: 30,
  communities: 368,
  compounds: 3000,
  residents: 300_000,
  requests: 1_000_000,
  signups: 200_000,
  ratingPeriods: 10,
  firms: 300,
};

/** Signups per generated activity (all of them confirmed and served). */
export const SIGNUPS_PER_ACTIVITY = 20;
/** One resident in this many has a volunteer profile. */
export const RESIDENTS_PER_VOLUNTEER = 7;

/** The city at `fraction` of its size (at least the demo's two streets and communities, and one firm more than its two). */
export function cityAt(fraction: number): CityShape {
  if (!(fraction > 0 && fraction <= 1)) throw new Error(`city fraction must be in (0, 1]: ${fraction}`);
  const f = (n: number, min: number) => Math.max(min, Math.round(n * fraction));
  return {
    streets: f(FULL_CITY.streets, 2),
    communities: f(FULL_CITY.communities, 2),
    compounds: f(FULL_CITY.compounds, 3),
    residents: f(FULL_CITY.residents, 60),
    requests: f(FULL_CITY.requests, 20),
    signups: f(FULL_CITY.signups, SIGNUPS_PER_ACTIVITY),
    ratingPeriods: FULL_CITY.ratingPeriods,
    firms: f(FULL_CITY.firms, 3),
  };
}

/** A small deterministic PRNG (mulberry32): the same city every time. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
