/** Structured logs (pino) to stderr: stdout belongs to the scripting interface. */
import { pino } from 'pino';

export type Logger = pino.Logger;

/** Fields that hold secrets, message texts or personal answers, wherever they appear (top level or one deep). */
const SECRET_FIELDS = [
  'token',
  'accessToken',
  'authorization',
  'password',
  'secret',
  'text',
  'answers',
  // The configuration's secrets, should the configuration object ever be logged.
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'SLACK_CLIENT_SECRET',
  'SLACK_STATE_SECRET',
  'MATRIX_ACCESS_TOKEN',
  'STORE_URL',
];

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
        paths: SECRET_FIELDS.flatMap((field) => [field, `*.${field}`]),
        censor: '[redacted]',
      },
    },
    destination,
  );
}
