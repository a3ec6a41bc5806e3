/** Yes/no questions that the person's next message answers, kept in their state so they survive a restart. */

import { yesNoAnswer } from '../understanding/yes-no.ts';
import type { Middleware } from './bot.ts';
import type { PendingConfirmation } from './conversation.ts';
import type { Localized } from './i18n.ts';
import type { Turn } from './turn.ts';

export interface ConfirmAction {
  /** Runs when the person says yes. */
  yes(turn: Turn, data: Record<string, unknown>): Promise<void>;
  /** What to say when they say no. */
  declined: Localized;
  /** Runs when they say no, after `declined` is said: for an action whose refusal must be remembered. */
  no?(turn: Turn, data: Record<string, unknown>): Promise<void>;
  /** Words other than a yes that say yes to this question (« je sais pas encore » to leaving a step for later). */
  meansYes?(text: string): boolean;
  /**
   * Whether the words after the yes or no answer the question behind this one instead (« yes it is our first
   * time » to « shall we leave "first time" for later? »): the message then goes on as usual, question dropped.
   */
  answersInstead?(turn: Turn, data: Record<string, unknown>, rest: string): Promise<boolean>;
}

export class Confirmations {
  readonly #actions = new Map<string, ConfirmAction>();

  register(action: string, handler: ConfirmAction): void {
    this.#actions.set(action, handler);
  }

  /** Asks the question; the reply's intent is `confirm:<action>`, with yes/no choices. */
  ask(turn: Turn, action: string, question: string, data: Record<string, unknown> = {}): void {
    if (!this.#actions.has(action)) throw new Error(`unknown confirmation action: ${action}`);
    turn.state.pending = { action, data, question };
    sayQuestion(turn, action, question);
  }

  /**
   * Answers a pending question with the yes/no reading every yes/no step uses (« oui vas-y », "yes go ahead").
   * A hedge (« euh je crois, enfin… ») is asked again; another message goes on as usual (a command, a question
   * for the FAQ, an answer to the dialog's step) and drops the question — unless nothing understood it either:
   * then the question stays and is asked again rather than the fallback; or the FAQ alone answered it: then the
   * question stays too and is asked again after the answer (nothing was decided).
   */
  readonly middleware: Middleware = async (turn, next) => {
    const pending = turn.state.pending;
    if (!pending) return next();
    turn.state.pending = undefined;
    const action = this.#actions.get(pending.action);
    if (!action) return next();
    const said = yesNoAnswer(turn.message.choiceId ?? turn.message.text);
    // « oui mais c'est quoi la charte ? » asks before it answers.
    const answer = typeof said === 'object' && !said.rest.trim().endsWith('?') ? said.value : undefined;
    const text = turn.message.choiceId ?? turn.message.text;
    if (
      typeof said === 'object' &&
      turn.message.choiceId === undefined &&
      (await action.answersInstead?.(turn, pending.data, said.rest))
    ) {
      turn.dropped = pending;
      return next();
    }
    if (answer === true || (answer === undefined && action.meansYes?.(text)))
      return action.yes(turn, pending.data);
    if (answer === false) {
      turn.say({ intent: `confirm:${pending.action}:declined`, text: turn.t(action.declined) });
      return action.no?.(turn, pending.data);
    }
    if (said === 'unsure') return askAgain(turn, pending, UNSURE);
    // Whatever answers the message next may tell that the question it replaces is dropped.
    turn.dropped = pending;
    await next();
    if (turn.state.pending) return;
    // A question answered on the side (« c'est quoi le montant max ? ») leaves the yes/no to answer still.
    if (turn.replies.length > 0 && turn.replies.every(isAnswerToQuestion)) {
      turn.dropped = undefined;
      return askAgain(turn, pending);
    }
    if (!turn.replies.every(isFallback)) return;
    turn.replies.splice(0, turn.replies.length);
    askAgain(turn, pending, NOT_UNDERSTOOD);
  };
}

const UNSURE: Localized = { fr: 'Plutôt oui, ou plutôt non ?', en: 'Rather yes, or rather no?' };
const NOT_UNDERSTOOD: Localized = {
  fr: 'Je n’ai pas compris : répondez par oui ou par non.',
  en: 'I did not understand: please answer yes or no.',
};

const isFallback = (reply: { intent: string }): boolean =>
  reply.intent === 'fallback' || reply.intent.startsWith('fallback:');
/** An answer from the FAQ (intent `faq:<entry>`, intents.md): information given, no step taken. */
const isAnswerToQuestion = (reply: { intent: string }): boolean => reply.intent.startsWith('faq:');

function sayQuestion(turn: Turn, action: string, question: string): void {
  turn.say({
    intent: `confirm:${action}`,
    text: question,
    choices: [
      { id: 'yes', label: turn.t({ fr: 'Oui', en: 'Yes' }) },
      { id: 'no', label: turn.t({ fr: 'Non', en: 'No' }) },
    ],
  });
}

/** The pending question kept and asked again, after a line saying why (if any). */
function askAgain(turn: Turn, pending: PendingConfirmation, why?: Localized): void {
  turn.state.pending = pending;
  sayQuestion(turn, pending.action, [why && turn.t(why), pending.question].filter(Boolean).join('\n'));
}
