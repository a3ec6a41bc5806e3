/** The last step: an honest "I did not understand", with what the bot can do. */
import type { Middleware } from '../core/bot.ts';

export const fallback: Middleware = async (turn) => {
  turn.say({
    intent: 'fallback',
    text: turn.t({
      fr: 'Je n’ai pas compris votre message. Je peux répondre à vos questions sur Numérique en Commun[s], vous guider pour une candidature (« candidater ») ou lister les appels (« appels »). Écrivez « aide » pour tout voir.',
      en: 'I did not understand your message. I can answer your questions about Numérique en Commun[s], guide you through an application (“apply”) or list the calls (“calls”). Type “help” to see everything.',
    }),
    choices: [{ id: 'help', label: turn.t({ fr: 'Aide', en: 'Help' }) }],
  });
};
