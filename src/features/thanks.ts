/** A thank-you (« merci », « super, merci beaucoup ! », "thanks a lot") is answered as one, not as a question. */
import type { Middleware } from '../core/bot.ts';
import { normalize } from '../core/text.ts';

const THANKS =
  /^(?:(?:super|top|parfait|genial|ok|ah|oh|great|perfect|cool)\s+)?(?:merci|thanks?|thank you|thx)(?:\s+(?:beaucoup|bien|bcp|infiniment|encore|a vous|a toi|a lot|so much|very much|again))*$/;

/** Placed before the FAQ and the fallback, which read « merci » as a question they have no answer to. */
export const thanks: Middleware = async (turn, next) => {
  const words = normalize(turn.message.text)
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // Said in reply to a yes/no question, a thanks answers nothing: it goes on, and the question is asked again.
  if (!THANKS.test(words) || turn.dropped) return next();
  turn.say({
    intent: 'thanks',
    text: turn.t({
      fr: 'Avec plaisir ! Autre chose ? « aide » montre tout ce que je peux faire.',
      en: 'You’re welcome! Anything else? “help” shows everything I can do.',
    }),
  });
};
