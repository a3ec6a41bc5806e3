/**
 * The Matrix adapter: turns the sync's room events into the port's calls — messages into `handle` (kept in
 * the inbox first), choice questions also asked as polls and yes/no ones with ✅ / ❌ reactions, whose votes
 * and reactions answer (native-questions.ts); joins the rooms it is invited to (when the inviter is allowed),
 * welcomes newcomers, leaves the rooms where it is alone; redacts the file messages it sent a person when they
 * are forgotten. Replies and scheduled deliveries are posted by post-reply.ts; one replica syncs at a time
 * (sync-lease.ts), the others stand by and still deliver.
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
  t,
} from '../../src/core/port.ts';
import { type BotIdentity, questionOf, type RoomEvent } from './incoming.ts';
import { KeyvStorageProvider } from './keyv-storage.ts';
import { NativeQuestions } from './native-questions.ts';
import { NATIVE_ANSWER_TYPES } from './polls.ts';
import { ReplyPoster } from './post-reply.ts';
import { addressedTo, noticeContent } from './render.ts';
import { mayInvite, RoomDirectory, serverOf } from './rooms.ts';
import { routeSdkLogs } from './sdk-logging.ts';
import { sendMessage } from './send.ts';
import { redactSentFiles } from './sent-files.ts';
import { type SyncEvent, SyncingClient } from './sync-client.ts';
import { type LeaseTiming, SyncLease } from './sync-lease.ts';

/** Only what the bot reads: no presence, typing or receipts. */
const SYNC_FILTER = {
  presence: { not_types: ['*'] },
  room: { ephemeral: { not_types: ['*'] }, timeline: { limit: 50 } },
};

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
  lease?: LeaseTiming;
}

/** The Matrix platform adapter (see the file comment); built by `createMatrixAdapter`. */
export class MatrixAdapter implements Adapter {
  readonly platform = 'matrix' as const;
  readonly #port: BotPort;
  readonly #config: MatrixAdapterOptions['config'];
  readonly #storage: KeyvStorageProvider;
  readonly #newClient: () => SyncingClient;
  readonly #lease: SyncLease;
  /** The client of the current sync session; also sends for a replica that stands by. */
  #client: SyncingClient;
  #rooms: RoomDirectory;
  #bot?: BotIdentity;
  readonly #questions: NativeQuestions;
  readonly #poster: ReplyPoster;
  #started = false;

  constructor({ port, config, homeserverUrl, accessToken, cryptoStore = null, lease }: MatrixAdapterOptions) {
    this.#port = port;
    this.#config = config;
    routeSdkLogs(port.logger);
    this.#storage = new KeyvStorageProvider(port.kv);
    this.#newClient = () =>
      new SyncingClient(homeserverUrl, accessToken, this.#storage, cryptoStore, (event) =>
        this.#onSync(event),
      );
    this.#client = this.#newClient();
    this.#questions = new NativeQuestions(port, () => this.#client);
    this.#poster = new ReplyPoster(
      port,
      () => this.#client,
      (userId) => this.#personOf(userId),
    );
    this.#lease = new SyncLease(
      port,
      {
        sync: () => this.#sync(),
        standBy: () => this.#standBy(),
        stopSyncing: async () => {
          this.#client.stop();
          await this.#client.idle();
        },
      },
      lease,
    );
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
    await this.#lease.start();
  }

  async stop(): Promise<void> {
    this.#started = false;
    await this.#lease.stop();
  }

  isConnected(): boolean {
    return this.#started;
  }

  /** The sync lease is ours: sync (the sync loop starts last, so the same client can try again next turn). */
  async #sync(): Promise<void> {
    await this.#client.start(SYNC_FILTER);
    this.#port.logger.info({ userId: this.#bot?.userId }, 'matrix: syncing');
  }

  /** Another replica took the lease: a stopped SDK client cannot sync again without risking two loops. */
  async #standBy(): Promise<void> {
    this.#client.stop();
    this.#client = this.#newClient();
    this.#rooms = new RoomDirectory(this.#client, this.#config.MATRIX_MANAGERS);
    // Without the DM map, a reminder would open a new DM instead of using the person's existing one.
    await this.#client.dms.update();
  }

  send(delivery: Delivery): Promise<void> {
    return this.#poster.deliver(delivery);
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
      await this.#poster.withReplyRetries(() =>
        this.#poster.post(ref, { ...welcome, toDirect: true }, txnId),
      );
      return;
    }
    const name = typeof event.content?.displayname === 'string' ? event.content.displayname : userId;
    const content = addressedTo(noticeContent(welcome), userId, name);
    await this.#poster.withReplyRetries(() => sendMessage(this.#client, roomId, content, txnId));
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
      const posted = await this.#poster.withReplyRetries(() =>
        this.#poster.post(message.ref, reply, txnId, eventId),
      );
      const person = this.#personOf(message.userId);
      const asked = { at: message.timestamp, index };
      await this.#poster.withReplyRetries(() => this.#questions.offer(person, reply, posted, asked));
    }
  }
}
