import { id, strict } from '../fields';

export const listInput = strict({});
export const statsInput = strict({ communityId: id });
