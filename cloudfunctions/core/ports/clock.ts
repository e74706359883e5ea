/** The Clock port: the only source of "now" for use cases, fixed in tests. */
export interface Clock {
  now(): Date;
}
