/**
 * The Slack adapter: listens to the slash command, direct messages, mentions, button clicks and the App Home
 * on a Bolt app, runs each through the core, and posts the replies as Block Kit. Slack is acknowledged first,
 * the core works after, so Slack's 3-second limit holds whatever the work behind.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type {
  BlockAction,
  App as BoltApp,
  RespondFn,
  SlashCommand,
  ViewOutput,
  ViewSubmitAction,
  webApi,
} from '@slack/bolt';
import {
  type Adapter,
  type BotPort,
  type Delivery,
  type Lang,
  type MemberJoin,
  type OutgoingReply,
  RetryAfterError,
} from '../../src/core/port.ts';
import { EDIT_VIEW, editMetadata, editModal, submittedValues } from './edit-modal.ts';
import { HOME_ACTION, homeView } from './home-view.ts';
import {
  fromBlockAction,
  fromDirectMessage,
  fromMemberJoined,
  fromMention,
  fromSlashCommand,
  type MappedMessage,
  slackJoinEventSchema,
  slackMessageEventSchema,
} from './incoming.ts';
import { NATIVE_ACTION } from './native-inputs.ts';
import { SlackPeople } from './people.ts';
import { answeredBlocks, renderReply, type SlackMessage } from './render-blocks.ts';
import { WorkLimit } from './work-limit.ts';

/** The slash command declared in `manifest.yml`. */
export const SLASH_COMMAND = '/nec';

/** The actions that answer the question of their message: choices, checkboxes' submit, date, number. */
const ANSWER_ACTIONS = /^nec_(choice|pick_many|submit|date|number)(:|$)/;

/** How long a modal submission may take before Slack's 3 s are at risk: then the outcome goes to the DM. */
const FORM_ACK_BUDGET_MS = 2_000;

/** What `work` resolves with if it does within `ms`, else undefined (the work goes on). */
async function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, ms, undefined);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Replies that are errors of the person's own command: only they need to see them. */
const PRIVATE_INTENTS = new Set(['error', 'forbidden', 'too-long', 'empty', 'rate-limited']);

/**
 * Turns run at once, at most: enough to overlap the Web API's network waits, few enough that a burst of
 * messages leaves the event loop free to acknowledge the next requests at once.
 */
const CONCURRENT_TURNS = 8;

/** Slack errors meaning the bot cannot post there itself (not a member), where a response URL still can. */
const NOT_POSTABLE = new Set(['not_in_channel', 'channel_not_found']);

/** Slack errors meaning an ephemeral message cannot reach the person in that channel: the welcome goes to the DM. */
const NO_EPHEMERAL = new Set([...NOT_POSTABLE, 'restricted_action', 'ekm_access_denied', 'is_archived']);

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
}

/** Where the replies to one incoming message go. */
interface ReplyTarget {
  client: webApi.WebClient;
  workspace?: string;
  userId: string;
  channel: string;
  threadTs?: string;
  /** The response URL of a slash command or click: answers even where the bot is not a member. */
  respond?: RespondFn;
  /** Replies to a slash command keep its errors private. */
  fromCommand: boolean;
}

export class SlackAdapter implements Adapter {
  readonly platform = 'slack' as const;
  readonly #port: BotPort;
  readonly #defaultTimezone: string;
  readonly #bolt: BoltApp;
  readonly #requestedPort: number | undefined;
  readonly #deliveryClient: webApi.WebClient;
  readonly #botToken: SlackAdapterOptions['botToken'];
  readonly #people: SlackPeople;
  /** Direct-message channel ids by workspace and user: conversations.open once per person. */
  readonly #directChannels = new Map<string, string>();
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
    this.#people = new SlackPeople({
      managers: options.managers,
      clock: options.port.clock,
      logger: options.port.logger,
    });
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
   * Posts a reminder or broadcast, with its job id in the message's metadata; a 429 becomes a
   * RetryAfterError carrying Slack's Retry-After. A job in doubt (an earlier post may have reached Slack
   * unanswered) is first looked for in the conversation's recent messages, and posted only if absent.
   */
  async send({ ref, reply, lang, jobId, inDoubt }: Delivery): Promise<void> {
    const token = await this.#botToken(ref.workspace);
    const client = this.#deliveryClient;
    try {
      const channel =
        ref.isDirect && ref.userId && !ref.roomId.startsWith('D')
          ? await this.#directChannel(client, ref.workspace, ref.userId, token)
          : ref.roomId;
      const place = { token, channel, threadTs: ref.threadId };
      if (inDoubt && (await alreadyPosted(client, place, jobId))) {
        this.#port.logger.info({ job: jobId }, 'slack: job in doubt found already posted; not sent again');
        return;
      }
      const message = renderReply({ ...reply, lang });
      await client.chat.postMessage({
        token,
        channel,
        thread_ts: ref.threadId,
        metadata: { event_type: JOB_EVENT, event_payload: { job_id: jobId } },
        ...message,
      });
    } catch (error) {
      throw asRetryAfter(error);
    }
  }

  #listen(): void {
    const bolt = this.#bolt;
    bolt.command(SLASH_COMMAND, async ({ command, ack, client, respond }) => {
      await ack();
      await this.#track(() => this.#onCommand(command, client, respond));
    });
    bolt.event('message', async ({ event, body, client, context }) => {
      const parsed = slackMessageEventSchema.safeParse(event);
      if (!parsed.success || !context.teamId) return;
      const message = fromDirectMessage(parsed.data, context.teamId, body.event_id, this.#port.clock.now());
      if (message) await this.#track(() => this.#converse(message, this.#targetOf(message, client)));
    });
    bolt.event('app_mention', async ({ event, body, client, context }) => {
      const parsed = slackMessageEventSchema.safeParse(event);
      if (!parsed.success || !context.teamId) return;
      const now = this.#port.clock.now();
      const message = fromMention(parsed.data, context.teamId, body.event_id, context.botUserId, now);
      if (message) await this.#track(() => this.#converse(message, this.#targetOf(message, client)));
    });
    bolt.action<BlockAction>(
      { type: 'block_actions', action_id: ANSWER_ACTIONS },
      async ({ ack, body, client, respond }) => {
        await ack();
        await this.#track(() => this.#onClick(body, client, respond));
      },
    );
    bolt.action<BlockAction>(
      { type: 'block_actions', action_id: NATIVE_ACTION.editForm },
      async ({ ack, body, client }) => {
        await ack();
        // The trigger id expires 3 s after the click: the modal opens at once, not in turn with the rest.
        await this.#openEditForm(body, client).catch((error) =>
          this.#port.logger.warn({ err: error }, 'slack edit form not opened'),
        );
      },
    );
    bolt.action<BlockAction>(
      { type: 'block_actions', action_id: new RegExp(`^${HOME_ACTION}:`) },
      async ({ ack, body, client }) => {
        await ack();
        await this.#track(() => this.#onHomeCommand(body, client));
      },
    );
    bolt.view<ViewSubmitAction>(EDIT_VIEW, async ({ ack, body, view, client }) => {
      await this.#onFormSubmitted(body, view, client, ack);
    });
    bolt.event('member_joined_channel', async ({ event, body, client, context }) => {
      const parsed = slackJoinEventSchema.safeParse(event);
      if (!parsed.success || !context.teamId) return;
      const now = this.#port.clock.now();
      const join = fromMemberJoined(parsed.data, context.teamId, body.event_id, context.botUserId, now);
      if (join) await this.#track(() => this.#onJoin(join, client));
    });
    bolt.event('app_home_opened', async ({ event, client, context }) => {
      if (event.tab === 'home') await this.#publishHome(client, context.teamId, event.user);
    });
    bolt.error(async (error) => {
      this.#port.logger.error({ err: error }, 'slack listener failed');
    });
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
    const rendered = renderReply(welcome);
    try {
      await afterRateLimits(() =>
        client.chat.postEphemeral({ channel: join.ref.roomId, user: join.userId, ...rendered }),
      );
    } catch (error) {
      if (!NO_EPHEMERAL.has(slackErrorCode(error) ?? '')) throw error;
      const dm = await this.#directChannel(client, workspace, join.userId);
      await afterRateLimits(() => client.chat.postMessage({ channel: dm, ...rendered }));
    }
  }

  /** Publishes the person's App Home tab (`token` when the client is not the workspace's own). */
  async #publishHome(
    client: webApi.WebClient,
    workspace: string | undefined,
    userId: string,
    token?: string,
  ): Promise<void> {
    const person = await this.#people.lookup(client, workspace, userId);
    const request = {
      platform: 'slack' as const,
      workspace,
      userId,
      lang: await this.#langOf(workspace, userId),
      timezone: person.timezone ?? this.#defaultTimezone,
      isManager: person.isManager,
    };
    const view = homeView(await this.#port.overview(request), request);
    await client.views.publish({ user_id: userId, view, token });
  }

  /** "Forget me": the caches drop the person, and their Home tab no longer shows what was deleted. */
  async #forget(workspace: string | undefined, userId: string): Promise<void> {
    this.#people.forget(workspace, userId);
    this.#directChannels.delete(`${workspace ?? '-'}:${userId}`);
    try {
      await this.#publishHome(this.#deliveryClient, workspace, userId, await this.#botToken(workspace));
    } catch (error) {
      // The data is gone either way; a stale Home tab refreshes the next time it is opened.
      this.#port.logger.warn({ err: error }, 'slack home not refreshed after forget me');
    }
  }

  /** Runs work after the acknowledgement, in turn with the rest, remembered until it ends so `stop` waits for it. */
  async #track(start: () => Promise<void>): Promise<void> {
    const work = this.#turns.run(start);
    this.#inFlight.add(work);
    try {
      await work;
    } finally {
      this.#inFlight.delete(work);
    }
  }

  #targetOf(message: MappedMessage, client: webApi.WebClient, respond?: RespondFn): ReplyTarget {
    return {
      client,
      workspace: message.ref.workspace,
      userId: message.userId,
      channel: message.ref.roomId,
      threadTs: message.ref.threadId,
      respond,
      fromCommand: false,
    };
  }

  async #onCommand(command: SlashCommand, client: webApi.WebClient, respond: RespondFn): Promise<void> {
    const message = fromSlashCommand(command, this.#port.clock.now());
    await this.#converse(message, { ...this.#targetOf(message, client, respond), fromCommand: true });
  }

  async #onClick(body: BlockAction, client: webApi.WebClient, respond: RespondFn): Promise<void> {
    const clicked = fromBlockAction(body, this.#port.clock.now());
    if (!clicked) return;
    const { message } = clicked;
    // The buttons go first, so a second click cannot answer the same question twice.
    if (body.message) {
      const lang = await this.#langOf(message.ref.workspace, message.userId);
      const update = {
        text: body.message.text ?? '',
        blocks: answeredBlocks(body.message.blocks ?? [], clicked.label, lang),
      };
      if (body.container.is_ephemeral === true) await respond({ replace_original: true, ...update });
      else await client.chat.update({ channel: message.ref.roomId, ts: body.message.ts, ...update });
    }
    await this.#converse(message, this.#targetOf(message, client, respond));
  }

  /** « Modifier ma candidature »: the application's form as a modal. */
  async #openEditForm(body: BlockAction, client: webApi.WebClient): Promise<void> {
    const action = body.actions[0];
    const application = action?.type === 'button' ? action.value : undefined;
    if (!application) return;
    const workspace = body.team?.id ?? body.user.team_id;
    const person = { platform: 'slack' as const, workspace, userId: body.user.id };
    const form = await this.#port.applicationForm(person, application);
    if (!form) return;
    const dm = await this.#directChannel(client, workspace, body.user.id);
    await client.views.open({ trigger_id: body.trigger_id, view: editModal(form, dm) });
  }

  /**
   * A submitted modal: checked and saved by the core, its refused fields shown beside their inputs. Slack
   * waits 3 s for the answer; past FORM_ACK_BUDGET_MS the modal closes and the outcome comes in the DM.
   */
  async #onFormSubmitted(
    body: ViewSubmitAction,
    view: ViewOutput,
    client: webApi.WebClient,
    ack: (response?: { response_action: 'errors'; errors: Record<string, string> }) => Promise<void>,
  ): Promise<void> {
    const metadata = editMetadata(view.private_metadata);
    if (!metadata) return ack();
    const workspace = body.team?.id ?? body.user.team_id;
    const userId = body.user.id;
    const ref = { platform: 'slack' as const, workspace, roomId: metadata.channel, userId, isDirect: true };
    const submitted = (async () => {
      const person = await this.#people.lookup(client, workspace, userId);
      return this.#port.submitForm({
        ref,
        userId,
        userName: body.user.name,
        text: '',
        form: { applicationId: metadata.application, values: submittedValues(view.state.values) },
        eventId: `view:${view.id}:${view.hash}`,
        timestamp: this.#port.clock.now(),
        ...person,
      });
    })();
    const inTime = await within(submitted, FORM_ACK_BUDGET_MS);
    if (inTime?.errors) return ack({ response_action: 'errors', errors: inTime.errors });
    await ack();
    await this.#track(async () => {
      const { replies } = inTime ?? (await submitted);
      const target = { client, workspace, userId, channel: metadata.channel, fromCommand: false };
      for (const reply of replies) await this.#deliver(reply, target);
    });
  }

  /** A Home button: the command it stands for, as if typed in the person's DM. */
  async #onHomeCommand(body: BlockAction, client: webApi.WebClient): Promise<void> {
    const action = body.actions[0];
    const text = action?.type === 'button' ? action.value : undefined;
    if (!text) return;
    const workspace = body.team?.id ?? body.user.team_id;
    const userId = body.user.id;
    const dm = await this.#directChannel(client, workspace, userId);
    const ref = { platform: 'slack' as const, workspace, roomId: dm, userId, isDirect: true };
    const message = {
      ref,
      userId,
      text,
      eventId: `action:${action?.action_ts}`,
      timestamp: this.#port.clock.now(),
    };
    await this.#converse(message, { client, workspace, userId, channel: dm, fromCommand: false });
  }

  /** One message through the core, with the person's role and time zone, then every reply delivered. */
  async #converse(message: MappedMessage, target: ReplyTarget): Promise<void> {
    const person = await this.#people.lookup(target.client, message.ref.workspace, message.userId);
    const replies = await this.#port.handle({ ...message, ...person });
    for (const reply of replies) await this.#deliver(reply, target);
  }

  async #deliver(reply: OutgoingReply, target: ReplyTarget): Promise<void> {
    const rendered = renderReply(reply);
    const { client } = target;
    if (reply.toDirect || reply.attachments?.length) {
      const dm = await this.#directChannel(client, target.workspace, target.userId);
      const destination = reply.toDirect
        ? { ...target, channel: dm, threadTs: undefined, respond: undefined }
        : target;
      if (reply.text.trim() || reply.choices?.length) await this.#post(destination, rendered);
      for (const file of reply.attachments ?? []) {
        await client.files.uploadV2({
          channel_id: dm,
          file: Buffer.from(file.content, 'utf8'),
          filename: file.filename,
          title: file.filename,
        });
      }
      return;
    }
    if (reply.ephemeral || (target.fromCommand && PRIVATE_INTENTS.has(reply.intent))) {
      if (target.respond) await target.respond({ response_type: 'ephemeral', ...rendered });
      else
        await client.chat.postEphemeral({
          channel: target.channel,
          user: target.userId,
          thread_ts: target.threadTs,
          ...rendered,
        });
      return;
    }
    await this.#post(target, rendered);
  }

  /** Posts as the bot; where it is not a member, a command's response URL posts in its name instead. */
  async #post(target: ReplyTarget, message: SlackMessage): Promise<void> {
    try {
      await afterRateLimits(() =>
        target.client.chat.postMessage({ channel: target.channel, thread_ts: target.threadTs, ...message }),
      );
    } catch (error) {
      if (!target.respond || !NOT_POSTABLE.has(slackErrorCode(error) ?? '')) throw error;
      await target.respond({ response_type: 'in_channel', ...message });
    }
  }

  async #directChannel(
    client: webApi.WebClient,
    workspace: string | undefined,
    userId: string,
    token?: string,
  ): Promise<string> {
    const key = `${workspace ?? '-'}:${userId}`;
    const known = this.#directChannels.get(key);
    if (known) return known;
    const opened = await client.conversations.open({ users: userId, token });
    const id = opened.channel?.id;
    if (!id) throw new Error(`slack conversations.open returned no channel for ${userId}`);
    this.#directChannels.set(key, id);
    return id;
  }

  /** The person's language as the core last settled it, for the labels the renderer adds. */
  #langOf(workspace: string | undefined, userId: string): Promise<Lang> {
    return this.#port.languageOf({ platform: 'slack', workspace, userId });
  }
}

/** The `error` field of a Slack Web API error response, if the error is one. */
function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

/** The metadata event type that carries a scheduled message's job id. */
const JOB_EVENT = 'nec_job';
/** Recent messages a job in doubt is looked for in: it was posted within minutes, at most a few hundred ago. */
const HISTORY_LOOKBACK = 200;
/** How often a reply refused with a 429 is tried again (a 429 means nothing was posted). */
const REPLY_RATE_LIMIT_RETRIES = 2;

/** Whether a message carrying `jobId` in its metadata is among the recent ones of the channel (or thread). */
async function alreadyPosted(
  client: webApi.WebClient,
  { token, channel, threadTs }: { token: string; channel: string; threadTs?: string },
  jobId: string,
): Promise<boolean> {
  const query = { token, channel, limit: HISTORY_LOOKBACK, include_all_metadata: true };
  const page = threadTs
    ? await client.conversations.replies({ ...query, ts: threadTs })
    : await client.conversations.history(query);
  return (page.messages ?? []).some((m) => {
    const metadata = (m as { metadata?: { event_type?: string; event_payload?: { job_id?: unknown } } })
      .metadata;
    return metadata?.event_type === JOB_EVENT && metadata.event_payload?.job_id === jobId;
  });
}

/** Runs a post, waiting out and retrying a 429 (nothing was posted); any other failure is the caller's. */
async function afterRateLimits<T>(post: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await post();
    } catch (error) {
      const retryAfter = (error as { retryAfter?: unknown } | null)?.retryAfter;
      if (typeof retryAfter !== 'number' || attempt >= REPLY_RATE_LIMIT_RETRIES) throw error;
      await sleep(Math.min(retryAfter, 30) * 1000);
    }
  }
}

/** Slack's 429 (the client rejects rate-limited calls) as the scheduler's RetryAfterError; others unchanged. */
function asRetryAfter(error: unknown): unknown {
  const retryAfter = (error as { retryAfter?: unknown } | null)?.retryAfter;
  return typeof retryAfter === 'number'
    ? new RetryAfterError(retryAfter * 1000, (error as Error).message)
    : error;
}
