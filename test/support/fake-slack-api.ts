/**
 * A fake Slack Web API on 127.0.0.1 that records every call (method, parameters, token, time received) and
 * answers like Slack does: enough of auth.test, chat.*, conversations.open, users.info, views.publish/open and the
 * files upload API (getUploadURLExternal → upload URL → completeUploadExternal). It also serves response
 * URLs, and can answer a method with 429 + Retry-After once, to test rate-limit handling. Posted messages are
 * kept per channel with their metadata (conversations.history / replies return them, newest first), and a
 * method (or `response_url`, or `upload`) can be made to fail once after Slack received it: `hang` (never
 * answers), `reset` (the connection drops before the answer), `500` (an HTTP 500) — a post is then still in
 * the channel, as it is on Slack — or before: `lost` (never answers, and never carried out, as a request
 * that did not reach Slack).
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The identity the fake reports for the bot (auth.test); oauth.v2.access installs in the team named by the code. */
export const FAKE_TEAM = 'T0NEC';
export const FAKE_BOT_USER = 'U0BOT';
export const FAKE_BOT_ID = 'B0BOT';

/** One recorded request. `method` is the API method, `response_url` or `upload`. */
export interface RecordedCall {
  method: string;
  /** The request's path (`/respond/<id>` names the response URL posted to). */
  path: string;
  params: Record<string, unknown>;
  token?: string;
  /** Milliseconds since the epoch, when the request arrived. */
  at: number;
  /** The HTTP status the fake answered with (0: none, the call was `lost`). */
  status: number;
  /** The JSON the fake answered with (Web API methods). */
  response?: Record<string, unknown>;
}

/** How a call fails: after the fake received (and carried out) it, or `lost` before. */
export type Fault = 'hang' | 'reset' | '500' | 'lost';

/** A message the fake holds in a channel. */
export interface PostedMessage {
  ts: string;
  text?: unknown;
  thread_ts?: unknown;
  metadata?: unknown;
}

/** What users.info returns for a user (merged over plain defaults). */
export interface FakeUser {
  tz?: string;
  is_admin?: boolean;
  is_owner?: boolean;
  is_bot?: boolean;
  locale?: string;
}

export class FakeSlackApi {
  readonly calls: RecordedCall[] = [];
  readonly users = new Map<string, FakeUser>();
  /** Channels the bot is not a member of: chat.postMessage there answers `not_in_channel`, as Slack does. */
  readonly notInChannel = new Set<string>();
  /** Channels where chat.postEphemeral answers this error (`restricted_action`…), as Slack does. */
  readonly ephemeralRefused = new Map<string, string>();
  /** What apps.connections.open hands out: the Socket Mode server's URL (see fake-socket-mode.ts). */
  socketModeUrl?: string;
  readonly #server: Server;
  readonly #rateLimited = new Map<string, number>();
  /** The next calls' faults per method, in order; `undefined` answers a call normally. */
  readonly #faults = new Map<string, Array<Fault | undefined>>();
  readonly #slow = new Map<string, number>();
  /** Messages posted, by channel, oldest first. */
  readonly messages = new Map<string, PostedMessage[]>();
  readonly #waiters: Array<{
    match: (call: RecordedCall) => boolean;
    resolve: (call: RecordedCall) => void;
  }> = [];
  #ts = 1_700_000_000;
  #files = 0;
  #views = 0;

  private constructor(server: Server) {
    this.#server = server;
  }

  /** Starts the fake on a free port of 127.0.0.1. */
  static async start(): Promise<FakeSlackApi> {
    let fake: FakeSlackApi | undefined;
    const server = createServer((req, res) => {
      void fake?.handle(req, res);
    });
    fake = new FakeSlackApi(server);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return fake;
  }

  /** The base URL to give SLACK_API_URL (ends in `/api/`). */
  get apiUrl(): string {
    return `${this.origin}/api/`;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** A response URL (for slash commands and clicks) that records what is posted to it. */
  responseUrl(id: string): string {
    return `${this.origin}/respond/${id}`;
  }

  /** The next call of `method` is answered 429 with `Retry-After: seconds`. */
  rateLimitNext(method: string, seconds: number): void {
    this.#rateLimited.set(method, seconds);
  }

  /** The next calls of `method` fail, one fault each, after the fake carried them out. */
  failNext(method: string, ...faults: Fault[]): void {
    this.failLater(method, 0, ...faults);
  }

  /** After `passing` calls of `method` answered normally, the next ones fail, one fault each. */
  failLater(method: string, passing: number, ...faults: Fault[]): void {
    const normal = Array.from({ length: passing }, () => undefined);
    this.#faults.set(method, [...(this.#faults.get(method) ?? []), ...normal, ...faults]);
  }

  /** From now on, calls of `method` are carried out at once but answered `ms` later (a slow Slack). */
  answerAfter(method: string, ms: number): void {
    this.#slow.set(method, ms);
  }

  /** The calls made to a method, in order. */
  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves with the first call (already made or to come) that matches. */
  waitFor(method: string, match: (call: RecordedCall) => boolean = () => true): Promise<RecordedCall> {
    const test = (call: RecordedCall) => call.method === method && call.status === 200 && match(call);
    const done = this.calls.find(test);
    if (done) return Promise.resolve(done);
    return new Promise((resolve) => this.#waiters.push({ match: test, resolve }));
  }

  /** Forgets the calls recorded so far. */
  reset(): void {
    this.calls.length = 0;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise((resolve) => this.#server.close(resolve));
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const path = new URL(req.url ?? '/', this.origin).pathname;
    const auth = req.headers.authorization?.replace(/^Bearer /, '');
    const params = await readParams(raw, req.headers['content-type'] ?? '');
    const token = auth ?? (typeof params.token === 'string' ? params.token : undefined);
    const [, kind = '', name = ''] = path.split('/');
    const method = kind === 'api' ? name : kind === 'respond' ? 'response_url' : kind;
    const retryAfter = this.#rateLimited.get(method);
    if (retryAfter !== undefined) {
      this.#rateLimited.delete(method);
      this.#record({ method, path, params, token, at, status: 429 });
      res.writeHead(429, { 'retry-after': String(retryAfter), 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    }
    const fault = this.#faults.get(method)?.shift();
    if (fault === 'lost') {
      this.#record({ method, path, params, token, at, status: 0 });
      return;
    }
    const response = kind === 'api' ? this.#answer(method, params) : undefined;
    this.#record({ method, path, params, token, at, status: fault === '500' ? 500 : 200, response });
    if (fault === 'hang') return;
    const slow = this.#slow.get(method);
    if (slow) await new Promise((resolve) => setTimeout(resolve, slow));
    if (fault === 'reset') {
      res.socket?.destroy();
      return;
    }
    if (fault === '500') {
      res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error');
      return;
    }
    if (response) res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(response));
    else res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  }

  #record(call: RecordedCall): void {
    this.calls.push(call);
    for (const waiter of [...this.#waiters]) {
      if (!waiter.match(call)) continue;
      this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
      waiter.resolve(call);
    }
  }

  #answer(method: string, params: Record<string, unknown>): Record<string, unknown> {
    const channel = params.channel ?? params.channel_id;
    switch (method) {
      case 'auth.test':
        return { ok: true, team_id: FAKE_TEAM, user_id: FAKE_BOT_USER, bot_id: FAKE_BOT_ID, user: 'nec-bot' };
      case 'apps.connections.open':
        return this.socketModeUrl
          ? { ok: true, url: this.socketModeUrl }
          : { ok: false, error: 'not_allowed' };
      case 'oauth.v2.access':
        return {
          ok: true,
          app_id: 'A0NEC',
          access_token: `xoxb-installed-${String(params.code)}`,
          token_type: 'bot',
          scope: 'chat:write,commands',
          bot_user_id: FAKE_BOT_USER,
          team: { id: String(params.code), name: `Workspace ${String(params.code)}` },
          enterprise: null,
          is_enterprise_install: false,
          authed_user: { id: 'U0INSTALLER' },
        };
      case 'chat.postMessage': {
        if (this.notInChannel.has(String(channel))) return { ok: false, error: 'not_in_channel' };
        const message: PostedMessage = {
          ts: this.#nextTs(),
          text: params.text,
          thread_ts: params.thread_ts,
          metadata: params.metadata,
        };
        this.messages.set(String(channel), [...(this.messages.get(String(channel)) ?? []), message]);
        return { ok: true, channel, ts: message.ts, message: { text: params.text } };
      }
      case 'conversations.history':
      case 'conversations.replies': {
        const all = this.messages.get(String(channel)) ?? [];
        const inPlace =
          method === 'conversations.replies' ? all.filter((m) => m.thread_ts === params.ts) : all;
        const withMetadata = params.include_all_metadata === true || params.include_all_metadata === 'true';
        const newestFirst = [...inPlace]
          .reverse()
          .slice(0, Number(params.limit ?? 100))
          .map(({ metadata, ...m }) => (withMetadata ? { ...m, metadata } : m));
        return { ok: true, messages: newestFirst, has_more: false };
      }
      case 'chat.update':
        return { ok: true, channel, ts: params.ts };
      case 'chat.postEphemeral': {
        const refused = this.ephemeralRefused.get(String(channel));
        return refused ? { ok: false, error: refused } : { ok: true, message_ts: this.#nextTs() };
      }
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(params.users)}` } };
      case 'users.info': {
        const id = String(params.user);
        return { ok: true, user: { id, is_admin: false, is_owner: false, ...this.users.get(id) } };
      }
      case 'views.publish':
        return { ok: true, view: { id: 'V1' } };
      case 'views.open':
        return { ok: true, view: { id: `V${++this.#views}`, ...(params.view as object) } };
      case 'files.getUploadURLExternal': {
        const fileId = `F${++this.#files}`;
        return { ok: true, file_id: fileId, upload_url: `${this.origin}/upload/${fileId}` };
      }
      case 'files.completeUploadExternal':
        return { ok: true, files: params.files };
      default:
        return { ok: true };
    }
  }

  #nextTs(): string {
    return `${++this.#ts}.000100`;
  }
}

/** The parameters of a Web API call: form fields (JSON-valued ones decoded), a JSON body, or a multipart upload. */
async function readParams(raw: Buffer, contentType: string): Promise<Record<string, unknown>> {
  if (raw.length === 0) return {};
  if (contentType.startsWith('application/json')) return JSON.parse(raw.toString('utf8'));
  if (contentType.startsWith('multipart/form-data')) {
    const form = await new Response(new Uint8Array(raw), {
      headers: { 'content-type': contentType },
    }).formData();
    const params: Record<string, unknown> = {};
    for (const [key, value] of form) params[key] = typeof value === 'string' ? value : await value.text();
    return params;
  }
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) {
    params[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return params;
}
