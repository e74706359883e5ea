/**
 * A type-level test, compiled by `npm run typecheck` (tsconfig.json includes test/**) and never run:
 * a page size or offset must be a WholeNumber, which only `whole(n)` makes. Each line marked
 * `@ts-expect-error` must fail to compile; were `WholeNumber` a plain `number` again, the directive
 * would be unused and the typecheck would fail.
 */
import { MAX_FIND_LIMIT, whole, type FindOptions, type Store } from '../../cloudfunctions/core/ports/store';

/** What a caller may and may not pass to `find`. */
export function pageOptionsTypeCheck(store: Store, computed: number): FindOptions[] {
  // @ts-expect-error a fraction is no page size
  const fraction: FindOptions = { limit: 1.5 };
  // @ts-expect-error a fraction is no offset
  const fractionSkip: FindOptions = { skip: 0.5 };
  // @ts-expect-error an unchecked number, even an integer literal: the constructor checks it
  const literal: FindOptions = { limit: 20 };
  // @ts-expect-error an unchecked computed number
  void store.find('items', {}, { limit: computed });
  // @ts-expect-error arithmetic on a WholeNumber is a plain number again
  void store.find('items', {}, { skip: whole(computed) + 1 });
  // The ways that compile: through the constructor, or the port's own cap.
  void store.find('items', {}, { limit: whole(computed + 1), skip: whole(0) });
  return [fraction, fractionSkip, literal, { limit: MAX_FIND_LIMIT }];
}
