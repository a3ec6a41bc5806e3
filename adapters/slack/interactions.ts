/**
 * The Slack adapter's interactive parts: a click that answers a question, the « Modifier ma candidature »
 * modal (opened, then submitted), and the App Home's buttons. Each that makes a turn is kept in the inbox
 * before it is acknowledged (a process killed after acknowledging it leaves it to the next one); the turn
 * runs after, in turn with the conversation's. Opening the modal only reads: acknowledged at once.
 */
import type {
  BlockAction,
  App as BoltApp,
  RespondFn,
  types,
  ViewOutput,
  ViewSubmitAction,
  webApi,
} from '@slack/bolt';
import type { BotPort, KeptEvent, OutgoingReply } from '../../src/core/port.ts';
import { EDIT_VIEW, editMetadata, editModal, submittedValues } from './edit-modal.ts';
import { HOME_ACTION } from './home-view.ts';
import { type ClickedAnswer, fromBlockAction, type MappedMessage } from './incoming.ts';
import { NATIVE_ACTION } from './native-inputs.ts';
import type { SlackPeople } from './people.ts';
import { answeredBlocks } from './render-blocks.ts';
import { type DirectChannels, type ReplyTarget, replyTargetOf } from './replies.ts';
import type { Receiving } from './slack-adapter.ts';

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

/** What the interactions use of the adapter. */
export interface InteractionContext {
  port: BotPort;
  people: SlackPeople;
  directChannels: DirectChannels;
  /** Keeps `message`, then acknowledges it, then answers it in turn (`SlackAdapter.receive`). */
  receive(message: MappedMessage, target: ReplyTarget, receiving: Receiving): Promise<void>;
  /** Keeps `message` in the inbox with where its replies go; undefined for a duplicate. */
  keep(message: MappedMessage, target: ReplyTarget): Promise<KeptEvent | undefined>;
  /** Posts the replies to a kept event, marked with their event and place. */
  deliver(event: KeptEvent, replies: readonly OutgoingReply[], target: ReplyTarget): Promise<void>;
  /** Runs work after the acknowledgement, in turn with the rest; `stop` waits for it. */
  inBackground(work: () => Promise<void>): void;
}

/** Registers the listeners of clicks, the edit modal and the Home buttons on `bolt`. */
export function listenToInteractions(bolt: BoltApp, context: InteractionContext): void {
  const { port } = context;
  bolt.action<BlockAction>(
    { type: 'block_actions', action_id: ANSWER_ACTIONS },
    async ({ ack, body, client }) => {
      const clicked = fromBlockAction(body, context.port.clock.now());
      if (!clicked) return ack();
      const target = replyTargetOf(clicked.message, client, body.response_url);
      // The buttons are shown answered before the turn, by whichever process answers the click.
      const receiving = { ack, responseUrl: body.response_url, clicked: clickedMessage(body, clicked) };
      await context.receive(clicked.message, target, receiving);
    },
  );
  bolt.action<BlockAction>(
    { type: 'block_actions', action_id: NATIVE_ACTION.editForm },
    async ({ ack, body, client }) => {
      await ack();
      // The trigger id expires 3 s after the click: the modal opens at once, not in turn with the rest.
      void openEditForm(context, body, client).catch((error) =>
        port.logger.warn({ err: error }, 'slack edit form not opened'),
      );
    },
  );
  bolt.action<BlockAction>(
    { type: 'block_actions', action_id: new RegExp(`^${HOME_ACTION}:`) },
    async ({ ack, body, client }) => {
      const command = await homeCommand(context, body, client);
      if (!command) return ack();
      await context.receive(command.message, command.target, { ack });
    },
  );
  bolt.view<ViewSubmitAction>(EDIT_VIEW, async ({ ack, body, view, client }) => {
    await onFormSubmitted(context, body, view, client, ack);
  });
}

/**
 * A clicked message, as kept with the click: what showing it answered needs, so that a process taking the
 * click over from a dead one shows it too.
 */
export interface ClickedMessage {
  ts: string;
  text: string;
  blocks: types.KnownBlock[];
  /** What was picked, shown in place of the buttons. */
  label: string;
  ephemeral: boolean;
}

function clickedMessage(body: BlockAction, { label }: ClickedAnswer): ClickedMessage | undefined {
  if (!body.message) return undefined;
  const { ts, text, blocks } = body.message;
  return {
    ts,
    text: text ?? '',
    blocks: blocks ?? [],
    label,
    ephemeral: body.container.is_ephemeral === true,
  };
}

/**
 * The clicked message's buttons replaced by what was picked, so a second click cannot answer again. Safe to
 * repeat: the same update gives the same message.
 */
export async function showAnswered(
  port: BotPort,
  clicked: ClickedMessage,
  message: MappedMessage,
  client: webApi.WebClient,
  respond: RespondFn | undefined,
): Promise<void> {
  const { workspace } = message.ref;
  const lang = await port.languageOf({ platform: 'slack', workspace, userId: message.userId });
  const update = { text: clicked.text, blocks: answeredBlocks(clicked.blocks, clicked.label, lang) };
  if (clicked.ephemeral) await respond?.({ replace_original: true, ...update });
  else await client.chat.update({ channel: message.ref.roomId, ts: clicked.ts, ...update });
}

/** « Modifier ma candidature »: the application's form as a modal. */
async function openEditForm(
  { port, directChannels }: InteractionContext,
  body: BlockAction,
  client: webApi.WebClient,
): Promise<void> {
  const action = body.actions[0];
  const application = action?.type === 'button' ? action.value : undefined;
  if (!application) return;
  const workspace = body.team?.id ?? body.user.team_id;
  const person = { platform: 'slack' as const, workspace, userId: body.user.id };
  const form = await port.applicationForm(person, application);
  if (!form) return;
  const dm = await directChannels.of(client, workspace, body.user.id);
  await client.views.open({ trigger_id: body.trigger_id, view: editModal(form, dm) });
}

/**
 * A submitted modal: kept, then checked and saved by the core, its refused fields shown beside their inputs.
 * Slack waits 3 s for the answer; past FORM_ACK_BUDGET_MS the modal closes and the outcome comes in the DM.
 */
async function onFormSubmitted(
  context: InteractionContext,
  body: ViewSubmitAction,
  view: ViewOutput,
  client: webApi.WebClient,
  ack: (response?: { response_action: 'errors'; errors: Record<string, string> }) => Promise<void>,
): Promise<void> {
  const { port, people } = context;
  const metadata = editMetadata(view.private_metadata);
  if (!metadata) return ack();
  const workspace = body.team?.id ?? body.user.team_id;
  const userId = body.user.id;
  const ref = { platform: 'slack' as const, workspace, roomId: metadata.channel, userId, isDirect: true };
  const form = { applicationId: metadata.application, values: submittedValues(view.state.values) };
  const message: MappedMessage = {
    ref,
    userId,
    userName: body.user.name,
    text: '',
    form,
    eventId: `view:${view.id}:${view.hash}`,
    timestamp: port.clock.now(),
  };
  const target = { client, workspace, userId, channel: metadata.channel, fromCommand: false };
  const kept = await context.keep(message, target);
  if (!kept) return ack();
  let handedOver = false;
  try {
    const submitted = (async () => {
      const person = await people.lookup(client, workspace, userId);
      return port.submitForm({ ...kept.message, form, ...person });
    })();
    const inTime = await within(submitted, FORM_ACK_BUDGET_MS);
    if (inTime?.errors) return await ack({ response_action: 'errors', errors: inTime.errors });
    await ack();
    handedOver = true;
    context.inBackground(async () => {
      try {
        const { replies } = inTime ?? (await submitted);
        await context.deliver(kept, replies, target);
      } finally {
        await kept.done();
      }
    });
  } finally {
    if (!handedOver) await kept.done();
  }
}

/** A Home button: the command it stands for, as if typed in the person's DM (opened first: its replies go there). */
async function homeCommand(
  context: InteractionContext,
  body: BlockAction,
  client: webApi.WebClient,
): Promise<{ message: MappedMessage; target: ReplyTarget } | undefined> {
  const action = body.actions[0];
  const text = action?.type === 'button' ? action.value : undefined;
  if (!text) return undefined;
  const workspace = body.team?.id ?? body.user.team_id;
  const userId = body.user.id;
  const dm = await context.directChannels.of(client, workspace, userId);
  const ref = { platform: 'slack' as const, workspace, roomId: dm, userId, isDirect: true };
  const message = {
    ref,
    userId,
    text,
    eventId: `action:${action?.action_ts}`,
    timestamp: context.port.clock.now(),
  };
  return { message, target: { client, workspace, userId, channel: dm, fromCommand: false } };
}
