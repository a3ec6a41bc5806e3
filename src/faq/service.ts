/**
 * The FAQ service: finds the entry a question is about (matching.ts) and words the answer, or says honestly it
 * does not know (replies.ts). Its `search(text, lang, { callId })` is the seam the dialogs use.
 */
import type { ConversationState } from '../core/conversation.ts';
import type { Lang } from '../core/i18n.ts';
import type { KnowledgeBase } from './knowledge-base.ts';
import { type FaqContext, type FaqMatch, FaqMatcher } from './matching.ts';
import { FaqReplies, type FaqRepliesOptions } from './replies.ts';

export type { FaqContext, FaqMatch } from './matching.ts';
export { ENTRY_CHOICE_PREFIX } from './replies.ts';

export type FaqServiceOptions = FaqRepliesOptions;

export class FaqService extends FaqReplies {
  #built: FaqMatcher | undefined;
  readonly #options: FaqServiceOptions;

  constructor(options: FaqServiceOptions) {
    super(options);
    this.#options = options;
  }

  /**
   * The index and its readers, built by the first question searched (or the language told), not at start-up:
   * about 4 MB of an idle bot (issue 14); the first search pays its ~100 ms once, which start-up no longer does.
   */
  get #matcher(): FaqMatcher {
    this.#built ??= new FaqMatcher(this.kb, this.#options.figure);
    return this.#built;
  }

  /** Puts another knowledge base in force (managers' edits from the web console) and re-indexes it. */
  useKnowledgeBase(kb: KnowledgeBase): void {
    this.kb = kb;
    this.#built = new FaqMatcher(kb, this.#options.figure);
  }

  /**
   * Finds the entry that answers a question: on the topic it names (or, failing that, the current call's or the
   * previous question's, or that of the best match), the best-ranked entry holding the kind of fact asked for.
   * Searches both languages' questions whatever `lang` is (people mix them).
   */
  search(text: string, _lang?: Lang, context: FaqContext = {}): FaqMatch {
    return this.#matcher.match(text, context);
  }

  /**
   * The language to answer a question in: the question's own when at least two of its words besides proper
   * names tell it ("SOGA's email?" in a French conversation is answered in English), or when nothing is
   * remembered yet; else the turn's. A language the person chose (`language fr`) always stands.
   */
  answerLanguage(text: string, turn: { lang: Lang; state: ConversationState }): Lang {
    if (turn.state.langChosen) return turn.lang;
    const own = this.#matcher.language.of(text);
    if (own && (own.reliable || turn.state.lang === undefined)) return own.lang;
    return turn.lang;
  }
}
