/** The core: runs each incoming message through the middleware pipeline and returns platform-neutral replies. */
import type { Logger } from '../logger.ts';
import { LockTimeoutError } from '../store/atomic.ts';
import { type UserKey, userKey } from '../store/user-records.ts';
import { asChoice, lastOffered } from './choice-answers.ts';
import { type Clock, systemClock } from './clock.ts';
import type { CommandRegistry } from './commands.ts';
import type { ConversationStore } from './conversation.ts';
import { STILL_BUSY, UNEXPECTED_ERROR, UserFacingError } from './errors.ts';
import type { Lang } from './i18n.ts';
import { resolveLanguage } from './language.ts';
import type { IncomingMessage, Reply } from './message.ts';
import { withoutMarkdown } from './plain-text.ts';
import { withoutCode, withoutControlCharacters, withoutMentions, withoutTags } from './text.ts';
import { Turn } from './turn.ts';
import { turnTime } from './turn-time.ts';
import { typeset } from './typography.ts';

/** A step of the pipeline (grammY / Koa style): do something, and call `next` to let later steps run. */
export type Middleware = (turn: Turn, next: () => Promise<void>) => Promise<void>;

/** What a turn produced: the replies, and the language they are in. */
export interface TurnResult {
  replies: Reply[];
  lang: Lang;
}

/** Runs one person's turn while no other replica runs one of theirs (a lock with a bounded wait). */
export type SerializeTurns = <T>(user: UserKey, turn: () => Promise<T>) => Promise<T>;

export interface BotOptions {
  conversations: ConversationStore;
  commands: CommandRegistry;
  logger: Logger;
  defaultLang: Lang;
  /** Across replicas; within this process turns are already queued per person. */
  serialize?: SerializeTurns;
  /** Tells a message that arrives late (its relative dates are read from now): see turn-time.ts. */
  clock?: Clock;
}

export class Bot {
  readonly commands: CommandRegistry;
  readonly #conversations: ConversationStore;
  readonly #logger: Logger;
  readonly #defaultLang: Lang;
  readonly #middleware: Middleware[] = [];
  /** One turn at a time per person, so two quick messages cannot overwrite each other's state. */
  readonly #queues = new Map<UserKey, Promise<unknown>>();
  readonly #serialize: SerializeTurns;
  readonly #clock: Clock;

  constructor(options: BotOptions) {
    this.commands = options.commands;
    this.#conversations = options.conversations;
    this.#logger = options.logger;
    this.#defaultLang = options.defaultLang;
    this.#serialize = options.serialize ?? ((_user, turn) => turn());
    this.#clock = options.clock ?? systemClock;
  }

  /** Appends a step to the pipeline; steps run in the order they were added. */
  use(...middleware: Middleware[]): this {
    this.#middleware.push(...middleware);
    return this;
  }

  /** Handles one message and resolves with the replies, once the person's state is saved. */
  async handle(message: IncomingMessage): Promise<Reply[]> {
    return (await this.answer(message)).replies;
  }

  /** Like `handle`, with the language the turn settled on (adapters render their own labels in it). */
  answer(message: IncomingMessage): Promise<TurnResult> {
    const user = userKey(message.ref.platform, message.userId, message.ref.workspace);
    const previous = this.#queues.get(user) ?? Promise.resolve();
    const current = previous.then(() =>
      this.#serialize(user, () => this.#runTurn(user, message)).catch((error: unknown) => {
        if (!(error instanceof LockTimeoutError)) throw error;
        // Another replica still runs this person's previous turn: nothing was read or changed.
        const lang = message.langHint ?? this.#defaultLang;
        return { replies: [{ intent: 'busy', text: STILL_BUSY[lang] }], lang };
      }),
    );
    const settled = current.catch(() => undefined);
    this.#queues.set(user, settled);
    void settled.then(() => {
      if (this.#queues.get(user) === settled) this.#queues.delete(user);
    });
    // French typography once, as the replies leave the core: every platform, the scripting interface and
    // the tests read the same text (the state keeps the choices as written).
    return current.then(({ replies, lang }) => ({ replies: replies.map((r) => typeset(r, lang)), lang }));
  }

  async #runTurn(user: UserKey, incoming: IncomingMessage): Promise<TurnResult> {
    const state = await this.#conversations.load(user);
    // Control characters go before anything reads the text. Markdown marks are no part of the words that tell
    // the language, nor of a command typed in bold (« **aide** »); a command's own text keeps them (a broadcast).
    // Nor are HTML tags and mention tokens (« <!here> aide »); pasted code (« <script>…</script> ») goes with the
    // control characters.
    const text = withoutCode(withoutControlCharacters(incoming.text));
    const message = asChoice({ ...incoming, text }, state.offered);
    const words = withoutMentions(withoutTags(withoutMarkdown(message.text)));
    const command = this.commands.match(message.text) ?? this.commands.match(words);
    const lang = resolveLanguage(state, words, command, message.langHint, this.#defaultLang);
    const turn = new Turn(message, user, state, lang, turnTime(message.timestamp, this.#clock.now()));
    turn.command = command;
    try {
      await this.#run(turn, 0);
    } catch (error) {
      this.#sink(turn, error);
    }
    const result = { replies: turn.replies, lang: turn.lang };
    if (turn.discardState) return result;
    if (!turn.langThisTurnOnly) turn.state.lang = turn.lang;
    turn.state.offered = lastOffered(turn.replies);
    await this.#conversations.save(user, turn.state);
    return result;
  }

  async #run(turn: Turn, index: number): Promise<void> {
    const step = this.#middleware[index];
    if (!step) return;
    let called = false;
    await step(turn, async () => {
      if (called) throw new Error('next() called multiple times');
      called = true;
      await this.#run(turn, index + 1);
    });
  }

  /** The one place errors of a turn end up: logged once, answered kindly. */
  #sink(turn: Turn, error: unknown): void {
    if (error instanceof UserFacingError) {
      turn.say({ text: turn.t(error.userMessage), intent: 'error' });
      return;
    }
    this.#logger.error({ err: error, platform: turn.message.ref.platform }, 'turn failed');
    turn.say({ text: turn.t(UNEXPECTED_ERROR), intent: 'error' });
  }
}
