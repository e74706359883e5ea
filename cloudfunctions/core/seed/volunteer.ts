import type { SeedContext } from './seed-context';

/** Demo data of the volunteer feature (filled in by that feature). */
export async function seedVolunteer(_s: SeedContext): Promise<void> {}
