/**
 * Who is writing, from Slack's profile (users.info): community manager (workspace admin or owner, or listed in
 * SLACK_MANAGERS), time zone and language, and whether the user is a bot (no channel welcome). Cached, since every message needs it and profiles rarely change.
 */
import type { webApi } from '@slack/bolt';
import { type Clock, isLang, type Lang, type Logger } from '../../src/core/port.ts';

/** What the core is told about a person. */
export interface Person {
  isManager: boolean;
  timezone?: string;
  langHint?: Lang;
}

/** What users.info says: the person as the core is told, and whether the user is a bot. */
interface Profile {
  person: Person;
  isBot: boolean;
}

/** Long enough to spare the API on a conversation, short enough that a new admin is one soon. */
const CACHE_MS = 10 * 60_000;
/** After a failed look-up, try again soon rather than keep a guess for long. */
const FAILED_CACHE_MS = 30_000;

export class SlackPeople {
  readonly #managers: ReadonlySet<string>;
  readonly #clock: Clock;
  readonly #logger: Logger;
  /** Look-ups by workspace and user, shared while in flight: two quick messages wait for the same answer, in order. */
  readonly #cache = new Map<string, { profile: Promise<Profile>; until: number }>();

  constructor(options: { managers: readonly string[]; clock: Clock; logger: Logger }) {
    this.#managers = new Set(options.managers);
    this.#clock = options.clock;
    this.#logger = options.logger;
  }

  /** The person behind a Slack user id in a workspace (a failed look-up yields the SLACK_MANAGERS answer). */
  async lookup(client: webApi.WebClient, workspace: string | undefined, userId: string): Promise<Person> {
    return (await this.#profile(client, workspace, userId)).person;
  }

  /** Whether a Slack user id is a bot's (an app's or a legacy bot user): they get no welcome. */
  async isBot(client: webApi.WebClient, workspace: string | undefined, userId: string): Promise<boolean> {
    return (await this.#profile(client, workspace, userId)).isBot;
  }

  #profile(client: webApi.WebClient, workspace: string | undefined, userId: string): Promise<Profile> {
    const key = `${workspace ?? '-'}:${userId}`;
    const now = this.#clock.now().getTime();
    const cached = this.#cache.get(key);
    if (cached && cached.until > now) return cached.profile;
    const entry = { profile: this.#fetch(client, userId, key), until: now + CACHE_MS };
    this.#cache.set(key, entry);
    return entry.profile;
  }

  /** Drops what is cached about a person ("forget me"). */
  forget(workspace: string | undefined, userId: string): void {
    this.#cache.delete(`${workspace ?? '-'}:${userId}`);
  }

  async #fetch(client: webApi.WebClient, userId: string, key: string): Promise<Profile> {
    const listed = this.#managers.has(userId);
    try {
      const { user } = await client.users.info({ user: userId, include_locale: true });
      const language = user?.locale?.slice(0, 2);
      const person = {
        isManager: listed || user?.is_admin === true || user?.is_owner === true,
        timezone: user?.tz || undefined,
        langHint: isLang(language) ? language : undefined,
      };
      return { person, isBot: user?.is_bot === true || user?.id === 'USLACKBOT' };
    } catch (error) {
      this.#logger.warn({ err: error, userId }, 'slack users.info failed; role from SLACK_MANAGERS only');
      const entry = this.#cache.get(key);
      if (entry) entry.until = Math.min(entry.until, this.#clock.now().getTime() + FAILED_CACHE_MS);
      // Unknown: taken for a person (a welcome too many is better than a person left unwelcomed).
      return { person: { isManager: listed }, isBot: false };
    }
  }
}
