/**
 * What every dialog operation shares: the dialog definitions, the application store, the call files, the
 * ports to optional features, and how a dialog speaks (privately) and saves.
 */

import { dayIn } from '../rules/calendar.ts';
import type { CallDefinition } from '../rules/schema.ts';
import type { Clock } from '../src/core/clock.ts';
import type { Confirmations } from '../src/core/confirmations.ts';
import type { Lang } from '../src/core/i18n.ts';
import type { Reply } from '../src/core/message.ts';
import { turnEvent } from '../src/core/once.ts';
import { normalize } from '../src/core/text.ts';
import type { Turn } from '../src/core/turn.ts';
import type { UserKey, UserRecords } from '../src/store/user-records.ts';
import { choiceIn } from '../src/understanding/choices.ts';
import { type Application, ApplicationStore } from './application.ts';
import type { DialogDefinition } from './definition.ts';
import { dialogsInForce } from './editions.ts';
import { resolveSteps, type Step } from './steps.ts';

/**
 * Steps resolved once per dialog and call file. A turn asks for them a dozen times, and each resolution made new
 * steps and options, so that what is read once per option (its names, in the understanding layer) was read
 * again every time. A reload or a manager's edit brings a new call object, hence new steps; steps are never
 * changed once made.
 */
const RESOLVED = new WeakMap<DialogDefinition, WeakMap<CallDefinition, Step[]>>();

/** The FAQ, as the dialogs use it: answer a question typed in the middle of a step. */
export interface FaqPort {
  /**
   * `callId`: the application in progress, whose topic's entries come first; `step`: the words of the step
   * being answered, so that what the sources say of it is offered when they do not hold the answer.
   */
  search(text: string, lang: Lang, context?: { callId?: string; step?: string }): { confident: boolean };
  /** `callId`: the application in progress, whose contact an "I do not know" gives. */
  replyFor(turn: { lang: Lang; callId?: string }, match: { confident: boolean }): Reply;
}

/** The reminders an application implies, as the dialogs use them. */
export interface ReminderPort {
  offer(turn: Turn, application: Application): Promise<void> | void;
  syncApplication(user: UserKey, application: Application, lang: Lang, timezone: string): Promise<unknown>;
  /** After an answer changed: the reminders follow the answers and verdict, and the person is told of changes. */
  followAnswers(turn: Turn, application: Application): Promise<void>;
  removeApplication(user: UserKey, applicationId: string): Promise<void>;
}

/** What the composition root gives the dialogs. */
export interface DialogDeps {
  records: UserRecords;
  confirmations: Confirmations;
  clock: Clock;
  /** The bot's time zone, for people whose own is unknown. */
  timezone: string;
  calls: { get(id: string): CallDefinition | undefined; list(): CallDefinition[] };
  /** Features that may be absent: looked up at each use. */
  services: () => { faq?: FaqPort; reminders?: ReminderPort };
}

/** The shared parts of the dialog operations (engine, answering, navigation, editing). */
export class DialogContext {
  readonly deps: DialogDeps;
  readonly store: ApplicationStore;
  readonly #shipped: DialogDefinition[];

  constructor(deps: DialogDeps, dialogs: DialogDefinition[]) {
    this.deps = deps;
    this.#shipped = dialogs;
    this.store = new ApplicationStore(deps.records);
  }

  /** The dialogs in force: the shipped ones and those of calls added in the console since (looked up each time). */
  get dialogs(): DialogDefinition[] {
    return dialogsInForce(this.#shipped, this.deps.calls.list());
  }

  /** The dialog of a call id; a missing one is a programming error. */
  dialog(id: string): DialogDefinition {
    const dialog = this.dialogs.find((d) => d.id === id);
    if (!dialog) throw new Error(`no dialog for call ${id}`);
    return dialog;
  }

  /** The call file of a call id; a missing one is a deployment error. */
  call(id: string): CallDefinition {
    const call = this.deps.calls.get(id);
    if (!call) throw new Error(`no call file for ${id}`);
    return call;
  }

  /** A call's name in a language (its id if the call file is gone): how replies name an application. */
  callName(callId: string, lang: Lang): string {
    return this.deps.calls.get(callId)?.name[lang] ?? callId;
  }

  /** The steps of a dialog, resolved against the current call file (reloads take effect at once). */
  steps(dialog: DialogDefinition): Step[] {
    const call = this.call(dialog.id);
    const byCall = RESOLVED.get(dialog) ?? new WeakMap<CallDefinition, Step[]>();
    RESOLVED.set(dialog, byCall);
    let steps = byCall.get(call);
    if (!steps) {
      steps = resolveSteps(dialog, call);
      byCall.set(call, steps);
    }
    return steps;
  }

  /** The steps of an application's dialog. */
  stepsOf(application: Application): Step[] {
    return this.steps(this.dialog(application.callId));
  }

  /** The step being asked, if any (none once the summary was reached). */
  currentStep(application: Application): Step | undefined {
    return this.stepsOf(application).find((s) => s.slot === application.currentSlot);
  }

  /**
   * The step a typed name designates (« date », « le nombre de participants », `event_date`): its slot id,
   * its label in either language or one of its other names, read by meaning like a choice.
   */
  stepNamed(application: Application, typed: string): Step | undefined {
    if (typed.trim() === '') return undefined;
    const steps = this.stepsOf(application);
    const bySlot = steps.find((s) => s.slot === normalize(typed).replace(/\s+/g, '_'));
    if (bySlot) return bySlot;
    const reading = choiceIn(
      typed,
      steps.map((s) => ({ id: s.slot, label: s.label, keywords: s.names })),
    );
    return reading.kind === 'one' ? steps.find((s) => s.slot === reading.id) : undefined;
  }

  /** Dialog replies go to the direct conversation when the message came from a channel: answers are private. */
  say(turn: Turn, reply: Reply): void {
    turn.say(turn.message.ref.isDirect ? reply : { ...reply, toDirect: true });
  }

  /** Saves an application, stamped with the time of the change and the event that made it. */
  async save(turn: Turn, application: Application): Promise<void> {
    application.updatedAt = this.deps.clock.now().toISOString();
    application.lastEvent = turnEvent(turn.message);
    await this.store.save(turn.user, application);
  }

  /** The person's time zone, or the bot's. */
  timezone(turn: Turn): string {
    return turn.timezone(this.deps.timezone);
  }

  /** Today's day (`YYYY-MM-DD`) where the person is: relative dates in answers count from it. */
  today(turn: Turn): string {
    return dayIn(this.deps.clock.now(), this.timezone(turn));
  }
}
