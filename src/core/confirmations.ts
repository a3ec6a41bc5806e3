/** Yes/no questions that the person's next message answers, kept in their state so they survive a restart. */

import { plainYesNo } from '../understanding/yes-no.ts';
import type { Middleware } from './bot.ts';
import type { Localized } from './i18n.ts';
import type { Turn } from './turn.ts';

export interface ConfirmAction {
  /** Runs when the person says yes. */
  yes(turn: Turn, data: Record<string, unknown>): Promise<void>;
  /** What to say when they say no. */
  declined: Localized;
  /** Runs when they say no, after `declined` is said: for an action whose refusal must be remembered. */
  no?(turn: Turn, data: Record<string, unknown>): Promise<void>;
}

export class Confirmations {
  readonly #actions = new Map<string, ConfirmAction>();

  register(action: string, handler: ConfirmAction): void {
    this.#actions.set(action, handler);
  }

  /** Asks the question; the reply's intent is `confirm:<action>`, with yes/no choices. */
  ask(turn: Turn, action: string, question: string, data: Record<string, unknown> = {}): void {
    if (!this.#actions.has(action)) throw new Error(`unknown confirmation action: ${action}`);
    turn.state.pending = { action, data };
    turn.say({
      intent: `confirm:${action}`,
      text: question,
      choices: [
        { id: 'yes', label: turn.t({ fr: 'Oui', en: 'Yes' }) },
        { id: 'no', label: turn.t({ fr: 'Non', en: 'No' }) },
      ],
    });
  }

  /** Answers a pending question; any other message drops it and goes on as usual. */
  readonly middleware: Middleware = async (turn, next) => {
    const pending = turn.state.pending;
    if (!pending) return next();
    turn.state.pending = undefined;
    const action = this.#actions.get(pending.action);
    const answer = plainYesNo(turn.message.choiceId ?? turn.message.text);
    if (!action || answer === undefined) {
      turn.dropped = pending;
      return next();
    }
    if (answer) return action.yes(turn, pending.data);
    turn.say({ intent: `confirm:${pending.action}:declined`, text: turn.t(action.declined) });
    await action.no?.(turn, pending.data);
  };
}
