/**
 * The Prometheus metrics of one running bot (prom-client), on a registry of its own so several apps (tests,
 * benchmarks) never clash. The core's pipeline feeds the message metrics; the scheduler and the platform
 * adapters increment their counters through `app.metrics`.
 */
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** Latency buckets in seconds: the core answers in milliseconds, Slack gives up after 3 s. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 3];

export class Metrics {
  readonly registry = new Registry();
  /** Messages the core handled (duplicates excluded), per platform. */
  readonly messagesIn: Counter<'platform'>;
  /** Replies the core produced, per platform. */
  readonly messagesOut: Counter<'platform'>;
  /** Time the pipeline took for one message, per platform. */
  readonly replyLatency: Histogram<'platform'>;
  /** FAQ answers given, per entry. */
  readonly faqHits: Counter<'entry'>;
  /** Messages the bot could not place ("I did not understand"). */
  readonly fallbacks: Counter;
  readonly dialogsStarted: Counter<'call'>;
  readonly dialogsCompleted: Counter<'call'>;
  /** Dialogs left before their summary: `reason` is `cancelled` (the user stopped) or `expired` (TTL). */
  readonly dialogsAbandoned: Counter<'call' | 'reason'>;
  /** Dialog steps reached (each step counted once per pass): the completion funnel. */
  readonly dialogSteps: Counter<'call' | 'step'>;
  readonly remindersScheduled: Counter<'kind'>;
  readonly remindersDelivered: Counter<'kind'>;
  /** Reminders delivered after their due time (the bot was down or the platform slow). */
  readonly remindersLate: Counter<'kind'>;
  readonly remindersFailed: Counter<'kind'>;
  /** Times an adapter waited because the platform said "slow down" (HTTP 429, M_LIMIT_EXCEEDED). */
  readonly platformRateLimitWaits: Counter<'platform'>;
  /** Platform events dropped because they were already handled (Slack retries, Matrix duplicates). */
  readonly duplicateEvents: Counter<'platform'>;
  /** Messages held back by the per-user rate limit. */
  readonly userRateLimited: Counter<'platform'>;
  #processMetrics = false;

  constructor() {
    const registers = [this.registry];
    const counter = <L extends string>(name: string, help: string, labelNames: L[]) =>
      new Counter<L>({ name: `nec_${name}`, help, labelNames, registers });
    this.messagesIn = counter('messages_received_total', 'Messages handled by the core', ['platform']);
    this.messagesOut = counter('messages_sent_total', 'Replies produced by the core', ['platform']);
    this.replyLatency = new Histogram({
      name: 'nec_reply_latency_seconds',
      help: 'Time from a message entering the pipeline to its replies being ready',
      labelNames: ['platform'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.faqHits = counter('faq_answers_total', 'FAQ answers given, per entry', ['entry']);
    this.fallbacks = counter('fallbacks_total', 'Messages the bot did not understand', []);
    this.dialogsStarted = counter('dialogs_started_total', 'Application dialogs started', ['call']);
    this.dialogsCompleted = counter(
      'dialogs_completed_total',
      'Application dialogs that reached their summary',
      ['call'],
    );
    this.dialogsAbandoned = counter('dialogs_abandoned_total', 'Application dialogs left unfinished', [
      'call',
      'reason',
    ]);
    this.dialogSteps = counter('dialog_steps_total', 'Dialog steps reached (completion funnel)', [
      'call',
      'step',
    ]);
    this.remindersScheduled = counter('reminders_scheduled_total', 'Reminders scheduled', ['kind']);
    this.remindersDelivered = counter('reminders_delivered_total', 'Reminders delivered', ['kind']);
    this.remindersLate = counter('reminders_late_total', 'Reminders delivered after their due time', [
      'kind',
    ]);
    this.remindersFailed = counter('reminders_failed_total', 'Reminders that could not be delivered', [
      'kind',
    ]);
    this.platformRateLimitWaits = counter(
      'platform_rate_limit_waits_total',
      'Waits imposed by a platform rate limit',
      ['platform'],
    );
    this.duplicateEvents = counter('duplicate_events_total', 'Platform events dropped as duplicates', [
      'platform',
    ]);
    this.userRateLimited = counter(
      'user_rate_limited_total',
      'Messages held back by the per-user rate limit',
      ['platform'],
    );
  }

  /** Adds the process metrics (memory, CPU, event loop); only a served bot needs them, so it is opt-in. */
  collectProcessMetrics(): void {
    if (this.#processMetrics) return;
    this.#processMetrics = true;
    collectDefaultMetrics({ register: this.registry, prefix: 'nec_' });
  }

  /** The Prometheus text exposition. */
  render(): Promise<string> {
    return this.registry.metrics();
  }
}
