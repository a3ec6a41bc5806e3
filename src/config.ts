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
  CALLS_DIR: optionalText,
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: optionalText.pipe(z.url().optional()),
  SLACK_MANAGERS: list,
  PORT: port.default(3000),
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
  /** End-to-end encrypted rooms; needs the native crypto module (see the README). */
  MATRIX_ENCRYPTION: z
    .enum(['true', 'false', ''])
    .default('false')
    .transform((v) => v === 'true'),
  /** Where the encryption keys live (the native module keeps them in its own files). */
  MATRIX_CRYPTO_DIR: optionalText,
});

export type Config = z.infer<typeof configSchema>;

/** A configuration error, reported as one line naming the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the configuration; throws a ConfigError naming the first wrong variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = issue?.path.join('.') ?? 'configuration';
    throw new ConfigError(`Invalid configuration: ${variable}: ${issue?.message ?? 'invalid value'}`);
  }
  return parsed.data;
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
