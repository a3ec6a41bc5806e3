/**
 * A small Matrix homeserver on 127.0.0.1 for the adapter tests: the client-server endpoints matrix-bot-sdk
 * uses (whoami, profile, account data, filter, /sync with timeline and invites, join, leave, send with
 * transaction ids, room state and members, createRoom, media upload, redact). It keeps one event stream, records
 * everything the bot sends (messages, polls, reactions), and can refuse sends with M_LIMIT_EXCEEDED, drop
 * their connection after storing them, or leave them unanswered (stored or not).
 */
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A room event as the server stores and serves it. */
export interface ServedEvent {
  event_id: string;
  room_id: string;
  sender: string;
  type: string;
  state_key?: string;
  content: Record<string, unknown>;
  /** For a state event, what it replaced (`prev_content`). */
  unsigned?: Record<string, unknown>;
  origin_server_ts: number;
  /** Position in the server's stream: /sync?since=s<n> returns what comes after n. */
  position: number;
}

/** An event the bot sent, with the transaction id it used. */
export interface SentEvent extends ServedEvent {
  txnId: string;
}

interface Room {
  id: string;
  /** Membership per user id: join, invite, leave, ban. */
  members: Map<string, string>;
  powerLevels: { users: Record<string, number>; users_default: number };
  events: ServedEvent[];
  /** The bot's pending invite, if any (stream position, inviter, DM flag). */
  invite?: { position: number; inviter: string; isDirect: boolean };
}

type Handler = (request: IncomingMessage, body: Buffer, params: string[]) => unknown | Promise<unknown>;

class HttpError extends Error {
  readonly status: number;
  readonly body: Record<string, unknown>;

  constructor(status: number, body: Record<string, unknown>) {
    super(String(body.error ?? body.errcode));
    this.status = status;
    this.body = body;
  }
}

/** The homeserver: start(), set rooms up, act as people, and read what the bot sent. */
export class FakeHomeserver {
  /** Unique per instance, so the bot's id and event ids never meet another test's on a shared Redis/PostgreSQL. */
  readonly serverName = `hs-${randomUUID().slice(0, 8)}.test`;
  readonly botUserId = `@nec:${this.serverName}`;
  readonly accessToken = 'test-access-token';
  /** Every event the bot sent, in order (a repeated transaction id is recorded once, as a homeserver does). */
  readonly sent: SentEvent[] = [];
  /** Every redaction the bot asked for, in order. */
  readonly redactions: Array<{ roomId: string; eventId: string; reason?: string; txnId: string }> = [];
  /** Uploaded files, by mxc URI. */
  readonly uploads = new Map<string, { filename: string; contentType: string; data: Buffer }>();
  /** `since` tokens of the /sync requests received, in order (undefined for a sync without one). */
  readonly syncTokens: Array<string | undefined> = [];
  /** The transaction id of every send request received, in order (repeats included, unlike `sent`). */
  readonly sendRequests: string[] = [];
  /** Requests no route matched, to make a test failure readable. */
  readonly unhandled: string[] = [];
  readonly #rooms = new Map<string, Room>();
  readonly #accountData = new Map<string, unknown>();
  /**
   * Event ids by transaction, keyed as a homeserver does (Synapse: the request path, for the one access
   * token): a PUT to the same room, type and txn id is the same event, whoever sends it.
   */
  readonly #transactions = new Map<string, string>();
  readonly #unredactable = new Set<string>();
  readonly #waiters = new Set<() => void>();
  readonly #routes: Array<{ method: string; pattern: RegExp; handler: Handler }> = [];
  #position = 0;
  /** The highest `since` the bot synced from: every event up to it was handled (the SDK asks again only then). */
  #handledUpTo = 0;
  #ids = 0;
  #rateLimited: { count: number; retryAfterMs: number } = { count: 0, retryAfterMs: 0 };
  #resetAfterSend = 0;
  /** Sends to let through before the held ones, and how those are held. */
  #held: { passing: number; count: number; stored: boolean } = { passing: 0, count: 0, stored: false };
  #server?: Server;
  url = '';

  constructor() {
    this.#defineRoutes();
  }

  async start(): Promise<this> {
    this.#server = createServer((request, response) => void this.#serve(request, response));
    this.#server.listen(0, '127.0.0.1');
    await once(this.#server, 'listening');
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  /** Answers the pending long polls and closes every connection (the SDK keeps them alive). */
  async close(): Promise<void> {
    this.#wake();
    const server = this.#server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  /** Creates a room the bot is not in yet; `members` are joined, with their power levels. */
  createRoom(id: string, members: Record<string, number>): void {
    const room: Room = {
      id,
      members: new Map(Object.keys(members).map((m) => [m, 'join'])),
      powerLevels: { users: { ...members }, users_default: 0 },
      events: [],
    };
    this.#rooms.set(id, room);
    this.#append(room, Object.keys(members)[0] ?? '@creator:test.local', 'm.room.create', {}, '');
  }

  /** `inviter` invites the bot into `roomId` (a DM when `isDirect`). */
  invite(roomId: string, inviter: string, isDirect = false): void {
    const room = this.#room(roomId);
    room.members.set(this.botUserId, 'invite');
    room.invite = { position: ++this.#position, inviter, isDirect };
    this.#wake();
  }

  /** A person posts a message (or another event type) in a room; returns its event id. */
  post(roomId: string, sender: string, content: Record<string, unknown>, type = 'm.room.message'): string {
    return this.#append(this.#room(roomId), sender, type, content).event_id;
  }

  /** A person posts plain text. */
  say(roomId: string, sender: string, body: string): string {
    return this.post(roomId, sender, { msgtype: 'm.text', body });
  }

  /** A person leaves a room. */
  leave(roomId: string, userId: string): void {
    const room = this.#room(roomId);
    room.members.set(userId, 'leave');
    this.#append(room, userId, 'm.room.member', { membership: 'leave' }, userId);
  }

  /**
   * `userId` joins a room (or, already in it, changes their display name: a join event replacing a join);
   * resolves with what the bot sent once it has handled the event.
   */
  async join(roomId: string, userId: string, displayname?: string): Promise<SentEvent[]> {
    const room = this.#room(roomId);
    const before = room.members.get(userId);
    room.members.set(userId, 'join');
    const mark = this.sent.length;
    const content = { membership: 'join', ...(displayname ? { displayname } : {}) };
    const unsigned = before ? { prev_content: { membership: before } } : undefined;
    const event = this.#append(room, userId, 'm.room.member', content, userId, unsigned);
    await this.until(
      `the bot to handle the join ${event.event_id}`,
      () => this.#handledUpTo >= event.position,
    );
    return this.sent.slice(mark);
  }

  /** Membership of `userId` in a room. */
  membership(roomId: string, userId: string): string | undefined {
    return this.#rooms.get(roomId)?.members.get(userId);
  }

  /** The next `count` sends are refused with M_LIMIT_EXCEEDED asking to wait `retryAfterMs`. */
  rateLimitNextSends(count: number, retryAfterMs: number): void {
    this.#rateLimited = { count, retryAfterMs };
  }

  /** Redacting this event will be refused (M_FORBIDDEN), as for a message the bot may no longer touch. */
  refuseRedaction(eventId: string): void {
    this.#unredactable.add(eventId);
  }

  /** Resolves once `check` holds, re-checked on every change; fails after `timeoutMs` with `what`. */
  async until<T>(what: string, check: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const result = check();
      if (result) return result;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`timed out waiting for ${what}; unhandled: ${this.unhandled.join(', ')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.#waiters.add(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** A person writes `body` in a room; resolves with what the bot sent once it has handled the message. */
  ask(roomId: string, sender: string, body: string, timeoutMs?: number): Promise<SentEvent[]> {
    return this.act(roomId, sender, { msgtype: 'm.text', body }, 'm.room.message', timeoutMs);
  }

  /**
   * A person sends an event of any type (a message, a poll vote, a reaction); resolves with what the bot
   * sent once it has handled it (within `timeoutMs`, 10 s by default).
   */
  async act(
    roomId: string,
    sender: string,
    content: Record<string, unknown>,
    type = 'm.room.message',
    timeoutMs?: number,
  ): Promise<SentEvent[]> {
    const mark = this.sent.length;
    const event = this.#append(this.#room(roomId), sender, type, content);
    await this.until(
      `the bot to handle ${type} ${event.event_id}`,
      () => this.#handledUpTo >= event.position,
      timeoutMs,
    );
    return this.sent.slice(mark);
  }

  /** Waits for `count` more events from the bot after the first `after` ones, and returns them. */
  sentAfter(after: number, count = 1): Promise<SentEvent[]> {
    return this.until(`${count} event(s) from the bot after #${after}`, () =>
      this.sent.length >= after + count ? this.sent.slice(after, after + count) : undefined,
    );
  }

  #room(id: string): Room {
    const room = this.#rooms.get(id);
    if (!room) throw new HttpError(404, { errcode: 'M_NOT_FOUND', error: `no room ${id}` });
    return room;
  }

  #append(
    room: Room,
    sender: string,
    type: string,
    content: Record<string, unknown>,
    stateKey?: string,
    unsigned?: Record<string, unknown>,
  ) {
    const event: ServedEvent = {
      event_id: `$e${++this.#ids}:${this.serverName}`,
      room_id: room.id,
      sender,
      type,
      content,
      origin_server_ts: Date.now(),
      position: ++this.#position,
      ...(stateKey === undefined ? {} : { state_key: stateKey }),
      ...(unsigned === undefined ? {} : { unsigned }),
    };
    room.events.push(event);
    this.#wake();
    return event;
  }

  #wake(): void {
    const waiters = [...this.#waiters];
    this.#waiters.clear();
    for (const wake of waiters) wake();
  }

  #syncResponse(since: number) {
    const join: Record<string, unknown> = {};
    const invite: Record<string, unknown> = {};
    for (const room of this.#rooms.values()) {
      const membership = room.members.get(this.botUserId);
      if (membership === 'join') {
        const events = room.events.filter((e) => e.position > since).map(({ position: _, ...e }) => e);
        if (events.length > 0) join[room.id] = { timeline: { events, limited: false } };
      } else if (membership === 'invite' && room.invite && room.invite.position > since) {
        const { inviter, isDirect } = room.invite;
        invite[room.id] = {
          invite_state: {
            events: [
              {
                type: 'm.room.member',
                state_key: this.botUserId,
                sender: inviter,
                content: { membership: 'invite', ...(isDirect ? { is_direct: true } : {}) },
              },
            ],
          },
        };
      }
    }
    return { next_batch: `s${this.#position}`, rooms: { join, invite, leave: {} } };
  }

  async #sync(request: IncomingMessage) {
    const query = new URL(request.url ?? '/', this.url).searchParams;
    const sinceToken = query.get('since') ?? undefined;
    this.syncTokens.push(sinceToken);
    const since = sinceToken ? Number(sinceToken.slice(1)) : 0;
    this.#handledUpTo = Math.max(this.#handledUpTo, since);
    this.#wake();
    const timeout = Math.min(Number(query.get('timeout') ?? 0), 30_000);
    const deadline = Date.now() + timeout;
    for (;;) {
      const response = this.#syncResponse(since);
      const empty =
        Object.keys(response.rooms.join).length === 0 && Object.keys(response.rooms.invite).length === 0;
      if (!empty || Date.now() >= deadline || !this.#server?.listening) return response;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deadline - Date.now());
        this.#waiters.add(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The next `count` sends are carried out, then their connection drops before the answer. */
  resetAfterNextSends(count: number): void {
    this.#resetAfterSend = count;
  }

  /**
   * After `passing` new sends answered normally, the next `count` are never answered (the request hangs):
   * `stored`, the event is in the room all the same; else it is not (the request never arrived).
   */
  holdSendsAfter(passing: number, count: number, stored: boolean): void {
    this.#held = { passing, count, stored };
  }

  async #send(request: IncomingMessage, roomId: string, type: string, txnId: string, body: Buffer) {
    const room = this.#room(roomId);
    if (room.members.get(this.botUserId) !== 'join') {
      throw new HttpError(403, { errcode: 'M_FORBIDDEN', error: 'not in the room' });
    }
    this.sendRequests.push(txnId);
    this.#wake();
    const transaction = `${roomId}/${type}/${txnId}`;
    const known = this.#transactions.get(transaction);
    if (known) return { event_id: known };
    if (this.#held.passing > 0) this.#held.passing--;
    else if (this.#held.count > 0) {
      this.#held.count--;
      if (this.#held.stored) this.#store(room, type, txnId, transaction, body);
      return new Promise<never>(() => {});
    }
    if (this.#rateLimited.count > 0) {
      this.#rateLimited.count--;
      const { retryAfterMs } = this.#rateLimited;
      throw new HttpError(429, {
        errcode: 'M_LIMIT_EXCEEDED',
        error: 'Too many requests',
        retry_after_ms: retryAfterMs,
      });
    }
    const event = this.#store(room, type, txnId, transaction, body);
    if (this.#resetAfterSend > 0) {
      this.#resetAfterSend--;
      request.socket.destroy();
    }
    return { event_id: event.event_id };
  }

  #store(room: Room, type: string, txnId: string, transaction: string, body: Buffer): ServedEvent {
    const event = this.#append(room, this.botUserId, type, JSON.parse(body.toString('utf8')));
    this.#transactions.set(transaction, event.event_id);
    this.sent.push({ ...event, txnId });
    return event;
  }

  #redact(roomId: string, eventId: string, txnId: string, body: Buffer) {
    const room = this.#room(roomId);
    if (this.#unredactable.has(eventId) || room.members.get(this.botUserId) !== 'join') {
      throw new HttpError(403, { errcode: 'M_FORBIDDEN', error: 'may not redact this event' });
    }
    const { reason } = JSON.parse(body.toString('utf8')) as { reason?: string };
    this.redactions.push({ roomId, eventId, txnId, ...(reason === undefined ? {} : { reason }) });
    const redaction = this.#append(room, this.botUserId, 'm.room.redaction', reason ? { reason } : {});
    return { event_id: redaction.event_id };
  }

  #defineRoutes(): void {
    const route = (method: string, pattern: RegExp, handler: Handler) =>
      this.#routes.push({ method, pattern, handler });
    route('GET', /^\/_matrix\/client\/versions$/, () => ({ versions: ['v1.1', 'v1.6'] }));
    route('GET', /^\/_matrix\/client\/v3\/account\/whoami$/, () => ({
      user_id: this.botUserId,
      device_id: 'TESTDEVICE',
    }));
    route('GET', /^\/_matrix\/client\/v3\/profile\/([^/]+)$/, () => ({ displayname: 'NEC bot' }));
    route('GET', /^\/_matrix\/client\/v3\/user\/[^/]+\/account_data\/([^/]+)$/, (_r, _b, [type]) => {
      const data = this.#accountData.get(type ?? '');
      if (data === undefined) throw new HttpError(404, { errcode: 'M_NOT_FOUND', error: 'no account data' });
      return data;
    });
    route('PUT', /^\/_matrix\/client\/v3\/user\/[^/]+\/account_data\/([^/]+)$/, (_r, body, [type]) => {
      this.#accountData.set(type ?? '', JSON.parse(body.toString('utf8')));
      return {};
    });
    route('POST', /^\/_matrix\/client\/v3\/user\/[^/]+\/filter$/, () => ({ filter_id: 'f1' }));
    route('GET', /^\/_matrix\/client\/v3\/joined_rooms$/, () => ({
      joined_rooms: [...this.#rooms.values()]
        .filter((r) => r.members.get(this.botUserId) === 'join')
        .map((r) => r.id),
    }));
    route('GET', /^\/_matrix\/client\/v3\/sync$/, (request) => this.#sync(request));
    route('POST', /^\/_matrix\/client\/v3\/join\/([^/]+)$/, (_r, _b, [roomId]) => {
      const room = this.#room(roomId ?? '');
      if (room.members.get(this.botUserId) !== 'invite') {
        throw new HttpError(403, { errcode: 'M_FORBIDDEN', error: 'not invited' });
      }
      room.members.set(this.botUserId, 'join');
      this.#append(room, this.botUserId, 'm.room.member', { membership: 'join' }, this.botUserId);
      return { room_id: room.id };
    });
    route('POST', /^\/_matrix\/client\/v3\/rooms\/([^/]+)\/leave$/, (_r, _b, [roomId]) => {
      const room = this.#room(roomId ?? '');
      room.members.set(this.botUserId, 'leave');
      this.#append(room, this.botUserId, 'm.room.member', { membership: 'leave' }, this.botUserId);
      return {};
    });
    route(
      'PUT',
      /^\/_matrix\/client\/v3\/rooms\/([^/]+)\/send\/([^/]+)\/([^/]+)$/,
      (request, body, [roomId, type, txnId]) =>
        this.#send(request, roomId ?? '', type ?? '', txnId ?? '', body),
    );
    route(
      'PUT',
      /^\/_matrix\/client\/v3\/rooms\/([^/]+)\/redact\/([^/]+)\/([^/]+)$/,
      (_r, body, [roomId, eventId, txnId]) => this.#redact(roomId ?? '', eventId ?? '', txnId ?? '', body),
    );
    route(
      'GET',
      /^\/_matrix\/client\/v3\/rooms\/([^/]+)\/state\/m\.room\.power_levels\/?$/,
      (_r, _b, [roomId]) => {
        return this.#room(roomId ?? '').powerLevels;
      },
    );
    route('GET', /^\/_matrix\/client\/v3\/rooms\/([^/]+)\/state\/([^/]+)\/?([^/]*)$/, () => {
      throw new HttpError(404, { errcode: 'M_NOT_FOUND', error: 'no such state' });
    });
    route('GET', /^\/_matrix\/client\/v3\/rooms\/([^/]+)\/joined_members$/, (_r, _b, [roomId]) => {
      const joined = [...this.#room(roomId ?? '').members].filter(([, m]) => m === 'join');
      return { joined: Object.fromEntries(joined.map(([id]) => [id, {}])) };
    });
    route('GET', /^\/_matrix\/client\/v3\/rooms\/([^/]+)\/members$/, (_r, _b, [roomId]) => {
      const room = this.#room(roomId ?? '');
      const chunk = [...room.members].map(([id, membership]) => ({
        type: 'm.room.member',
        state_key: id,
        sender: id,
        room_id: room.id,
        event_id: `$m-${id}`,
        content: { membership },
      }));
      return { chunk };
    });
    route('POST', /^\/_matrix\/client\/v3\/createRoom$/, (_r, body) => {
      const request = JSON.parse(body.toString('utf8')) as { invite?: string[] };
      const id = `!dm${++this.#ids}:${this.serverName}`;
      // The invited person accepts at once: enough for the bot to write there.
      this.createRoom(
        id,
        Object.fromEntries([this.botUserId, ...(request.invite ?? [])].map((u) => [u, 100])),
      );
      return { room_id: id };
    });
    route('POST', /^\/_matrix\/media\/v3\/upload$/, (request, body) => {
      const query = new URL(request.url ?? '/', this.url).searchParams;
      const uri = `mxc://${this.serverName}/m${++this.#ids}`;
      this.uploads.set(uri, {
        filename: query.get('filename') ?? '',
        contentType: request.headers['content-type'] ?? '',
        data: body,
      });
      return { content_uri: uri };
    });
  }

  async #serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    try {
      if (request.headers.authorization !== `Bearer ${this.accessToken}`) {
        throw new HttpError(401, { errcode: 'M_UNKNOWN_TOKEN', error: 'bad access token' });
      }
      for (const { method, pattern, handler } of this.#routes) {
        const match = request.method === method ? pattern.exec(path) : null;
        if (!match) continue;
        const params = match.slice(1).map((p) => decodeURIComponent(p));
        return reply(200, await handler(request, Buffer.concat(chunks), params));
      }
      this.unhandled.push(`${request.method} ${path}`);
      throw new HttpError(404, { errcode: 'M_UNRECOGNIZED', error: 'unrecognized request' });
    } catch (error) {
      if (error instanceof HttpError) return reply(error.status, error.body);
      reply(500, { errcode: 'M_UNKNOWN', error: String(error) });
    }
  }
}
