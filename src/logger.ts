/** Structured logs (pino) to stderr: stdout belongs to the scripting interface. */
import { pino } from 'pino';

export type Logger = pino.Logger;

/** Creates the logger. Tokens and secrets are redacted wherever they appear in a logged object. */
export function createLogger(level: string): Logger {
  return pino(
    {
      level,
      redact: {
        paths: [
          'token',
          '*.token',
          'accessToken',
          '*.accessToken',
          'authorization',
          '*.authorization',
          'text',
          '*.text',
        ],
        censor: '[redacted]',
      },
    },
    pino.destination(2),
  );
}
