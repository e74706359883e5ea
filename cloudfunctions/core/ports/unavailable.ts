/**
 * A service we depend on (WeChat's open API, CloudBase) failed or did not answer in time.
 * Nothing was changed because of it and a retry is safe: the dispatcher answers `UNAVAILABLE`.
 */
export class ServiceUnavailableError extends Error {
  constructor(
    readonly service: string,
    detail: string,
  ) {
    super(`${service} unavailable: ${detail}`);
    this.name = 'ServiceUnavailableError';
  }
}
