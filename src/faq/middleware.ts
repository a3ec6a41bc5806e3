/** The FAQ step of the pipeline: answers what reads as a question, or says it does not know and logs it. */
import type { Middleware } from '../core/bot.ts';
import { ENTRY_CHOICE_PREFIX, type FaqService } from './service.ts';
import { searchTerms } from './terms.ts';
import type { UnansweredLog } from './unanswered.ts';

/** Answers from the FAQ; messages with no topic word at all ("ok", "merci") go on to the generic fallback. */
export function answerQuestions(faq: FaqService, unanswered: UnansweredLog): Middleware {
  return async (turn, next) => {
    const text = turn.message.text.trim();
    // A click on a related question (or its number typed) names the entry directly.
    if (text.startsWith(ENTRY_CHOICE_PREFIX)) {
      const entry = faq.kb.get(text.slice(ENTRY_CHOICE_PREFIX.length));
      if (entry) {
        turn.say(faq.answer(entry, turn.lang));
        return;
      }
    }
    if (searchTerms(text).length === 0) return next();
    const match = faq.search(text, turn.lang);
    if (!match.confident) await unanswered.record(text, turn.user);
    turn.say(faq.replyFor(turn, match));
  };
}
