import type { Logger } from '../ports/logger';

/** Logs to the process's stderr (CloudBase collects it into the function's log). */
export const consoleLogger: Logger = {
  error: (message, detail) => console.error(`[error] ${message}`, detail instanceof Error ? detail.stack : (detail ?? '')),
  info: (message, detail) => console.log(`[info] ${message}`, detail ?? ''),
};

/** A logger that keeps what it is told, for tests and the bench. */
export class MemoryLogger implements Logger {
  readonly errors: Array<{ message: string; detail: unknown }> = [];
  readonly infos: Array<{ message: string; detail: unknown }> = [];
  error(message: string, detail?: unknown): void {
    this.errors.push({ message, detail });
  }
  info(message: string, detail?: unknown): void {
    this.infos.push({ message, detail });
  }
}
