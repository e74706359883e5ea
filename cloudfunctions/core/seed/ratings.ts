import type { SeedContext } from './seed-context';

/** Demo data of the ratings feature (filled in by that feature). */
export async function seedRatings(_s: SeedContext): Promise<void> {}
