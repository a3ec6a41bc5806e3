/** Configuration from environment variables, validated at start-up. */
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const list = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

const timeZone = z.string().refine(isTimeZone, { message: 'not an IANA time zone (e.g. Europe/Paris)' });

const port = z.coerce.number().int().min(1).max(65535);

/** Every variable the bot reads; `.env.example` documents each one. */
export const configSchema = z.object({
  STORE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^(sqlite|redis|rediss|postgres|postgresql):\/\//, {
        message: 'must start with sqlite://, redis:// or postgres://',
      })
      .optional(),
  ),
  BOT_LANG: z.enum(['fr', 'en']).default('fr'),
  BOT_TIMEZONE: timeZone.default('Europe/Paris'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** A file for the logs instead of stderr; the interactive terminal uses `./data/nec-bot.log` when unset. */
  LOG_FILE: optionalText,
  CALLS_DIR: optionalText,
  /** Where the terminal and the scripting interface write exported files. */
  EXPORTS_DIR: optionalText.transform((v) => v ?? './exports'),
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: optionalText.pipe(z.url().optional()),
  SLACK_MANAGERS: list,
  /** OAuth install flow (one deployment, many workspaces): all three, instead of SLACK_BOT_TOKEN. */
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: optionalText,
  PORT: port.default(3000),
  /** Where managers' browsers reach the bot's HTTP server (behind a proxy), for the console's sign-in links. */
  CONSOLE_URL: optionalText.pipe(z.url().optional()),
  /** Serves /healthz and /metrics on their own port when there is no Slack HTTP receiver. */
  METRICS_PORT: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    port.optional(),
  ),
  /** Days an unfinished dialog may stay untouched before it expires. */
  DIALOG_TTL_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  MATRIX_HOMESERVER_URL: optionalText.pipe(z.url().optional()),
  MATRIX_ACCESS_TOKEN: optionalText,
  MATRIX_MANAGERS: list,
  /** Servers whose users may invite the Matrix bot into a room (all when both lists are empty). */
  MATRIX_ALLOWED_SERVERS: list,
  /** Users who may invite the Matrix bot into a room, on top of MATRIX_ALLOWED_SERVERS. */
  MATRIX_ALLOWED_USERS: list,
  /** The channel welcome goes to the newcomer's DM instead of a notice addressed to them in the room. */
  MATRIX_WELCOME_DM: z
    .enum(['true', 'false', ''])
    .default('false')
    .transform((v) => v === 'true'),
  /** End-to-end encrypted rooms; needs the native crypto module (see docs/matrix.md). */
  MATRIX_ENCRYPTION: z
    .enum(['true', 'false', ''])
    .default('false')
    .transform((v) => v === 'true'),
  /** Where the encryption keys live (the native module keeps them in its own files). */
  MATRIX_CRYPTO_DIR: optionalText,
  /** Folder of an installed @matrix-org/matrix-sdk-crypto-nodejs; read by packages/matrix-crypto-fallback. */
  MATRIX_CRYPTO_NODEJS_PATH: optionalText,
});

export type Config = z.infer<typeof configSchema>;

/** A configuration error, reported as one line naming the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the configuration; throws a ConfigError naming the first wrong variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.superRefine(requireWholeSlackSetup).safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = issue?.path.join('.') ?? 'configuration';
    throw new ConfigError(`Invalid configuration: ${variable}: ${issue?.message ?? 'invalid value'}`);
  }
  return parsed.data;
}

const SLACK_OAUTH = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;

/** A half-set Slack configuration stops start-up, naming the variable that is missing. */
function requireWholeSlackSetup(
  config: Partial<
    Record<
      'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN' | 'SLACK_SIGNING_SECRET' | (typeof SLACK_OAUTH)[number],
      string
    >
  >,
  context: z.RefinementCtx,
): void {
  const missing = (variable: string, message: string) =>
    context.addIssue({ code: 'custom', path: [variable], message });
  const oauth = SLACK_OAUTH.some((name) => config[name]);
  const wanted =
    oauth || Boolean(config.SLACK_BOT_TOKEN || config.SLACK_APP_TOKEN || config.SLACK_SIGNING_SECRET);
  if (!wanted) return;
  if (oauth) {
    for (const name of SLACK_OAUTH)
      if (!config[name]) missing(name, `required with ${SLACK_OAUTH.join(', ')} (the OAuth install flow)`);
    if (config.SLACK_BOT_TOKEN)
      missing(
        'SLACK_BOT_TOKEN',
        'set either SLACK_BOT_TOKEN (one workspace) or the SLACK_CLIENT_* variables (OAuth), not both',
      );
  } else if (!config.SLACK_BOT_TOKEN) {
    missing(
      'SLACK_BOT_TOKEN',
      'required to connect to Slack (or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to install in many workspaces)',
    );
  }
  if (!config.SLACK_APP_TOKEN && !config.SLACK_SIGNING_SECRET)
    missing(
      'SLACK_SIGNING_SECRET',
      'required for the HTTP receiver (or set SLACK_APP_TOKEN for Socket Mode)',
    );
}

/**
 * Whether `name` is a time zone: one of the canonical names first (a list, cheap), else one the formatter
 * accepts (aliases such as `US/Eastern`). Building a formatter touches ICU's time-zone data, ~8 MB resident
 * an idle bot need not pay until it formats a date (issue 14).
 */
function isTimeZone(name: string): boolean {
  if (Intl.supportedValuesOf('timeZone').includes(name)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
