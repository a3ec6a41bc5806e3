/**
 * The Matrix adapter: turns the sync's room messages into the port's `handle` calls and the replies into
 * Matrix messages, choice questions also as polls and yes/no ones with ✅ / ❌ reactions, whose votes and
 * reactions answer (native-questions.ts); joins the rooms it is invited to (when the inviter is allowed) and leaves those where it is alone;
 * delivers scheduled messages with the job id as transaction id; redacts the file messages it sent a person when
 * they are forgotten. Several replicas may run it: a lease on the shared store lets one sync at a time (the
 * others stand by and still deliver scheduled messages).
 */
import { randomUUID } from 'node:crypto';
import type { RustSdkCryptoStorageProvider } from 'matrix-bot-sdk';
import {
  type Adapter,
  type BotPort,
  type Config,
  type ConversationRef,
  type Delivery,
  type IncomingMessage,
  type Localized,
  type PersonRef,
  type Reply,
  RetryAfterError,
  t,
} from '../../src/core/port.ts';
import { type BotIdentity, questionOf, type RoomEvent } from './incoming.ts';
import { KeyvStorageProvider } from './keyv-storage.ts';
import { NativeQuestions, type Posted } from './native-questions.ts';
import { NATIVE_ANSWER_TYPES } from './polls.ts';
import { addressedTo, fileContent, inThread, type MessageContent, noticeContent } from './render.ts';
import { mayInvite, RoomDirectory, serverOf } from './rooms.ts';
import { routeSdkLogs } from './sdk-logging.ts';
import { rateLimitDelay, sendMessage, uploadFile } from './send.ts';
import { recordSentFile, redactSentFiles } from './sent-files.ts';
import { type SyncEvent, SyncingClient } from './sync-client.ts';

/** Only what the bot reads: no presence, typing or receipts. */
const SYNC_FILTER = {
  presence: { not_types: ['*'] },
  room: { ephemeral: { not_types: ['*'] }, timeline: { limit: 50 } },
};

/** Rate-limit waits a reply to a person may spend in process; longer ones give up (the error is logged). */
const MAX_REPLY_WAIT_MS = 30_000;
const MAX_REPLY_ATTEMPTS = 3;

/** The lease that lets one replica sync; it expires if its holder stops renewing it (crash). */
const SYNC_LEASE = 'matrix-sync';
/**
 * How often a replica standing by (or a process just restarted) tries the lease: a dead holder's sync is
 * taken over within a second of its lease's end, for one cheap store write per second.
 */
const STANDBY_TRY_MS = 1_000;

/** Room ids named in a message (`broadcast !a:server !b:server …`): the sender must be a manager there too. */
const ROOM_ID = /![\w.-]+:[\w.-]+/g;

/** Shown by clients in place of a file message redacted because its recipient asked to be forgotten. */
const FORGOTTEN_REASON: Localized = {
  fr: 'Supprimé à la demande de la personne (« oublie-moi »)',
  en: 'Removed at the person’s request (“forget me”)',
};

const ENCRYPTED_ROOM: Localized = {
  fr: 'Je ne peux pas lire les messages chiffrés de ce salon : le chiffrement de bout en bout n’est pas activé pour moi. Écrivez-moi dans un salon non chiffré, ou ouvrez une conversation privée en désactivant le chiffrement.',
  en: 'I cannot read the encrypted messages of this room: end-to-end encryption is not enabled for me. Write to me in an unencrypted room, or open a direct chat with encryption turned off.',
};

export interface MatrixAdapterOptions {
  port: BotPort;
  /** The MATRIX_* settings: managers, who may invite the bot. */
  config: Pick<
    Config,
    'MATRIX_MANAGERS' | 'MATRIX_ALLOWED_SERVERS' | 'MATRIX_ALLOWED_USERS' | 'MATRIX_WELCOME_DM'
  >;
  homeserverUrl: string;
  accessToken: string;
  /** The SDK's crypto store, when end-to-end encryption is on (MATRIX_ENCRYPTION and the native module). */
  cryptoStore?: RustSdkCryptoStorageProvider | null;
  /** Sync lease timing: how long a lease lasts, and how often it is renewed or, by a standby, tried. */
  lease?: { ttlMs: number; renewMs: number };
}

/** The Matrix platform adapter (see the file comment); built by `createMatrixAdapter`. */
export class MatrixAdapter implements Adapter {
  readonly platform = 'matrix' as const;
  readonly #port: BotPort;
  readonly #config: MatrixAdapterOptions['config'];
  readonly #storage: KeyvStorageProvider;
  readonly #newClient: () => SyncingClient;
  readonly #lease: { ttlMs: number; renewMs: number };
  readonly #holder = randomUUID();
  /** The client of the current sync session; also sends for a replica that stands by. */
  #client: SyncingClient;
  #rooms: RoomDirectory;
  #bot?: BotIdentity;
  readonly #questions: NativeQuestions;
  #started = false;
  #syncing = false;
  #leaseTimer?: NodeJS.Timeout;
  /** When the lease was last taken or renewed (tried). */
  #turnAt = 0;

  constructor({ port, config, homeserverUrl, accessToken, cryptoStore = null, lease }: MatrixAdapterOptions) {
    this.#port = port;
    this.#config = config;
    routeSdkLogs(port.logger);
    this.#storage = new KeyvStorageProvider(port.kv);
    // Short and renewed often: a replica (or the restarted process) takes over a dead one's sync in seconds.
    this.#lease = lease ?? { ttlMs: 15_000, renewMs: 5_000 };
    this.#newClient = () =>
      new SyncingClient(homeserverUrl, accessToken, this.#storage, cryptoStore, (event) =>
        this.#onSync(event),
      );
    this.#client = this.#newClient();
    this.#questions = new NativeQuestions(port, () => this.#client);
    this.#rooms = new RoomDirectory(this.#client, config.MATRIX_MANAGERS);
    port.onForget(async (person, erased) =>
      redactSentFiles(this.#client, erased, t(person.lang, FORGOTTEN_REASON), port.logger),
    );
  }

  async start(): Promise<void> {
    const userId = await this.#client.getUserId();
    this.#storage.useAccount(userId);
    this.#bot = { userId, names: await this.#namesOf(userId) };
    // The DM map lets a standby replica write to people's existing DMs too.
    await this.#client.dms.update();
    this.#started = true;
    // Events kept by a process that died while answering them: answered here, once.
    this.#port.inbox.onAbandoned('matrix', (event) => this.#answer(event.message));
    await this.#takeTurn();
    // Ticks go on whatever a turn takes (a first sync may be slow): the lease never lapses behind it.
    this.#leaseTimer = setInterval(
      () => {
        if (this.#syncing && Date.now() - this.#turnAt < this.#lease.renewMs) return;
        this.#takeTurn().catch((error) =>
          this.#port.logger.error({ err: error }, 'matrix: sync lease failed'),
        );
      },
      Math.min(STANDBY_TRY_MS, this.#lease.renewMs),
    );
  }

  async stop(): Promise<void> {
    this.#started = false;
    clearInterval(this.#leaseTimer);
    if (this.#syncing) {
      this.#client.stop();
      this.#syncing = false;
      await this.#client.idle();
      await this.#port.leases.release(SYNC_LEASE, this.#holder);
    }
  }

  isConnected(): boolean {
    return this.#started;
  }

  /**
   * Takes or renews the sync lease (renewed every `renewMs` while syncing, tried every second standing by);
   * starts syncing when it is ours, stops when another replica took it.
   */
  async #takeTurn(): Promise<void> {
    this.#turnAt = Date.now();
    const held = await this.#port.leases.acquire(SYNC_LEASE, this.#holder, this.#lease.ttlMs);
    if (!this.#started) {
      // stop() ran while the lease was being taken.
      if (held) await this.#port.leases.release(SYNC_LEASE, this.#holder);
      return;
    }
    if (held && !this.#syncing) {
      this.#syncing = true;
      try {
        await this.#client.start(SYNC_FILTER);
      } catch (error) {
        // The sync loop starts last, so the same client can try again on the next turn.
        this.#syncing = false;
        throw error;
      }
      this.#port.logger.info({ userId: this.#bot?.userId }, 'matrix: syncing');
    } else if (!held && this.#syncing) {
      // A stopped SDK client cannot sync again without risking two loops: the next turn gets a new one.
      this.#client.stop();
      this.#syncing = false;
      this.#client = this.#newClient();
      this.#rooms = new RoomDirectory(this.#client, this.#config.MATRIX_MANAGERS);
      // Without the DM map, a reminder would open a new DM instead of using the person's existing one.
      await this.#client.dms.update();
      this.#port.logger.warn('matrix: sync lease lost, another replica syncs; standing by');
    }
  }

  async send({ ref, reply, jobId }: Delivery): Promise<void> {
    try {
      await this.#post(ref, reply, jobId);
    } catch (error) {
      const delay = rateLimitDelay(error);
      // The delivery queue waits and tries again with the same job id (so the same transaction id).
      if (delay !== undefined) throw new RetryAfterError(delay, 'matrix: M_LIMIT_EXCEEDED');
      throw error;
    }
  }

  /** The display name and localpart people type when they mention the bot. */
  async #namesOf(userId: string): Promise<string[]> {
    const localpart = userId.slice(1, userId.indexOf(':'));
    const profile: { displayname?: unknown } = await this.#client.getUserProfile(userId).catch(() => ({}));
    const names = typeof profile.displayname === 'string' ? [profile.displayname, localpart] : [localpart];
    return names.filter((n) => n.trim() !== '');
  }

  async #onSync({ name, args, history }: SyncEvent): Promise<void> {
    const [roomId, event] = args as [string, RoomEvent];
    try {
      if (name === 'room.invite') await this.#onInvite(roomId, event);
      else if (name === 'room.leave') this.#rooms.invalidate(roomId, 'm.room.member');
      else if (name === 'room.event' && event.state_key !== undefined)
        await this.#onState(roomId, event, history);
      else if (name === 'room.event' && event.type === 'm.room.encrypted' && !history)
        await this.#onUnreadable(roomId);
      // The first sync (no stored token) brings the rooms' history: already answered, or not for us.
      else if (name === 'room.message' && !history) await this.#onMessage(roomId, event);
      else if (name === 'room.event' && NATIVE_ANSWER_TYPES.includes(event.type) && !history)
        await this.#onNativeAnswer(roomId, event);
    } catch (error) {
      // One bad event must not hold the sync back: logged once, and the sync moves on.
      this.#port.logger.error({ err: error, roomId, event: event?.event_id }, `matrix: ${name} failed`);
    }
  }

  async #onInvite(roomId: string, invite: RoomEvent): Promise<void> {
    const { MATRIX_ALLOWED_SERVERS: servers, MATRIX_ALLOWED_USERS: users } = this.#config;
    if (!mayInvite(invite.sender, servers, users)) {
      this.#port.logger.info({ roomId, inviter: invite.sender }, 'matrix: invite declined (not allowed)');
      await this.#client.leaveRoom(roomId, 'not allowed to invite this bot');
      return;
    }
    await this.#client.joinRoom(roomId);
    this.#port.logger.info({ roomId }, 'matrix: joined');
  }

  async #onState(roomId: string, event: RoomEvent, history: boolean): Promise<void> {
    this.#rooms.invalidate(roomId, event.type);
    if (history || event.type !== 'm.room.member' || event.state_key === this.#bot?.userId) return;
    const membership = event.content?.membership;
    if (membership === 'join') return this.#onJoin(roomId, event);
    if (membership !== 'leave' && membership !== 'ban') return;
    const members = await this.#rooms.members(roomId);
    if (members.length === 1 && members[0] === this.#bot?.userId) {
      await this.#client.leaveRoom(roomId, 'everyone else left');
      this.#rooms.invalidate(roomId, 'm.room.member');
      this.#port.logger.info({ roomId }, 'matrix: left a room where the bot was alone');
    }
  }

  /**
   * Someone joined a room: the core's welcome, if it has one for them, as a notice in the room addressed to
   * them alone (Matrix has no "only you can see this"), or in their DM with MATRIX_WELCOME_DM. Matrix does not
   * tell bots from people: only the bot's own joins are left out (by the caller).
   */
  async #onJoin(roomId: string, event: RoomEvent): Promise<void> {
    const userId = event.state_key;
    // A new display name or avatar is a join event too: only an arrival makes a newcomer.
    const before = event.unsigned?.prev_content as { membership?: unknown } | undefined;
    if (!userId || before?.membership === 'join') return;
    const ref = this.#refOf(roomId, userId, false);
    const welcome = await this.#port.memberJoined({
      ref,
      userId,
      eventId: event.event_id,
      timestamp: this.#port.clock.now(),
    });
    if (!welcome) return;
    const txnId = `welcome.${event.event_id}`;
    if (this.#config.MATRIX_WELCOME_DM) {
      await this.#withReplyRetries(() => this.#post(ref, { ...welcome, toDirect: true }, txnId));
      return;
    }
    const name = typeof event.content?.displayname === 'string' ? event.content.displayname : userId;
    const content = addressedTo(noticeContent(welcome), userId, name);
    await this.#withReplyRetries(() => sendMessage(this.#client, roomId, content, txnId));
  }

  /** Without encryption the bot cannot read an encrypted room: it says so, once per room, in both languages. */
  async #onUnreadable(roomId: string): Promise<void> {
    // With encryption on, an event still encrypted here failed to decrypt: the SDK logs it.
    if (this.#client.crypto) return;
    const key = `encrypted-notice:${roomId}`;
    if (await this.#storage.readValue(key)) return;
    await this.#storage.storeValue(key, 'sent');
    const text = `${t('fr', ENCRYPTED_ROOM)}\n\n${t('en', ENCRYPTED_ROOM)}`;
    await sendMessage(this.#client, roomId, noticeContent({ text, intent: 'matrix:encrypted-room' }), key);
  }

  async #onMessage(roomId: string, event: RoomEvent): Promise<void> {
    if (!this.#bot || event.sender === this.#bot.userId) return;
    const isDirect = await this.#rooms.isDirect(roomId);
    const question = questionOf(event, this.#bot, isDirect);
    if (!question) return;
    const ref = this.#refOf(roomId, event.sender, isDirect, question.threadId);
    const namedRooms = question.text.match(ROOM_ID) ?? [];
    await this.#converse(ref, event, { text: question.text }, namedRooms);
  }

  /** A vote on the person's open poll, or ✅ / ❌ on their open yes/no question: the answer it gives. */
  async #onNativeAnswer(roomId: string, event: RoomEvent): Promise<void> {
    if (!this.#bot || event.sender === this.#bot.userId) return;
    const taken = await this.#questions.take(this.#personOf(event.sender), roomId, event);
    if (!taken) return;
    const isDirect = await this.#rooms.isDirect(roomId);
    const ref = this.#refOf(roomId, event.sender, isDirect, taken.threadId);
    const answer = { text: taken.choiceId, choiceId: taken.choiceId, answering: taken.answering };
    await this.#converse(ref, event, answer, [], taken.close);
  }

  #personOf(userId: string): PersonRef {
    return { platform: 'matrix', workspace: serverOf(this.#bot?.userId ?? ''), userId };
  }

  #refOf(roomId: string, userId: string, isDirect: boolean, threadId?: string): ConversationRef {
    const { workspace } = this.#personOf(userId);
    return { platform: 'matrix', workspace, roomId, userId, isDirect, threadId };
  }

  /**
   * One message through the core, kept in the inbox first: a process killed while answering it leaves it
   * there for another replica or the next start (the sync token is stored only after the batch, but the
   * event's claim would drop it when the batch comes again). A duplicate is dropped here. `onKept`, when given,
   * runs once the message is kept (or found kept already): what may only happen once it cannot be lost.
   */
  async #converse(
    ref: ConversationRef,
    event: RoomEvent,
    message: Pick<IncomingMessage, 'text' | 'choiceId' | 'answering'>,
    namedRooms: string[],
    onKept?: () => Promise<void>,
  ): Promise<void> {
    const userId = event.sender;
    const kept = await this.#port.inbox.keep(
      {
        ref,
        userId,
        ...message,
        isManager: await this.#rooms.isManager(userId, ref.roomId, ref.isDirect, namedRooms),
        eventId: event.event_id,
        timestamp: this.#port.clock.now(),
      },
      null,
    );
    await onKept?.();
    if (!kept) return;
    try {
      await this.#answer(kept.message);
    } finally {
      await kept.done();
    }
  }

  /**
   * Each reply posted, and asked natively when it is a question. The transaction ids derive from the event's
   * id: if the same event is answered again (taken over from a dead process), the homeserver drops the repeats.
   */
  async #answer(message: IncomingMessage): Promise<void> {
    const eventId = message.eventId ?? randomUUID();
    const replies = await this.#port.handle(message);
    for (const [index, reply] of replies.entries()) {
      const txnId = `${eventId}.${index}`;
      const posted = await this.#withReplyRetries(() => this.#post(message.ref, reply, txnId, eventId));
      const person = this.#personOf(message.userId);
      const asked = { at: message.timestamp, index };
      await this.#withReplyRetries(() => this.#questions.offer(person, reply, posted, asked));
    }
  }

  /** Replies to a person are not scheduled jobs: a short rate-limit wait is spent here. */
  async #withReplyRetries<T>(post: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await post();
      } catch (error) {
        const delay = rateLimitDelay(error);
        if (delay === undefined || delay > MAX_REPLY_WAIT_MS || attempt >= MAX_REPLY_ATTEMPTS) throw error;
        this.#port.metrics.platformRateLimitWaits.inc({ platform: 'matrix' });
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  /**
   * Posts a reply (then its files) where it belongs; `txnId` makes each event idempotent. In a thread, it
   * quotes `inReplyTo` (the question) for clients that do not show threads.
   */
  async #post(ref: ConversationRef, reply: Reply, txnId: string, inReplyTo?: string): Promise<Posted> {
    // Matrix has no "only you can see this": private replies go to the person's DM.
    const toDm = (reply.toDirect || reply.ephemeral) && !ref.isDirect;
    const roomId = toDm || ref.roomId.startsWith('@') ? await this.#directRoom(ref) : ref.roomId;
    const threadId = toDm ? undefined : ref.threadId;
    const place = (content: MessageContent) => (threadId ? inThread(content, threadId, inReplyTo) : content);
    const eventId = await sendMessage(this.#client, roomId, place(noticeContent(reply)), txnId);
    for (const [index, attachment] of (reply.attachments ?? []).entries()) {
      const data = Buffer.from(attachment.content);
      const url = await uploadFile(this.#client, data, attachment.mimeType, attachment.filename);
      const content = place(fileContent(attachment, url));
      const fileId = await sendMessage(this.#client, roomId, content, `${txnId}.file${index}`);
      // Listed in the person's records, so that `forget me` can redact it (the upload itself cannot be deleted).
      if (ref.userId)
        await recordSentFile(this.#port.personal, this.#personOf(ref.userId), { roomId, eventId: fileId });
    }
    return { roomId, eventId, txnId, threadId, place };
  }

  /** The person's DM room with the bot, created (and remembered in m.direct) when there is none yet. */
  async #directRoom(ref: ConversationRef): Promise<string> {
    const userId = ref.userId ?? ref.roomId;
    if (!userId.startsWith('@')) throw new Error(`matrix: no user to write to directly in ${ref.roomId}`);
    return this.#client.dms.getOrCreateDm(userId);
  }
}
