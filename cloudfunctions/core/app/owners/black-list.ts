import type { CompoundDoc } from '../community/community';
import type { Deps } from '../context';
import { FIRM_RESULTS, type FirmResultDoc } from '../ratings/rating';
import { whole } from '../../ports/store';

/**
 * Whether the firm serving a compound is on the black list of the latest published period in the
 * compound's community (RULES.md §4): then its owners may vote on replacing it (`manager`).
 */
export async function firmBlackListed(deps: Pick<Deps, 'store'>, compound: CompoundDoc): Promise<boolean> {
  const [latest] = await deps.store.find<FirmResultDoc>(
    FIRM_RESULTS,
    { firmId: compound.firmId, communityId: compound.communityId },
    { orderBy: [['period', 'desc']], limit: whole(1) },
  );
  return latest?.list === 'black';
}
