/** The Logger port: where bugs and infrastructure failures are reported (never to the caller). */
export interface Logger {
  error(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
}
