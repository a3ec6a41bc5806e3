/** The first steps of the pipeline: inputs the bot refuses before anything else looks at them. */
import type { Middleware } from './bot.ts';

/** Longest message the bot reads, on every platform. */
export const MAX_MESSAGE_LENGTH = 4000;

/** Refuses empty and oversized messages kindly; nothing the user gave before is touched. */
export const refuseUnreadableMessages: Middleware = async (turn, next) => {
  const { text, choiceId } = turn.message;
  if (text.length > MAX_MESSAGE_LENGTH) {
    turn.say({
      intent: 'too-long',
      text: turn.t(
        {
          fr: 'Votre message est trop long ({length} caractères) : je lis au plus {max} caractères. Pouvez-vous le raccourcir ou l’envoyer en plusieurs fois ?',
          en: 'Your message is too long ({length} characters): I read at most {max} characters. Could you shorten it or send it in parts?',
        },
        { length: text.length, max: MAX_MESSAGE_LENGTH },
      ),
    });
    return;
  }
  if (text.trim() === '' && !choiceId) {
    turn.say({
      intent: 'empty',
      text: turn.t({
        fr: 'Je n’ai reçu qu’un message vide. Écrivez « aide » pour voir ce que je sais faire.',
        en: 'I only received an empty message. Type “help” to see what I can do.',
      }),
    });
    return;
  }
  await next();
};
