// A picker's or a tab bar's choices, built from the one label table of an enum (issue #11 §1): the
// answers carry them as ordered `[{ value, label }]`, so the pages keep no copy of the words.

/** One choice: the enum value and its name. */
export interface Option<K extends string> {
  value: K;
  label: string;
}

/** The values in this order, each with its label. */
export function optionsOf<K extends string>(order: readonly K[], labels: Record<K, string>): Array<Option<K>> {
  return order.map((value) => ({ value, label: labels[value] }));
}
