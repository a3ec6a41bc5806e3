/** The FAQ step of the pipeline: answers what reads as a question, or says it does not know and logs it. */
import type { Middleware } from '../core/bot.ts';
import { turnEvent } from '../core/once.ts';
import type { Turn } from '../core/turn.ts';
import { asksAFact } from './asks.ts';
import type { CurrentCall } from './commands.ts';
import { isUnreadable } from './input.ts';
import { ENTRY_CHOICE_PREFIX, type FaqService } from './service.ts';
import { searchTerms } from './terms.ts';
import type { UnansweredLog } from './unanswered.ts';

/**
 * Answers from the FAQ; messages with no topic word at all ("ok", "merci") go on to the generic fallback, unless
 * they ask a fact of the person's previous topic (« et où ? », "and when?" after a NEC ESS answer).
 */
export function answerQuestions(
  faq: FaqService,
  unanswered: UnansweredLog,
  currentCall: CurrentCall,
): Middleware {
  return async (turn, next) => {
    const text = turn.message.text.trim();
    // A click on a related question (or its number typed) names the entry directly.
    if (text.startsWith(ENTRY_CHOICE_PREFIX)) {
      const entry = faq.kb.get(text.slice(ENTRY_CHOICE_PREFIX.length));
      if (entry) {
        turn.state.faqTopic = entry.topic;
        turn.say(faq.answer(entry, turn.lang));
        return;
      }
    }
    if (searchTerms(text).length === 0 && !(turn.state.faqTopic && asksAFact(text))) return next();
    await answerFromFaq(faq, unanswered, turn, text, currentCall);
  };
}

/**
 * Answers one question for a person, keeping its topic so that a follow-up (« et la date limite ? ») stays on
 * it. Unreadable input (control characters, a paste, keyboard mashing) gets the plain fallback and is not
 * logged; a question the FAQ cannot answer is logged for the managers.
 */
export async function answerFromFaq(
  faq: FaqService,
  unanswered: UnansweredLog,
  turn: Turn,
  text: string,
  currentCall: CurrentCall,
): Promise<void> {
  if (isUnreadable(text)) {
    turn.say(faq.unknown([], turn.lang));
    return;
  }
  turn.lang = faq.answerLanguage(text, turn);
  // Asked while preparing a call (or choosing to), the question is about that call first.
  const callId = (await currentCall(turn))?.callId;
  const match = faq.search(text, turn.lang, { previousTopic: turn.state.faqTopic, callId });
  if (match.topic) turn.state.faqTopic = match.topic;
  else delete turn.state.faqTopic;
  const reply = faq.replyFor({ lang: turn.lang, callId }, match);
  if (!reply.intent.startsWith('faq:')) await unanswered.record(text, turn.user, turnEvent(turn.message));
  turn.say(reply);
}
