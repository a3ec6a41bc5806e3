/** Structured logs (pino) to stderr: stdout belongs to the scripting interface. */
import { pino } from 'pino';

export type Logger = pino.Logger;

/**
 * Creates the logger. Tokens and secrets are redacted wherever they appear in a logged object. `destination`
 * defaults to stderr (tests pass a stream to read the logs back).
 */
export function createLogger(
  level: string,
  destination: pino.DestinationStream = pino.destination(2),
): Logger {
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
    destination,
  );
}
