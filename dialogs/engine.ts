/**
 * The dialog engine: one set of operations for every dialog (start, answer, back, skip, edit, status,
 * cancel, help, open, delete), each reading the application from the store and saving it before replying,
 * so a restart or a pause of days resumes at the same step. The operations live in modules by job
 * (`progress.ts` navigation, `answering.ts` answers, `asides.ts` what is not an answer, `corrections.ts`
 * corrections, `editing.ts` edits and removals); this is their face.
 */

import { callStatus, renderStatus } from '../rules/index.ts';
import type { CallDefinition } from '../rules/schema.ts';
import type { Lang, Localized } from '../src/core/i18n.ts';
import { listOf } from '../src/core/lists.ts';
import type { ConversationRef } from '../src/core/message.ts';
import { turnEvent } from '../src/core/once.ts';
import type { ApplicationInProgress } from '../src/core/situation.ts';
import { normalize } from '../src/core/text.ts';
import type { Turn } from '../src/core/turn.ts';
import { readsAsQuestion } from '../src/understanding/questions.ts';
import { answer } from './answering.ts';
import type { Application, ApplicationStore } from './application.ts';
import { CLOSED_CALL_ACTION, closedCallQuestion, registerClosedCall } from './closed-call.ts';
import { DialogContext, type DialogDeps } from './context.ts';
import {
  CLAIMS,
  type DialogDefinition,
  DOING,
  HABIT,
  PLANS,
  WANTS,
  WANTS_OTHER_ACTION,
} from './definition.ts';
import { cancel, confirmDelete, edit, registerRemovals } from './editing.ts';
import { factsIn, partialFactsIn } from './facts.ts';
import { doubtedInOpening, withoutDoubted } from './opening-doubts.ts';
import { ask, back, registerSkipOffer, showStatus, showSummary, skip } from './progress.ts';
import { answersSaid, partsSaid, stepReply } from './render.ts';
import { SKIP_OFFER_ACTION } from './skip-offer.ts';
import { exampleOf } from './step-example.ts';
import { nextStep, progress, type Step } from './steps.ts';

const NO_ACTIVE: Localized = {
  fr: 'Aucune candidature n’est en cours. Écrivez « candidater » pour en commencer une, ou « candidatures » pour voir les vôtres.',
  en: 'No application is in progress. Type “apply” to start one, or “applications” to see yours.',
};

export class DialogEngine {
  readonly store: ApplicationStore;
  readonly #ctx: DialogContext;

  constructor(deps: DialogDeps, dialogs: DialogDefinition[]) {
    this.#ctx = new DialogContext(deps, dialogs);
    this.store = this.#ctx.store;
    registerRemovals(this.#ctx);
    registerSkipOffer(this.#ctx, SKIP_OFFER_ACTION);
    registerClosedCall(this.#ctx, (turn, dialog, opening) => this.start(turn, dialog, opening, true));
  }

  /**
   * The dialog a free-text message asks to start, if any: it names the dialog and says the person wants to do
   * it (`je veux organiser un NEC local`), is doing it (« nous organisons… », not as a question), or states
   * facts of the application as one does to start it (« pour le défraiement : on n'est jamais venus, et on
   * ira à Paris »).
   */
  dialogForPhrase(turn: Turn): DialogDefinition | undefined {
    const text = turn.message.text;
    const typed = normalize(text);
    // « je voudrais savoir comment organiser un NEC local » asks how: the FAQ answers it.
    if (/\b(savoir|comment|know|how)\b/.test(typed)) return undefined;
    if (WANTS_OTHER_ACTION.test(typed)) return undefined;
    const named = this.dialogs.filter((d) => d.startPhrases.some((p) => p.test(typed)));
    if (named.length === 0) return undefined;
    // Two editions of one call share its phrases: the one open today is meant.
    const meant = this.#openOf(named) as DialogDefinition;
    const claims = CLAIMS.test(typed) && !/\b(?:combien|how much|how many|montant|amount)\b/.test(typed);
    const told = sentencesOf(text).filter((sentence) => !readsAsQuestion(sentence));
    if (WANTS.test(typed) || claims) return meant;
    // « nous organisons déjà un NEC local tous les ans », "we run one every year": a habit, not an application.
    if (
      (DOING.test(typed) && !readsAsQuestion(text)) ||
      told.some((sentence) => PLANS.test(normalize(sentence)))
    )
      return HABIT.test(typed) ? undefined : meant;
    // « Bonjour, est-ce ouvert aux entreprises ? On est une SARL. »: a question about the call, its facts said after.
    if (told.length < sentencesOf(text).length) return undefined;
    const today = this.#ctx.today(turn);
    return [meant, ...named].find(
      (d) => Object.keys(factsIn(text, this.#ctx.steps(d), {}, today)).length >= 2,
    );
  }

  /**
   * The dialog named by an id or words typed after `apply`: the longest id they hold (`local-nec-2027`), else
   * the longest other name of a call (« nec local », « NEC-ESS », "MEAE"), else its start phrases (« pour
   * organiser un NEC local »). Two editions of one call share their names: the one open today is meant.
   */
  dialogNamed(text: string): DialogDefinition | undefined {
    const typed = normalize(text).replace(/\s+/g, '-');
    const held = this.dialogs.filter((d) => typed.includes(d.id));
    const byId = held.find((d) => d.id === typed) ?? held.sort((a, b) => b.id.length - a.id.length)[0];
    if (byId) return byId;
    const words = ` ${normalize(text)
      .replace(/[^a-z0-9]+/g, ' ')
      .trim()} `;
    const longest = (d: DialogDefinition) =>
      Math.max(0, ...d.names.filter((name) => words.includes(` ${name} `)).map((name) => name.length));
    const best = Math.max(0, ...this.dialogs.map(longest));
    const named =
      best > 0
        ? this.dialogs.filter((d) => longest(d) === best)
        : this.dialogs.filter((d) => d.startPhrases.some((p) => p.test(normalize(text))));
    return this.#openOf(named);
  }

  /** Of dialogs named alike (editions of one call), the one whose call is open today, else the first. */
  #openOf(named: DialogDefinition[]): DialogDefinition | undefined {
    const { clock, timezone } = this.#ctx.deps;
    return (
      named.find((d) => callStatus(this.#ctx.call(d.id), clock.now(), timezone).state === 'open') ?? named[0]
    );
  }

  /** The dialogs in force (the shipped ones and those of calls added in the console). */
  get dialogs(): DialogDefinition[] {
    return this.#ctx.dialogs;
  }

  /** The application in progress, if the state names one that still exists. */
  async active(turn: Turn): Promise<Application | undefined> {
    const id = turn.state.activeApplication;
    if (!id) return undefined;
    const application = await this.store.get(turn.user, id);
    if (!application) turn.state.activeApplication = undefined;
    return application;
  }

  /** The application in progress, else the one last updated (a completed application stays editable). */
  async latest(turn: Turn): Promise<Application | undefined> {
    return (await this.active(turn)) ?? (await this.store.list(turn.user))[0];
  }

  /**
   * Starts a new application; with one already in progress, shows where it stands instead. An opening
   * message that gives facts ahead (`opening`) fills the steps it answers, and the bot says what it took.
   * A closed call is said first: the person chooses to prepare it for a next edition (`evenIfClosed`) or to stop.
   */
  async start(turn: Turn, dialog: DialogDefinition, opening?: string, evenIfClosed = false): Promise<void> {
    const ctx = this.#ctx;
    const current = await this.active(turn);
    if (current) {
      ctx.say(turn, {
        intent: 'dialog:busy',
        text: turn.t(
          {
            fr: 'Vous avez déjà une candidature en cours (« {call} »). Terminez-la, ou écrivez « annuler » pour l’abandonner, avant d’en commencer une autre.',
            en: 'You already have an application in progress (“{call}”). Finish it, or type “cancel” to abandon it, before starting another.',
          },
          { call: this.callName(current.callId, turn.lang) },
        ),
      });
      return ask(ctx, turn, current);
    }
    const call = ctx.call(dialog.id);
    const status = callStatus(call, ctx.deps.clock.now(), ctx.timezone(turn));
    if (status.state === 'closed' && !evenIfClosed) {
      const question = closedCallQuestion(call, status, ctx.deps.clock.now(), ctx.timezone(turn), turn.lang);
      ctx.deps.confirmations.ask(turn, CLOSED_CALL_ACTION, question, { callId: dialog.id, opening });
      return;
    }
    const now = ctx.deps.clock.now().toISOString();
    const steps = ctx.steps(dialog);
    const today = ctx.today(turn);
    // « …, probablement hybride »: a fact said with a doubt is asked at its step, not noted as sure.
    const doubted = opening ? doubtedInOpening(opening, steps, today) : new Set<string>();
    const facts = opening ? withoutDoubted(factsIn(opening, steps, {}, today), doubted) : {};
    // « … à Brest en mars »: the month, for the date step to ask which day.
    const partial = opening ? withoutDoubted(partialFactsIn(opening, steps, facts, today), doubted) : {};
    const application: Application = {
      id: this.store.newId(turnEvent(turn.message)),
      callId: dialog.id,
      status: 'in_progress',
      answers: facts,
      ...(Object.keys(partial).length > 0 ? { partial } : {}),
      skipped: [],
      createdAt: now,
      updatedAt: now,
      ref: directRef(turn),
    };
    application.currentSlot = nextStep(steps, application)?.slot;
    await ctx.save(turn, application);
    turn.state.activeApplication = application.id;
    if (!turn.message.ref.isDirect)
      turn.say({
        intent: 'dialog:moved-to-direct',
        text: turn.t({
          fr: 'Je vous écris en message privé pour préparer cette candidature : les budgets n’ont pas leur place dans un canal public.',
          en: 'I am writing to you in a direct message to prepare this application: budgets do not belong in a public channel.',
        }),
      });
    ctx.say(turn, {
      intent: `dialog:${dialog.id}:start`,
      text: turn.t(
        {
          fr: 'Préparons votre candidature « {name} ». Je pose une question à la fois ; « aide » explique chaque étape et ce que vous pouvez écrire.',
          en: 'Let’s prepare your “{name}” application. One question at a time; “help” explains each step and what you can type.',
        },
        { name: call.name[turn.lang] },
      ),
    });
    const noted = [...answersSaid(call, steps, facts, turn.lang), ...partsSaid(steps, partial, turn.lang)];
    if (noted.length > 0)
      ctx.say(turn, {
        intent: `dialog:${dialog.id}:facts`,
        text: turn.t(
          {
            fr: 'J’ai noté : {facts} — « modifier … » pour corriger.',
            en: 'I noted: {facts} — “edit …” to correct.',
          },
          { facts: listOf(noted, turn.lang) },
        ),
      });
    await ask(ctx, turn, application);
  }

  /** Asks the application's current step, or shows its summary when every step is done. */
  ask(turn: Turn, application: Application): Promise<void> {
    return ask(this.#ctx, turn, application);
  }

  /** Reads an answer to the current step: stores it, says what was understood and what it changes, goes on. */
  answer(turn: Turn, application: Application, text: string): Promise<void> {
    return answer(this.#ctx, turn, application, text);
  }

  /** Goes back one step. */
  back(turn: Turn, application: Application): Promise<void> {
    return back(this.#ctx, turn, application);
  }

  /** Leaves the current step for later (recorded as missing; a required one is said to be needed). */
  skip(turn: Turn, application: Application): Promise<void> {
    return skip(this.#ctx, turn, application);
  }

  /** Whether the words after a dialog command name what it acts on (a slot, an application, a call). */
  async fitsCommand(turn: Turn, application: Application, commandId: string, args: string): Promise<boolean> {
    switch (commandId) {
      case 'dialog-edit':
        return this.#ctx.stepNamed(application, args) !== undefined;
      case 'dialog-apply':
        return this.dialogNamed(args) !== undefined;
      case 'dialog-open':
      case 'dialog-delete':
      case 'dialog-summary':
      case 'dialog-export':
        return (await this.store.get(turn.user, args.trim())) !== undefined;
      default:
        return false;
    }
  }

  /** Asks a slot again (from a step, the summary or a completed application); the answer re-evaluates all. */
  edit(turn: Turn, application: Application, typed: string): Promise<void> {
    return edit(this.#ctx, turn, application, typed);
  }

  /** What is answered, what is missing, step k of n. */
  status(turn: Turn, application: Application): Promise<void> {
    return showStatus(this.#ctx, turn, application);
  }

  /**
   * Where the person's application in progress stands (for the greeting and `help`), or undefined when none
   * is in progress or it has reached its summary.
   */
  async whereIs(turn: Turn): Promise<ApplicationInProgress | undefined> {
    const application = await this.active(turn);
    const step = application && this.#ctx.currentStep(application);
    if (!application || !step) return undefined;
    const steps = this.#ctx.stepsOf(application);
    const { index, remaining } = progress(steps, application);
    return {
      id: application.id,
      callId: application.callId,
      callName: this.callName(application.callId, turn.lang),
      answered: Object.keys(application.answers).length,
      index,
      remaining,
      step: { label: step.label[turn.lang], help: step.help[turn.lang], example: exampleOf(step, turn.lang) },
    };
  }

  /**
   * The call the person is busy with: that of the application in progress, or of the closed call whose « prepare it
   * anyway? » is waiting for a yes or a no (no application yet, but a question there is about that call).
   */
  async callInContext(turn: Turn): Promise<{ callId: string; callName: string } | undefined> {
    const current = await this.whereIs(turn);
    if (current) return { callId: current.callId, callName: current.callName };
    const waiting = turn.state.pending ?? turn.dropped;
    if (waiting?.action !== CLOSED_CALL_ACTION || typeof waiting.data.callId !== 'string') return undefined;
    return { callId: waiting.data.callId, callName: this.callName(waiting.data.callId, turn.lang) };
  }

  /**
   * Asks the current step again in one line, after something else was answered mid-application (a command, a
   * question, a greeting, a declined « annuler »), so the person knows where they are without the context.
   */
  reask(turn: Turn, application: Application): void {
    const step = this.#ctx.currentStep(application);
    if (!step) return;
    const reply = stepReply(
      this.#ctx.call(application.callId),
      this.#ctx.stepsOf(application),
      application,
      step,
      turn.lang,
    );
    this.#ctx.say(turn, {
      ...reply,
      text: `${turn.t({ fr: 'Reprenons', en: 'Back to your application' })} — ${reply.text}`,
    });
  }

  /** Asks whether to abandon the application in progress; on a completed one being edited, stops the edit. */
  cancel(turn: Turn, application: Application): Promise<void> {
    return cancel(this.#ctx, turn, application);
  }

  /** Asks whether to delete an application and its reminders. */
  confirmDelete(turn: Turn, application: Application): void {
    confirmDelete(this.#ctx, turn, application);
  }

  /** Makes an application the active one and shows where it stands. */
  async open(turn: Turn, application: Application): Promise<void> {
    if (application.currentSlot) turn.state.activeApplication = application.id;
    else if (turn.state.activeApplication === application.id) turn.state.activeApplication = undefined;
    await this.ask(turn, application);
  }

  /**
   * The summary, asked for again (`summary`): answers, verdict per benefit, missing, key dates, next steps.
   * Reminders not accepted yet are offered once more, as the "no" answer promised.
   */
  async summary(turn: Turn, application: Application): Promise<void> {
    showSummary(this.#ctx, turn, application);
    const reminders = this.#ctx.deps.services().reminders;
    if (application.status === 'complete' && application.remindersAccepted !== true && reminders)
      await reminders.offer(turn, application);
  }

  /** The steps of a dialog, resolved against the current call file (reloads take effect at once). */
  steps(dialog: DialogDefinition): Step[] {
    return this.#ctx.steps(dialog);
  }

  /** The call of an application. */
  callOf(application: Application): CallDefinition {
    return this.#ctx.call(application.callId);
  }

  /** The dialog of an application. */
  dialogOf(application: Application): DialogDefinition {
    return this.#ctx.dialog(application.callId);
  }

  /** A call's name with its status today, for the call lists (`Appel NIR — clos depuis le 13 mars 2024`). */
  callWithStatus(callId: string, lang: Lang, timezone: string): string {
    const call = this.#ctx.deps.calls.get(callId);
    if (!call) return callId;
    return `${call.name[lang]} — ${renderStatus(call, callStatus(call, this.#ctx.deps.clock.now(), timezone), lang)}`;
  }

  /** A call's name in a language (its id if the call file is gone). */
  callName(callId: string, lang: Lang): string {
    return this.#ctx.callName(callId, lang);
  }

  /** Says that nothing is in progress. */
  noActive(turn: Turn): void {
    turn.say({ intent: 'dialog:none', text: turn.t(NO_ACTIVE) });
  }
}

/**
 * The sentences of a message, a greeting before them left out (« Bonjour, est-ce que… ? » is a question): split
 * after « . ! ? » and at line breaks.
 */
function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.replace(/^\s*(?:bonjour|bonsoir|salut|coucou|hello|hi|hey|bjr|slt)\b[\s,!.]*/i, '').trim())
    .filter((s) => s !== '');
}

/** The direct conversation with the person: where the dialog and its reminders go. */
function directRef(turn: Turn): ConversationRef {
  const { ref } = turn.message;
  if (ref.isDirect) return { ...ref, threadId: undefined };
  return {
    platform: ref.platform,
    workspace: ref.workspace,
    roomId: turn.message.userId,
    userId: turn.message.userId,
    isDirect: true,
  };
}
