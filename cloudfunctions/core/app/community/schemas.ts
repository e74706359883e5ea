import { id, strict } from '../schemas';

export const listInput = strict({});
export const statsInput = strict({ communityId: id });
