/**
 * The dialog engine: one set of operations for every dialog (start, answer, back, skip, edit, status,
 * cancel, help, open, delete), each reading the application from the store and saving it before replying,
 * so a restart or a pause of days resumes at the same step.
 */

import { dayIn } from '../rules/calendar.ts';
import type { CallDefinition } from '../rules/schema.ts';
import type { Clock } from '../src/core/clock.ts';
import type { Confirmations } from '../src/core/confirmations.ts';
import type { Lang, Localized } from '../src/core/i18n.ts';
import type { ConversationRef, Reply } from '../src/core/message.ts';
import { normalize } from '../src/core/text.ts';
import type { Turn } from '../src/core/turn.ts';
import type { UserKey, UserRecords } from '../src/store/user-records.ts';
import { type Application, ApplicationStore } from './application.ts';
import type { DialogDefinition } from './definition.ts';
import { liveEligibility } from './eligibility.ts';
import { DIALOG_COMMANDS, statusText, stepReply } from './render.ts';
import { nextStep, parseAnswer, previousStep, pruneAnswers, resolveSteps, type Step } from './steps.ts';
import { summaryReply } from './summary.ts';

/** The FAQ, as the dialogs use it: answer a question typed in the middle of a step. */
export interface FaqPort {
  search(text: string, lang: Lang): { confident: boolean };
  replyFor(turn: Turn, match: { confident: boolean }): Reply;
}

/** The reminders an application implies, as the dialogs use them. */
export interface ReminderPort {
  offer(turn: Turn, application: Application): Promise<void> | void;
  syncApplication(user: UserKey, application: Application, lang: Lang, timezone: string): Promise<unknown>;
  removeApplication(user: UserKey, applicationId: string): Promise<void>;
}

export interface DialogDeps {
  records: UserRecords;
  confirmations: Confirmations;
  clock: Clock;
  /** The bot's time zone, for people whose own is unknown. */
  timezone: string;
  calls: { get(id: string): CallDefinition | undefined };
  /** Features that may be absent: looked up at each use. */
  services: () => { faq?: FaqPort; reminders?: ReminderPort };
}

/** Confirmation actions the engine registers. */
export const CANCEL_ACTION = 'dialog-cancel';
export const DELETE_ACTION = 'dialog-delete';

const NO_ACTIVE: Localized = {
  fr: 'Aucune candidature n’est en cours. Écrivez « candidater » pour en commencer une, ou « candidatures » pour voir les vôtres.',
  en: 'No application is in progress. Type “apply” to start one, or “applications” to see yours.',
};

export class DialogEngine {
  readonly dialogs: DialogDefinition[];
  readonly store: ApplicationStore;
  readonly #deps: DialogDeps;

  constructor(deps: DialogDeps, dialogs: DialogDefinition[]) {
    this.#deps = deps;
    this.dialogs = dialogs;
    this.store = new ApplicationStore(deps.records);
    deps.confirmations.register(CANCEL_ACTION, {
      yes: (turn, data) => this.#remove(turn, String(data.id), 'cancel'),
      declined: {
        fr: 'D’accord, rien n’est supprimé. Écrivez « état » pour voir où vous en êtes.',
        en: 'All right, nothing is deleted. Type “status” to see where you are.',
      },
    });
    deps.confirmations.register(DELETE_ACTION, {
      yes: (turn, data) => this.#remove(turn, String(data.id), 'delete'),
      declined: { fr: 'D’accord, je la garde.', en: 'All right, I keep it.' },
    });
  }

  /** The dialog a free-text message asks to start (`je veux organiser un NEC local`), if any. */
  dialogForPhrase(text: string): DialogDefinition | undefined {
    const typed = normalize(text);
    return this.dialogs.find((d) => d.startPhrases.some((p) => p.test(typed)));
  }

  /** The dialog named by an id or words typed after `apply`. */
  dialogNamed(text: string): DialogDefinition | undefined {
    const typed = normalize(text).replace(/\s+/g, '-');
    return this.dialogs.find((d) => d.id === typed || typed.includes(d.id));
  }

  /** The application in progress, if the state names one that still exists. */
  async active(turn: Turn): Promise<Application | undefined> {
    const id = turn.state.activeApplication;
    if (!id) return undefined;
    const application = await this.store.get(turn.user, id);
    if (!application) turn.state.activeApplication = undefined;
    return application;
  }

  /** Starts a new application; with one already in progress, shows where it stands instead. */
  async start(turn: Turn, dialog: DialogDefinition): Promise<void> {
    const current = await this.active(turn);
    if (current) {
      this.#say(turn, {
        intent: 'dialog:busy',
        text: turn.t(
          {
            fr: 'Vous avez déjà une candidature en cours ({id}). Terminez-la, ou écrivez « annuler » pour l’abandonner, avant d’en commencer une autre.',
            en: 'You already have an application in progress ({id}). Finish it, or type “cancel” to abandon it, before starting another.',
          },
          { id: current.id },
        ),
      });
      return this.ask(turn, current);
    }
    const call = this.#call(dialog.id);
    const now = this.#deps.clock.now().toISOString();
    const application: Application = {
      id: this.store.newId(),
      callId: dialog.id,
      status: 'in_progress',
      answers: {},
      skipped: [],
      createdAt: now,
      updatedAt: now,
      ref: directRef(turn),
    };
    const first = nextStep(this.steps(dialog), application);
    application.currentSlot = first?.slot;
    await this.store.save(turn.user, application);
    turn.state.activeApplication = application.id;
    if (!turn.message.ref.isDirect)
      turn.say({
        intent: 'dialog:moved-to-direct',
        text: turn.t({
          fr: 'Je vous écris en message privé pour préparer cette candidature : les budgets n’ont pas leur place dans un canal public.',
          en: 'I am writing to you in a direct message to prepare this application: budgets do not belong in a public channel.',
        }),
      });
    this.#say(turn, {
      intent: `dialog:${dialog.id}:start`,
      text: turn.t(
        {
          fr: 'Préparons votre candidature « {name} » (n° {id}). Je pose une question à la fois ; « aide » explique chaque étape et ce que vous pouvez écrire.',
          en: 'Let us prepare your “{name}” application (no. {id}). One question at a time; “help” explains each step and what you can type.',
        },
        { name: call.name[turn.lang], id: application.id },
      ),
    });
    await this.ask(turn, application);
  }

  /** Asks the application's current step, or shows its summary when every step is done. */
  async ask(turn: Turn, application: Application): Promise<void> {
    const dialog = this.#dialog(application.callId);
    const steps = this.steps(dialog);
    const step = steps.find((s) => s.slot === application.currentSlot);
    if (!step) return this.summary(turn, application);
    this.#say(turn, stepReply(dialog.id, steps, application, step, turn.lang));
  }

  /** Reads an answer to the current step: stores it, says what was understood and what it changes, goes on. */
  async answer(turn: Turn, application: Application, text: string): Promise<void> {
    const dialog = this.#dialog(application.callId);
    const steps = this.steps(dialog);
    const step = steps.find((s) => s.slot === application.currentSlot);
    if (!step) return this.summary(turn, application);
    const clicked = turn.message.choiceId;
    if (clicked !== undefined && !this.#acceptsChoice(step, clicked)) {
      const answered = steps.find((s) => s.slot in application.answers && this.#acceptsChoice(s, clicked));
      if (answered) {
        this.#say(turn, {
          intent: 'dialog:already-answered',
          text: turn.t(
            {
              fr: 'Cette question (« {label} ») a déjà sa réponse ; pour la changer, écrivez « modifier {slot} ». Voici où nous en sommes :',
              en: 'That question (“{label}”) already has its answer; to change it, type “edit {slot}”. Here is where we are:',
            },
            { label: answered.label[turn.lang], slot: answered.slot },
          ),
        });
        return this.ask(turn, application);
      }
    }
    const parsed = parseAnswer(step, text, this.#today(turn));
    // A free-text step takes anything, so there only a text ending in "?" may be a question for the FAQ.
    const maybeQuestion = parsed.ok
      ? step.type === 'text' && text.trim().endsWith('?')
      : readsAsQuestion(text);
    if (maybeQuestion && this.#answerFromFaq(turn, text)) return this.ask(turn, application);
    if (!parsed.ok) {
      this.#say(turn, { intent: `dialog:${dialog.id}:invalid`, text: turn.t(parsed.error) });
      return this.ask(turn, application);
    }
    const before = application.answers[step.slot];
    application.answers[step.slot] = parsed.value;
    application.skipped = application.skipped.filter((s) => s !== step.slot);
    pruneAnswers(steps, application);
    this.#say(turn, {
      intent: `dialog:${dialog.id}:noted`,
      text: turn.t({ fr: 'Noté : {echo}.', en: 'Noted: {echo}.' }, { echo: parsed.echo[turn.lang] }),
    });
    const call = this.#call(dialog.id);
    const live = liveEligibility(
      call,
      application.answers,
      step.slot,
      this.#deps.clock.now(),
      turn.timezone(this.#deps.timezone),
      turn.lang,
    );
    if (live) this.#say(turn, { intent: `dialog:${dialog.id}:eligibility`, text: live });
    await this.#advance(turn, application);
    const reminders = this.#deps.services().reminders;
    if (application.remindersAccepted && reminders && before !== parsed.value && step.type === 'date')
      await reminders.syncApplication(turn.user, application, turn.lang, turn.timezone(this.#deps.timezone));
  }

  /** Goes back one step. */
  async back(turn: Turn, application: Application): Promise<void> {
    const previous = previousStep(this.steps(this.#dialog(application.callId)), application);
    if (!previous) {
      this.#say(turn, {
        intent: 'dialog:first-step',
        text: turn.t({ fr: 'C’est déjà la première étape.', en: 'This is already the first step.' }),
      });
      return this.ask(turn, application);
    }
    application.currentSlot = previous.slot;
    await this.#save(turn, application);
    await this.ask(turn, application);
  }

  /** Leaves an optional step unanswered (recorded as missing); a required one is asked again. */
  async skip(turn: Turn, application: Application): Promise<void> {
    const step = this.steps(this.#dialog(application.callId)).find((s) => s.slot === application.currentSlot);
    if (!step) return this.summary(turn, application);
    if (!step.optional) {
      this.#say(turn, {
        intent: 'dialog:required',
        text: turn.t({
          fr: 'Cette étape est nécessaire au dossier : je ne peux pas la passer.',
          en: 'This step is needed for the application: I cannot skip it.',
        }),
      });
      return this.ask(turn, application);
    }
    delete application.answers[step.slot];
    if (!application.skipped.includes(step.slot)) application.skipped.push(step.slot);
    this.#say(turn, {
      intent: 'dialog:skipped',
      text: turn.t(
        {
          fr: 'Étape passée : « {label} » reste à compléter.',
          en: 'Step skipped: “{label}” is still to be given.',
        },
        { label: step.label[turn.lang] },
      ),
    });
    await this.#advance(turn, application);
  }

  /** Whether the words after a dialog command name what it acts on (a slot, an application, a call). */
  async fitsCommand(turn: Turn, application: Application, commandId: string, args: string): Promise<boolean> {
    switch (commandId) {
      case 'dialog-edit':
        return this.#stepNamed(application, args) !== undefined;
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
  async edit(turn: Turn, application: Application, typed: string): Promise<void> {
    const steps = this.steps(this.#dialog(application.callId));
    const step = this.#stepNamed(application, typed);
    if (!step) {
      this.#say(turn, {
        intent: 'dialog:edit-which',
        text: turn.t({
          fr: 'Quelle réponse voulez-vous modifier ?',
          en: 'Which answer do you want to change?',
        }),
        choices: steps
          .filter((s) => !s.onlyIf || s.onlyIf(application.answers))
          .map((s) => ({
            id: `${turn.lang === 'fr' ? 'modifier' : 'edit'} ${s.slot}`,
            label: s.label[turn.lang],
          })),
      });
      return;
    }
    if (step.onlyIf && !step.onlyIf(application.answers)) {
      this.#say(turn, {
        intent: 'dialog:not-applicable',
        text: turn.t(
          {
            fr: '« {label} » ne s’applique pas avec vos réponses actuelles.',
            en: '“{label}” does not apply given your current answers.',
          },
          { label: step.label[turn.lang] },
        ),
      });
      return;
    }
    application.currentSlot = step.slot;
    turn.state.activeApplication = application.id;
    await this.#save(turn, application);
    await this.ask(turn, application);
  }

  /** What is answered, what is missing, step k of n. */
  async status(turn: Turn, application: Application): Promise<void> {
    const dialog = this.#dialog(application.callId);
    const call = this.#call(dialog.id);
    this.#say(turn, {
      intent: `dialog:${dialog.id}:status`,
      text: `**${call.name[turn.lang]}** (${application.id})\n${statusText(call, this.steps(dialog), application, turn.lang)}`,
    });
    if (application.currentSlot) await this.ask(turn, application);
  }

  /** Explains the current step and the commands. */
  async help(turn: Turn, application: Application): Promise<void> {
    const step = this.steps(this.#dialog(application.callId)).find((s) => s.slot === application.currentSlot);
    const about = step ? `**${step.label[turn.lang]}** — ${step.help[turn.lang]}\n\n` : '';
    this.#say(turn, { intent: 'dialog:help', text: about + turn.t(DIALOG_COMMANDS) });
    if (step) await this.ask(turn, application);
  }

  /** Asks whether to abandon the application in progress; on a completed one being edited, stops the edit. */
  async cancel(turn: Turn, application: Application): Promise<void> {
    if (application.status === 'complete') {
      application.currentSlot = undefined;
      turn.state.activeApplication = undefined;
      await this.#save(turn, application);
      this.#say(turn, {
        intent: 'dialog:edit-cancelled',
        text: turn.t(
          {
            fr: 'Modification abandonnée : la candidature {id} reste telle qu’elle était.',
            en: 'Edit abandoned: application {id} stays as it was.',
          },
          { id: application.id },
        ),
      });
      return;
    }
    this.#deps.confirmations.ask(
      turn,
      CANCEL_ACTION,
      turn.t(
        {
          fr: 'Abandonner la candidature {id} et effacer ses réponses ? (oui / non)',
          en: 'Abandon application {id} and erase its answers? (yes / no)',
        },
        { id: application.id },
      ),
      { id: application.id },
    );
  }

  /** Asks whether to delete an application and its reminders. */
  confirmDelete(turn: Turn, application: Application): void {
    this.#deps.confirmations.ask(
      turn,
      DELETE_ACTION,
      turn.t(
        {
          fr: 'Supprimer la candidature {id} et ses rappels ? (oui / non)',
          en: 'Delete application {id} and its reminders? (yes / no)',
        },
        { id: application.id },
      ),
      { id: application.id },
    );
  }

  /** Makes an application the active one and shows where it stands. */
  async open(turn: Turn, application: Application): Promise<void> {
    if (application.currentSlot) turn.state.activeApplication = application.id;
    else if (turn.state.activeApplication === application.id) turn.state.activeApplication = undefined;
    await this.ask(turn, application);
  }

  /** The summary: answers, verdict per benefit, missing, key dates, next steps. */
  async summary(turn: Turn, application: Application): Promise<void> {
    const dialog = this.#dialog(application.callId);
    const call = this.#call(dialog.id);
    this.#say(
      turn,
      summaryReply(
        call,
        this.steps(dialog),
        application,
        this.#deps.clock.now(),
        turn.timezone(this.#deps.timezone),
        turn.lang,
      ),
    );
  }

  /** The steps of a dialog, resolved against the current call file (reloads take effect at once). */
  steps(dialog: DialogDefinition): Step[] {
    return resolveSteps(dialog, this.#call(dialog.id));
  }

  /** The call of an application. */
  callOf(application: Application): CallDefinition {
    return this.#call(application.callId);
  }

  /** The dialog of an application. */
  dialogOf(application: Application): DialogDefinition {
    return this.#dialog(application.callId);
  }

  /** A call's name in a language (its id if the call file is gone). */
  callName(callId: string, lang: Lang): string {
    return this.#deps.calls.get(callId)?.name[lang] ?? callId;
  }

  /** Says that nothing is in progress. */
  noActive(turn: Turn): void {
    turn.say({ intent: 'dialog:none', text: turn.t(NO_ACTIVE) });
  }

  async #advance(turn: Turn, application: Application): Promise<void> {
    const next = nextStep(this.steps(this.#dialog(application.callId)), application);
    application.currentSlot = next?.slot;
    if (!next) {
      application.status = 'complete';
      if (turn.state.activeApplication === application.id) turn.state.activeApplication = undefined;
    }
    await this.#save(turn, application);
    await this.ask(turn, application);
    // Right after a summary reached by answering (not one merely viewed again): offer the reminders.
    const reminders = this.#deps.services().reminders;
    if (!next && reminders && !application.remindersAccepted) await reminders.offer(turn, application);
  }

  async #remove(turn: Turn, id: string, how: 'cancel' | 'delete'): Promise<void> {
    await this.store.delete(turn.user, id);
    await this.#deps.services().reminders?.removeApplication(turn.user, id);
    if (turn.state.activeApplication === id) turn.state.activeApplication = undefined;
    turn.say({
      intent: how === 'cancel' ? 'dialog:cancelled' : 'dialog:deleted',
      text: turn.t(
        how === 'cancel'
          ? {
              fr: 'Candidature {id} abandonnée : ses réponses sont effacées.',
              en: 'Application {id} abandoned: its answers are erased.',
            }
          : {
              fr: 'Candidature {id} supprimée, avec ses rappels.',
              en: 'Application {id} deleted, with its reminders.',
            },
        { id },
      ),
    });
  }

  async #save(turn: Turn, application: Application): Promise<void> {
    application.updatedAt = this.#deps.clock.now().toISOString();
    await this.store.save(turn.user, application);
  }

  /** Dialog replies go to the direct conversation when the message came from a channel: answers are private. */
  #say(turn: Turn, reply: Reply): void {
    turn.say(turn.message.ref.isDirect ? reply : { ...reply, toDirect: true });
  }

  /** Answers a question typed during a step from the FAQ, when it knows the answer; false otherwise. */
  #answerFromFaq(turn: Turn, text: string): boolean {
    const faq = this.#deps.services().faq;
    const match = faq?.search(text, turn.lang);
    if (!faq || !match?.confident) return false;
    this.#say(turn, faq.replyFor(turn, match));
    this.#say(turn, {
      intent: 'dialog:resume',
      text: turn.t({ fr: 'Reprenons la candidature.', en: 'Back to the application.' }),
    });
    return true;
  }

  /** The step a typed name designates: its slot id or its label in either language. */
  #stepNamed(application: Application, typed: string): Step | undefined {
    const wanted = normalize(typed);
    return this.steps(this.#dialog(application.callId)).find(
      (s) =>
        s.slot === wanted.replace(/\s+/g, '_') ||
        normalize(s.label.fr) === wanted ||
        normalize(s.label.en) === wanted,
    );
  }

  #acceptsChoice(step: Step, id: string): boolean {
    if (step.type === 'boolean') return id === 'yes' || id === 'no';
    return id.split(',').every((part) => step.choices?.some((c) => c.id === part) ?? false);
  }

  #today(turn: Turn): string {
    return dayIn(this.#deps.clock.now(), turn.timezone(this.#deps.timezone));
  }

  #dialog(id: string): DialogDefinition {
    const dialog = this.dialogs.find((d) => d.id === id);
    if (!dialog) throw new Error(`no dialog for call ${id}`);
    return dialog;
  }

  #call(id: string): CallDefinition {
    const call = this.#deps.calls.get(id);
    if (!call) throw new Error(`no call file for ${id}`);
    return call;
  }
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

/** A text that reads as a question rather than an answer. */
function readsAsQuestion(text: string): boolean {
  const typed = normalize(text);
  return (
    typed.endsWith('?') ||
    /^(comment|pourquoi|quand|qu'est-ce|quel|quelle|quels|quelles|combien|est-ce|ou |qui |que |puis-je|peut-on|faut-il|how|what|when|why|where|who|which|can |could |is |are |do |does |should )/.test(
      typed,
    )
  );
}
