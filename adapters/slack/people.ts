/**
 * Who is writing, from Slack's profile (users.info): community manager (workspace admin or owner, or listed in
 * SLACK_MANAGERS), time zone and language. Cached, since every message needs it and profiles rarely change.
 */
import type { webApi } from '@slack/bolt';
import type { Clock } from '../../src/core/clock.ts';
import { isLang, type Lang } from '../../src/core/i18n.ts';
import type { Logger } from '../../src/logger.ts';

/** What the core is told about a person. */
export interface Person {
  isManager: boolean;
  timezone?: string;
  langHint?: Lang;
}

/** Long enough to spare the API on a conversation, short enough that a new admin is one soon. */
const CACHE_MS = 10 * 60_000;
/** After a failed look-up, try again soon rather than keep a guess for long. */
const FAILED_CACHE_MS = 30_000;

export class SlackPeople {
  readonly #managers: ReadonlySet<string>;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #cache = new Map<string, { person: Person; until: number }>();

  constructor(options: { managers: readonly string[]; clock: Clock; logger: Logger }) {
    this.#managers = new Set(options.managers);
    this.#clock = options.clock;
    this.#logger = options.logger;
  }

  /** The person behind a Slack user id in a workspace (a failed look-up yields the SLACK_MANAGERS answer). */
  async lookup(client: webApi.WebClient, workspace: string | undefined, userId: string): Promise<Person> {
    const key = `${workspace ?? '-'}:${userId}`;
    const now = this.#clock.now().getTime();
    const cached = this.#cache.get(key);
    if (cached && cached.until > now) return cached.person;
    const listed = this.#managers.has(userId);
    let person: Person = { isManager: listed };
    let until = now + FAILED_CACHE_MS;
    try {
      const { user } = await client.users.info({ user: userId, include_locale: true });
      const language = user?.locale?.slice(0, 2);
      person = {
        isManager: listed || user?.is_admin === true || user?.is_owner === true,
        timezone: user?.tz || undefined,
        langHint: isLang(language) ? language : undefined,
      };
      until = now + CACHE_MS;
    } catch (error) {
      this.#logger.warn({ err: error, userId }, 'slack users.info failed; role from SLACK_MANAGERS only');
    }
    this.#cache.set(key, { person, until });
    return person;
  }
}
