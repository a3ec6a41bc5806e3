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
 * The credentials of a URL: `scheme://user:password@`, `scheme://:password@`, `scheme://token@`. They end at
 * the authority's last `@`, as URL parsers read it: a password may hold an `@` of its own (`:p@ss@host`).
 */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#]+)@/gi;
/** A secret passed in a query string or a connection string's options (`?password=…`, `&sslpassword=…`). */
const QUERY_SECRET =
  /([?&;\s](?:password|passwd|pass|pwd|sslpassword|token|access_token|secret|client_secret|api_?key|key)=)[^&;\s#'"]+/gi;

/** The text with every URL credential and query-string secret replaced by `***` (the user name is kept). */
export function redactSecrets(text: string): string {
  return text
    .replace(URL_CREDENTIALS, (_all, scheme: string, userinfo: string) => {
      const colon = userinfo.indexOf(':');
      return `${scheme}${colon === -1 ? '***' : `${userinfo.slice(0, colon)}:***`}@`;
    })
    .replace(QUERY_SECRET, '$1***');
}

/** Every string in a logged value, redacted (objects and arrays walked; a few levels are plenty for logs). */
function redactDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactSecrets(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, depth + 1)]));
}

/**
 * Creates the logger. Tokens and secrets are redacted wherever they appear in a logged object, and URL
 * credentials in every logged string (messages, errors and their stacks). `destination` defaults to stderr
 * (tests pass a stream to read the logs back).
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
      serializers: { err: (error: Error) => redactDeep(pino.stdSerializers.err(error)) },
      formatters: { log: (object) => redactDeep(object) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((arg) => (typeof arg === 'string' ? redactSecrets(arg) : arg)) as Parameters<
              typeof method
            >,
          );
        },
      },
    },
    destination,
  );
}

/** Logs written to a file (its folder created), synchronously so nothing is lost when the process exits. */
export function fileDestination(path: string): pino.DestinationStream {
  return pino.destination({ dest: path, mkdir: true, sync: true });
}
