/**
 * The Slack adapter: listens to the slash command, direct messages, mentions, button clicks and the App Home
 * on a Bolt app, runs each through the core, and posts the replies as Block Kit. Slack is answered as soon as
 * the event is safe, the core works after, so Slack's 3-second limit holds whatever the work behind. Whatever
 * makes a turn (message, mention, command, click, submission) is first kept in the shared store's inbox,
 * before Slack is acknowledged (over HTTP Bolt's `processBeforeResponse`, in Socket Mode socket-mode.ts), so
 * a process killed after answering Slack loses nothing: another replica or the restarted process answers it
 * (src/ops/inbox.ts), without posting again the replies already in the conversation (answer-kept.ts).
 */
import type { App as BoltApp, webApi } from '@slack/bolt';
import type { Adapter, BotPort, Delivery, KeptEvent, MemberJoin } from '../../src/core/port.ts';
import { type Answering, answerKept, deliverKept } from './answer-kept.ts';
import { publishHome } from './home-tab.ts';
import {
  fromDirectMessage,
  fromMemberJoined,
  fromMention,
  fromSlashCommand,
  type MappedMessage,
  slackJoinEventSchema,
  slackMessageEventSchema,
} from './incoming.ts';
import { type ClickedMessage, listenToInteractions } from './interactions.ts';
import { SlackPeople } from './people.ts';
import { renderReply } from './render-blocks.ts';
import { DirectChannels, type ReplyTarget, replyTargetOf, respondTo, whisperOrDirect } from './replies.ts';
import { asRetryAfter, postJob } from './scheduled-posts.ts';
import { WorkLimit } from './work-limit.ts';

/** The slash command declared in `manifest.yml`. */
export const SLASH_COMMAND = '/nec';

/**
 * Turns run at once, at most: enough to overlap the Web API's network waits, few enough that a burst of
 * messages leaves the event loop free to acknowledge the next requests at once.
 */
const CONCURRENT_TURNS = 8;

/**
 * Where the replies to a kept event go, kept with it: the client is the workspace's, found again; a command's
 * or click's response URL is kept as such (Slack accepts it for 30 minutes); a click's message to show
 * answered, so that a process taking the click over does it too.
 */
type KeptTarget = Omit<ReplyTarget, 'client' | 'respond'> & {
  responseUrl?: string;
  clicked?: ClickedMessage;
};

/** How the listeners have an event kept, acknowledged, then answered (`SlackAdapter.receive`). */
export interface Receiving {
  /** Acknowledges the event to Slack; events are acknowledged by the receiver once their listener is done. */
  ack?: () => Promise<void>;
  /** The response URL of a command or click. */
  responseUrl?: string;
  /** A click's message, shown answered before the turn (by whichever process answers the click). */
  clicked?: ClickedMessage;
}

export interface SlackAdapterOptions {
  port: BotPort;
  /** Slack user ids that are community managers besides workspace admins and owners (SLACK_MANAGERS). */
  managers: readonly string[];
  /** The zone of people whose Slack profile has none (BOT_TIMEZONE). */
  defaultTimezone: string;
  bolt: BoltApp;
  /** Port of the HTTP receiver; undefined in Socket Mode. */
  httpPort?: number;
  /** Sends scheduled deliveries; rejects rate-limited calls so the delivery queue can wait as asked. */
  deliveryClient: webApi.WebClient;
  /** The bot token of a workspace (single-workspace token or the workspace's installation). */
  botToken(workspace: string | undefined): Promise<string>;
  /** A Web API client with the workspace's token, for replies to an event taken over from a dead process. */
  replyClient(workspace: string | undefined): Promise<webApi.WebClient>;
}

export class SlackAdapter implements Adapter {
  readonly platform = 'slack' as const;
  readonly #port: BotPort;
  readonly #defaultTimezone: string;
  readonly #bolt: BoltApp;
  readonly #requestedPort: number | undefined;
  readonly #deliveryClient: webApi.WebClient;
  readonly #botToken: SlackAdapterOptions['botToken'];
  readonly #replyClient: SlackAdapterOptions['replyClient'];
  readonly #people: SlackPeople;
  readonly #directChannels = new DirectChannels();
  /** What answering a kept event takes (answer-kept.ts). */
  readonly #answering: Answering;
  /** Work started after an acknowledgement, awaited on stop so no reply is cut off. */
  readonly #inFlight = new Set<Promise<void>>();
  readonly #turns = new WorkLimit(CONCURRENT_TURNS);
  #listeningPort: number | undefined;
  #running = false;

  constructor(options: SlackAdapterOptions) {
    this.#port = options.port;
    this.#defaultTimezone = options.defaultTimezone;
    this.#bolt = options.bolt;
    this.#requestedPort = options.httpPort;
    this.#deliveryClient = options.deliveryClient;
    this.#botToken = options.botToken;
    this.#replyClient = options.replyClient;
    this.#people = new SlackPeople({
      managers: options.managers,
      clock: options.port.clock,
      logger: options.port.logger,
    });
    this.#answering = { port: this.#port, people: this.#people, directChannels: this.#directChannels };
    options.port.onForget(async (person) => {
      if (person.platform === 'slack') await this.#forget(person.workspace, person.userId);
      return undefined;
    });
    this.#listen();
  }

  /** The port the HTTP receiver listens on once started (useful with PORT=0); undefined in Socket Mode. */
  get port(): number | undefined {
    return this.#listeningPort;
  }

  async start(): Promise<void> {
    const server: unknown =
      this.#requestedPort === undefined
        ? await this.#bolt.start()
        : await this.#bolt.start(this.#requestedPort);
    const address = (server as { address?: () => unknown } | undefined)?.address?.();
    if (address && typeof address === 'object' && 'port' in address)
      this.#listeningPort = Number(address.port);
    this.#running = true;
    // Events kept by a process that died (kill -9 after answering Slack): answered here, once.
    this.#port.inbox.onAbandoned('slack', (event) => this.#track(() => this.#answerTakenOver(event)));
    this.#port.logger.info(
      { port: this.#listeningPort, socketMode: this.#requestedPort === undefined },
      'slack started',
    );
  }

  async stop(): Promise<void> {
    this.#running = false;
    await this.#bolt.stop();
    await this.settled();
  }

  /** Resolves once the work started after acknowledgements so far has ended (replies posted or given up). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.#inFlight]);
  }

  isConnected(): boolean {
    return this.#running;
  }

  /**
   * Posts a reminder or broadcast at most once (scheduled-posts.ts); a 429 becomes a RetryAfterError
   * carrying Slack's Retry-After.
   */
  async send({ ref, reply, lang, jobId, inDoubt }: Delivery): Promise<void> {
    const token = await this.#botToken(ref.workspace);
    const client = this.#deliveryClient;
    try {
      const channel =
        ref.isDirect && ref.userId && !ref.roomId.startsWith('D')
          ? await this.#directChannels.of(client, ref.workspace, ref.userId, token)
          : ref.roomId;
      const message = renderReply({ ...reply, lang });
      await postJob(
        client,
        { token, channel, threadTs: ref.threadId },
        { message, jobId, inDoubt },
        this.#port.logger,
      );
    } catch (error) {
      throw asRetryAfter(error);
    }
  }

  #listen(): void {
    const bolt = this.#bolt;
    bolt.command(SLASH_COMMAND, async ({ command, ack, client }) => {
      const message = fromSlashCommand(command, this.#port.clock.now());
      const target = { ...replyTargetOf(message, client, command.response_url), fromCommand: true };
      await this.#receive(message, target, { ack, responseUrl: command.response_url });
    });
    bolt.event('message', async ({ event, body, client, context }) => {
      const parsed = slackMessageEventSchema.safeParse(event);
      if (!parsed.success || !context.teamId) return;
      const message = fromDirectMessage(parsed.data, context.teamId, body.event_id, this.#port.clock.now());
      if (message) await this.#receive(message, replyTargetOf(message, client));
    });
    bolt.event('app_mention', async ({ event, body, client, context }) => {
      const parsed = slackMessageEventSchema.safeParse(event);
      if (!parsed.success || !context.teamId) return;
      const now = this.#port.clock.now();
      const message = fromMention(parsed.data, context.teamId, body.event_id, context.botUserId, now);
      if (message) await this.#receive(message, replyTargetOf(message, client));
    });
    listenToInteractions(bolt, {
      port: this.#port,
      people: this.#people,
      directChannels: this.#directChannels,
      receive: (message, target, receiving) => this.#receive(message, target, receiving),
      keep: (message, target) => this.#keep(message, target),
      deliver: (event, replies, target) => deliverKept(this.#answering, event, replies, target),
      inBackground: (work) => this.#inBackground(work),
    });
    bolt.event('member_joined_channel', async ({ event, body, client, context }) => {
      const parsed = slackJoinEventSchema.safeParse(event);
      if (!parsed.success || !context.teamId) return;
      const now = this.#port.clock.now();
      const join = fromMemberJoined(parsed.data, context.teamId, body.event_id, context.botUserId, now);
      if (join) this.#inBackground(() => this.#onJoin(join, client));
    });
    bolt.event('app_home_opened', async ({ event, client, context }) => {
      if (event.tab === 'home')
        this.#inBackground(() => this.#publishHome(client, context.teamId, event.user));
    });
    bolt.error(async (error) => {
      this.#port.logger.error({ err: error }, 'slack listener failed');
      // Rethrown, so the receiver acknowledges nothing a listener failed to keep: over HTTP Slack gets a
      // 500 and sends the event again; in Socket Mode the envelope stays unacknowledged and comes again.
      throw error;
    });
  }

  /**
   * An event for a turn (a message, a mention, a command, a click): kept in the inbox, then acknowledged
   * (events: by the receiver once the listener returns, over HTTP and in Socket Mode alike), then answered
   * in turn in the background. A duplicate (Slack's retry, the same event on another replica) is
   * acknowledged and dropped. A store that cannot keep it rejects before any acknowledgement: Slack sends an
   * event again, and shows the person that a command or click failed.
   */
  async #receive(message: MappedMessage, target: ReplyTarget, receiving: Receiving = {}): Promise<void> {
    const kept = await this.#keep(message, target, receiving);
    await receiving.ack?.();
    if (!kept) return;
    this.#inBackground(async () => {
      try {
        await answerKept(this.#answering, kept, target, receiving.clicked);
      } finally {
        await kept.done();
      }
    });
  }

  /** Keeps `message` in the inbox with where its replies go; undefined for a duplicate. */
  #keep(
    message: MappedMessage,
    target: ReplyTarget,
    { responseUrl, clicked }: Receiving = {},
  ): Promise<KeptEvent | undefined> {
    const { workspace, userId, channel, threadTs, fromCommand } = target;
    const where: KeptTarget = { workspace, userId, channel, threadTs, fromCommand, responseUrl, clicked };
    return this.#port.inbox.keep(message, where);
  }

  /**
   * An event a dead process had kept: answered with the workspace's client where it was to be answered, a
   * click's message shown answered first (again, maybe: an update says the same twice).
   */
  async #answerTakenOver(event: KeptEvent): Promise<void> {
    const { responseUrl, clicked, ...where } = event.context as KeptTarget;
    const client = await this.#replyClient(where.workspace);
    const respond = responseUrl === undefined ? undefined : respondTo(responseUrl);
    await answerKept(this.#answering, event, { ...where, client, respond }, clicked, true);
  }

  /**
   * Someone joined a channel: the core's welcome, if it has one for them, shown to them alone (ephemeral);
   * where Slack cannot show it there (posting restricted, archived…), in their DM. Bots are not welcomed.
   */
  async #onJoin(join: MemberJoin, client: webApi.WebClient): Promise<void> {
    const { workspace } = join.ref;
    if (await this.#people.isBot(client, workspace, join.userId)) return;
    const { langHint } = await this.#people.lookup(client, workspace, join.userId);
    const welcome = await this.#port.memberJoined({ ...join, langHint });
    if (!welcome) return;
    const to = { workspace, channel: join.ref.roomId, userId: join.userId };
    await whisperOrDirect(client, this.#directChannels, to, renderReply(welcome));
  }

  /** Publishes the person's App Home tab (`token` when the client is not the workspace's own). */
  #publishHome(client: webApi.WebClient, workspace: string | undefined, userId: string, token?: string) {
    const home = { port: this.#port, people: this.#people, defaultTimezone: this.#defaultTimezone };
    return publishHome(home, client, workspace, userId, token);
  }

  /** "Forget me": the caches drop the person, and their Home tab no longer shows what was deleted. */
  async #forget(workspace: string | undefined, userId: string): Promise<void> {
    this.#people.forget(workspace, userId);
    this.#directChannels.forget(workspace, userId);
    try {
      await this.#publishHome(this.#deliveryClient, workspace, userId, await this.#botToken(workspace));
    } catch (error) {
      // The data is gone either way; a stale Home tab refreshes the next time it is opened.
      this.#port.logger.warn({ err: error }, 'slack home not refreshed after forget me');
    }
  }

  /**
   * Runs work after the acknowledgement without holding the listener (Slack's answer waits for the listener
   * over HTTP), in turn with the rest; its failure is logged.
   */
  #inBackground(start: () => Promise<void>): void {
    this.#track(start).catch((error: unknown) =>
      this.#port.logger.error({ err: error }, 'slack listener failed'),
    );
  }

  /** Runs work in turn with the rest, remembered until it ends so `stop` waits for it. */
  async #track(start: () => Promise<void>): Promise<void> {
    const work = this.#turns.run(start);
    this.#inFlight.add(work);
    try {
      await work;
    } finally {
      this.#inFlight.delete(work);
    }
  }
}
