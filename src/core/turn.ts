/** One turn of conversation: the message, the person's state, the replies being built. */

import type { UserKey } from '../store/user-records.ts';
import type { CommandMatch } from './commands.ts';
import type { ConversationState, PendingConfirmation } from './conversation.ts';
import { type Lang, type Localized, t } from './i18n.ts';
import type { IncomingMessage, Reply } from './message.ts';
import { type Counted, plural } from './plural.ts';
import type { TurnTime } from './turn-time.ts';

export class Turn {
  readonly message: IncomingMessage;
  readonly user: UserKey;
  /** Mutable during the turn; saved once the turn ends. */
  state: ConversationState;
  lang: Lang;
  readonly replies: Reply[] = [];
  /** The command the text reads as, if any (set before the pipeline runs). */
  command?: CommandMatch;
  /** Leave the stored state as it was: the message was dropped (duplicate, flood) or the person was just forgotten. */
  discardState = false;
  /**
   * The conversation's language stays as it was: `lang` is this turn's only (a question asked in the other
   * language in the middle of an application is answered in it; the application goes on in its own).
   */
  langThisTurnOnly = false;
  /** The question this message left unanswered (it was something else): a command that asks again may say so. */
  dropped?: PendingConfirmation;
  /** What "now" is for the message's relative words (« demain »), and when it was written if it came late. */
  readonly time: TurnTime;

  constructor(
    message: IncomingMessage,
    user: UserKey,
    state: ConversationState,
    lang: Lang,
    time: TurnTime = { now: message.timestamp },
  ) {
    this.message = message;
    this.user = user;
    this.state = state;
    this.lang = lang;
    this.time = time;
  }

  /** Adds a reply. */
  say(reply: Reply): void {
    this.replies.push(reply);
  }

  /** Text in the turn's language. */
  t(text: Localized, params?: Record<string, string | number>): string {
    return t(this.lang, text, params);
  }

  /** A counted text in the turn's language (« 1 rappel », « 6 rappels »). */
  plural(count: number, forms: Counted, params?: Record<string, string | number>): string {
    return plural(this.lang, count, forms, params);
  }

  /** The person's time zone: their own if known, else the bot's. */
  timezone(fallback: string): string {
    return this.state.timezone ?? this.message.timezone ?? fallback;
  }
}
