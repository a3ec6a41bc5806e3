/**
 * The pipeline step that measures every turn: messages in and out, latency, FAQ hits and fallbacks, and the
 * dialog funnel, all read from the fixed reply intents so no feature has to report anything itself. The
 * shared counters are added to once per event (src/core/once.ts); Prometheus counters are per process.
 */
import type { Middleware } from '../core/bot.ts';
import type { Reply } from '../core/message.ts';
import { type TurnEvent, turnEvent } from '../core/once.ts';
import type { Activity } from './activity.ts';
import type { DialogFunnel } from './funnel.ts';
import type { Metrics } from './metrics.ts';

const DIALOG_INTENT = /^dialog:([^:]+):(.+)$/;
/** `dialog:<id>:<word>` intents that are not questions of the dialog (listed in docs/intents.md). */
const NOT_STEPS = new Set(['start', 'noted', 'invalid', 'status', 'eligibility', 'export', 'summary']);

/** `dialog:<id>:<word>` → its call and word. */
function dialogIntent(intent: string | undefined): { call: string; step: string } | undefined {
  const match = intent ? DIALOG_INTENT.exec(intent) : null;
  return match ? { call: match[1] as string, step: match[2] as string } : undefined;
}

/** `dialog:<id>:<slot>` (a question) → its call and step. */
function stepIntent(intent: string | undefined): { call: string; step: string } | undefined {
  const dialog = dialogIntent(intent);
  return dialog && !NOT_STEPS.has(dialog.step) ? dialog : undefined;
}

/** Measures each turn; put it right after de-duplication so duplicates are not counted. */
export function observeTurns(metrics: Metrics, funnel: DialogFunnel, activity: Activity): Middleware {
  return async (turn, next) => {
    const platform = turn.message.ref.platform;
    const wasInDialog = turn.state.activeApplication !== undefined;
    // Read before the turn: a feature may replace the state object.
    const previous = stepIntent(turn.state.dialogStep);
    const started = performance.now();
    const event = turnEvent(turn.message);
    try {
      await next();
    } finally {
      metrics.replyLatency.observe({ platform }, (performance.now() - started) / 1000);
      metrics.messagesIn.inc({ platform });
      if (turn.replies.length > 0) metrics.messagesOut.inc({ platform }, turn.replies.length);
    }
    await countAnswers(metrics, activity, turn.replies, event);
    if (!turn.discardState) await followDialog();

    async function followDialog(): Promise<void> {
      const state = turn.state;
      const dialogReplies = turn.replies.map((r) => dialogIntent(r.intent));
      const summary = dialogReplies.find((d) => d?.step === 'summary');
      // A summary shown again later (status of a finished application) is not a second completion.
      if (summary && wasInDialog) {
        metrics.dialogsCompleted.inc({ call: summary.call });
        await funnel.count(summary.call, 'completed', event);
        await activity.dialog(summary.call, 'completed', event);
        const verdict = turn.replies.find((r) => dialogIntent(r.intent)?.step === 'summary')?.data?.verdict;
        for (const [benefit, entry] of Object.entries(
          (verdict ?? {}) as Record<string, { eligible?: unknown }>,
        ))
          if (entry.eligible === true) await activity.eligible(summary.call, benefit, event);
        state.dialogStep = undefined;
        return;
      }
      if (wasInDialog && state.activeApplication === undefined) {
        if (previous) {
          metrics.dialogsAbandoned.inc({ call: previous.call, reason: 'cancelled' });
          await funnel.count(previous.call, 'abandoned', event);
        }
        state.dialogStep = undefined;
        return;
      }
      const start = dialogReplies.find((d) => d?.step === 'start');
      if (start) {
        metrics.dialogsStarted.inc({ call: start.call });
        await funnel.count(start.call, 'started', event);
        await activity.dialog(start.call, 'started', event);
      }
      const asked = turn.replies.findLast((r) => stepIntent(r.intent))?.intent;
      const step = stepIntent(asked);
      if (!asked || !step || asked === state.dialogStep) return;
      metrics.dialogSteps.inc({ call: step.call, step: step.step });
      await funnel.step(step.call, step.step, event);
      state.dialogStep = asked;
    }
  };
}

async function countAnswers(
  metrics: Metrics,
  activity: Activity,
  replies: Reply[],
  event: TurnEvent,
): Promise<void> {
  let answered = 0;
  let fallbacks = 0;
  for (const reply of replies) {
    if (reply.intent.startsWith('faq:')) {
      metrics.faqHits.inc({ entry: reply.intent.slice(4) });
      // A topic list is browsing, not an answer to a question.
      if (reply.intent !== 'faq:topics') answered++;
      // `fallback:<topic>`: the topic is known but the sources do not hold the fact asked for.
    } else if (reply.intent === 'fallback' || reply.intent.startsWith('fallback:')) {
      metrics.fallbacks.inc();
      fallbacks++;
    }
  }
  // The turn's totals in one addition each: the shared counters take one addition per event.
  if (answered > 0) await activity.faq('answered', answered, event);
  if (fallbacks > 0) await activity.faq('fallback', fallbacks, event);
}
