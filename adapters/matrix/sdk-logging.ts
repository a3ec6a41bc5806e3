/** Sends matrix-bot-sdk's own log lines to the project's logger, at the project's level. */
import { type ILogger, LogLevel, LogService } from 'matrix-bot-sdk';
import type { Logger } from '../../src/core/port.ts';

/** Only strings and error messages are kept: the SDK's objects can hold request bodies and headers. */
function line(parts: unknown[]): string {
  return parts
    .map((p) => (typeof p === 'string' ? p : p instanceof Error ? `${p.name}: ${p.message}` : ''))
    .filter(Boolean)
    .join(' ');
}

/** Routes the SDK's logs through `logger`; below debug the SDK only reports warnings and errors. */
export function routeSdkLogs(logger: Logger): void {
  const bridge: ILogger = {
    trace: (module, ...parts) => logger.trace({ module }, line(parts)),
    debug: (module, ...parts) => logger.debug({ module }, line(parts)),
    info: (module, ...parts) => logger.info({ module }, line(parts)),
    warn: (module, ...parts) => logger.warn({ module }, line(parts)),
    error: (module, ...parts) => logger.error({ module }, line(parts)),
  };
  LogService.setLogger(bridge);
  // Every failed request is also thrown to its caller, which reports it (or expects it: a 404 for account
  // data not set yet); logging it here too would report each error twice.
  LogService.muteModule('MatrixHttpClient');
  const levels: Record<string, LogLevel> = { trace: LogLevel.TRACE, debug: LogLevel.DEBUG };
  LogService.setLevel(levels[logger.level] ?? LogLevel.WARN);
}
