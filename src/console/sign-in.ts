/**
 * Password-less sign-in: a manager's `console` command mints a single-use link valid 10 minutes; opening it
 * starts a session kept in the shared store (so any replica serves it) that expires after 30 idle minutes.
 * Only SHA-256 hashes of the link tokens and session ids are stored: a leaked store opens nothing.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Keyv } from 'keyv';
import type { Clock } from '../core/clock.ts';
import type { Lang } from '../core/i18n.ts';
import type { Platform } from '../core/message.ts';
import type { Logger } from '../logger.ts';
import type { AtomicOps } from '../store/atomic.ts';

export const LINK_VALID_MS = 10 * 60_000;
export const SESSION_IDLE_MS = 30 * 60_000;
/** A link's record outlives its validity a little, so an expired link is told apart from a forged one. */
const LINK_RECORD_MS = 24 * 3600_000;

/** Who is signed in and what they may act on: their platform and workspace, and for Matrix their rooms. */
export interface ManagerScope {
  platform: Platform;
  workspace?: string;
  userId: string;
  /** Rooms the manager was found to manage (Matrix power level); undefined: the whole workspace. */
  rooms?: string[];
}

export interface ConsoleSession {
  manager: ManagerScope;
  lang: Lang;
  zone: string;
  /** The CSRF token every form of this session carries. */
  csrf: string;
  lastSeen: number;
}

interface LinkRecord {
  manager: ManagerScope;
  lang: Lang;
  zone: string;
  expiresAt: number;
}

export type Redeemed =
  | { sessionId: string; session: ConsoleSession }
  | { refused: 'unknown' | 'expired' | 'reused' };

export interface SignInOptions {
  kv: Keyv;
  atomic: AtomicOps;
  clock: Clock;
  logger: Logger;
}

export class ConsoleSignIn {
  readonly #o: SignInOptions;

  constructor(options: SignInOptions) {
    this.#o = options;
  }

  /** A new single-use link token for a manager. */
  async issue(manager: ManagerScope, lang: Lang, zone: string): Promise<string> {
    const token = randomToken();
    const record: LinkRecord = { manager, lang, zone, expiresAt: this.#now() + LINK_VALID_MS };
    await this.#o.kv.set(linkKey(token), record, LINK_RECORD_MS);
    this.#o.logger.info(
      { event: 'console:link', manager: manager.userId, platform: manager.platform },
      'console sign-in link issued',
    );
    return token;
  }

  /** Opens a link: a new session the first time, within 10 minutes; a refusal otherwise. */
  async redeem(token: string): Promise<Redeemed> {
    const record = await this.#o.kv.get<LinkRecord>(linkKey(token));
    if (!record) return { refused: 'unknown' };
    if (record.expiresAt < this.#now()) return { refused: 'expired' };
    // The claim is atomic across replicas: two tabs opening one link at once get one session.
    const first = await this.#o.atomic.setIfAbsent(`${linkKey(token)}:used`, '1', LINK_RECORD_MS);
    if (!first) return { refused: 'reused' };
    const sessionId = randomToken();
    const session: ConsoleSession = {
      manager: record.manager,
      lang: record.lang,
      zone: record.zone,
      csrf: randomToken(),
      lastSeen: this.#now(),
    };
    await this.#save(sessionId, session);
    this.#o.logger.info(
      { event: 'console:sign-in', manager: record.manager.userId, platform: record.manager.platform },
      'console session started',
    );
    return { sessionId, session };
  }

  /** The live session of a cookie, its idle timer reset; undefined once idle for 30 minutes or signed out. */
  async session(sessionId: string | undefined): Promise<ConsoleSession | undefined> {
    if (!sessionId) return undefined;
    const session = await this.#o.kv.get<ConsoleSession>(sessionKey(sessionId));
    if (!session || session.lastSeen + SESSION_IDLE_MS < this.#now()) return undefined;
    session.lastSeen = this.#now();
    await this.#save(sessionId, session);
    return session;
  }

  /** Saves a change to a session (its language). */
  async update(sessionId: string, session: ConsoleSession): Promise<void> {
    await this.#save(sessionId, session);
  }

  async signOut(sessionId: string, session: ConsoleSession): Promise<void> {
    await this.#o.kv.delete(sessionKey(sessionId));
    this.#o.logger.info(
      { event: 'console:sign-out', manager: session.manager.userId },
      'console session ended',
    );
  }

  async #save(sessionId: string, session: ConsoleSession): Promise<void> {
    await this.#o.kv.set(sessionKey(sessionId), session, SESSION_IDLE_MS);
  }

  #now(): number {
    return this.#o.clock.now().getTime();
  }
}

/** Whether a submitted CSRF token is the session's (constant time). */
export function csrfMatches(session: ConsoleSession, submitted: string | undefined): boolean {
  if (!submitted) return false;
  const a = Buffer.from(session.csrf);
  const b = Buffer.from(submitted);
  return a.length === b.length && timingSafeEqual(a, b);
}

function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

function hash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

function linkKey(token: string): string {
  return `console:link:${hash(token)}`;
}

function sessionKey(sessionId: string): string {
  return `console:session:${hash(sessionId)}`;
}
