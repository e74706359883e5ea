import type { SeedContext } from './seed-context';

/** Demo data of the requests feature (filled in by that feature). */
export async function seedRequests(_s: SeedContext): Promise<void> {}
