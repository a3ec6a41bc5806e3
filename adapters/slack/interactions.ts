/**
 * The Slack adapter's interactive parts: a click that answers a question, the « Modifier ma candidature »
 * modal (opened, then submitted), and the App Home's buttons. Each is acknowledged first; the work runs after,
 * in turn with the conversation's (the adapter's `inBackground`).
 */
import type {
  BlockAction,
  App as BoltApp,
  RespondFn,
  ViewOutput,
  ViewSubmitAction,
  webApi,
} from '@slack/bolt';
import type { BotPort, Lang } from '../../src/core/port.ts';
import { EDIT_VIEW, editMetadata, editModal, submittedValues } from './edit-modal.ts';
import { HOME_ACTION } from './home-view.ts';
import { fromBlockAction, type MappedMessage } from './incoming.ts';
import { NATIVE_ACTION } from './native-inputs.ts';
import type { SlackPeople } from './people.ts';
import { answeredBlocks } from './render-blocks.ts';
import { type DirectChannels, deliverReply, type ReplyTarget, replyTargetOf } from './replies.ts';

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
  /** One message through the core, its replies delivered to `target`. */
  converse(message: MappedMessage, target: ReplyTarget): Promise<void>;
  /** Runs work after the acknowledgement, in turn with the rest; `stop` waits for it. */
  inBackground(work: () => Promise<void>): void;
}

/** Registers the listeners of clicks, the edit modal and the Home buttons on `bolt`. */
export function listenToInteractions(bolt: BoltApp, context: InteractionContext): void {
  const { port } = context;
  bolt.action<BlockAction>(
    { type: 'block_actions', action_id: ANSWER_ACTIONS },
    async ({ ack, body, client, respond }) => {
      await ack();
      context.inBackground(() => onClick(context, body, client, respond));
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
      await ack();
      context.inBackground(() => onHomeCommand(context, body, client));
    },
  );
  bolt.view<ViewSubmitAction>(EDIT_VIEW, async ({ ack, body, view, client }) => {
    await onFormSubmitted(context, body, view, client, ack);
  });
}

function langOf({ port }: InteractionContext, workspace: string | undefined, userId: string): Promise<Lang> {
  return port.languageOf({ platform: 'slack', workspace, userId });
}

async function onClick(
  context: InteractionContext,
  body: BlockAction,
  client: webApi.WebClient,
  respond: RespondFn,
): Promise<void> {
  const clicked = fromBlockAction(body, context.port.clock.now());
  if (!clicked) return;
  const { message } = clicked;
  // The buttons go first, so a second click cannot answer the same question twice.
  if (body.message) {
    const lang = await langOf(context, message.ref.workspace, message.userId);
    const update = {
      text: body.message.text ?? '',
      blocks: answeredBlocks(body.message.blocks ?? [], clicked.label, lang),
    };
    if (body.container.is_ephemeral === true) await respond({ replace_original: true, ...update });
    else await client.chat.update({ channel: message.ref.roomId, ts: body.message.ts, ...update });
  }
  await context.converse(message, replyTargetOf(message, client, respond));
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
 * A submitted modal: checked and saved by the core, its refused fields shown beside their inputs. Slack
 * waits 3 s for the answer; past FORM_ACK_BUDGET_MS the modal closes and the outcome comes in the DM.
 */
async function onFormSubmitted(
  context: InteractionContext,
  body: ViewSubmitAction,
  view: ViewOutput,
  client: webApi.WebClient,
  ack: (response?: { response_action: 'errors'; errors: Record<string, string> }) => Promise<void>,
): Promise<void> {
  const { port, people, directChannels } = context;
  const metadata = editMetadata(view.private_metadata);
  if (!metadata) return ack();
  const workspace = body.team?.id ?? body.user.team_id;
  const userId = body.user.id;
  const ref = { platform: 'slack' as const, workspace, roomId: metadata.channel, userId, isDirect: true };
  const submitted = (async () => {
    const person = await people.lookup(client, workspace, userId);
    return port.submitForm({
      ref,
      userId,
      userName: body.user.name,
      text: '',
      form: { applicationId: metadata.application, values: submittedValues(view.state.values) },
      eventId: `view:${view.id}:${view.hash}`,
      timestamp: port.clock.now(),
      ...person,
    });
  })();
  const inTime = await within(submitted, FORM_ACK_BUDGET_MS);
  if (inTime?.errors) return ack({ response_action: 'errors', errors: inTime.errors });
  await ack();
  context.inBackground(async () => {
    const { replies } = inTime ?? (await submitted);
    const target = { client, workspace, userId, channel: metadata.channel, fromCommand: false };
    for (const reply of replies) await deliverReply(reply, target, directChannels);
  });
}

/** A Home button: the command it stands for, as if typed in the person's DM. */
async function onHomeCommand(
  context: InteractionContext,
  body: BlockAction,
  client: webApi.WebClient,
): Promise<void> {
  const action = body.actions[0];
  const text = action?.type === 'button' ? action.value : undefined;
  if (!text) return;
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
  await context.converse(message, { client, workspace, userId, channel: dm, fromCommand: false });
}
