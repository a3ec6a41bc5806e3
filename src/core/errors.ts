/** Error kinds of the core, and the final sink that turns any error into a kind reply. */
import type { Localized } from './i18n.ts';

/** An error whose message is meant for the user, in both languages (bad input, a refused action). */
export class UserFacingError extends Error {
  override name = 'UserFacingError';
  readonly userMessage: Localized;

  constructor(userMessage: Localized) {
    super(userMessage.en);
    this.userMessage = userMessage;
  }
}

/** What the user reads when their previous message is still being handled (by this replica or another). */
export const STILL_BUSY: Localized = {
  fr: 'Je traite encore votre message précédent. Renvoyez celui-ci dans un instant : rien n’est perdu.',
  en: 'I am still handling your previous message. Send this one again in a moment: nothing is lost.',
};

/** What the user reads when something unexpected breaks: nothing they gave is lost. */
export const UNEXPECTED_ERROR: Localized = {
  fr: 'Désolé, quelque chose s’est mal passé de mon côté. Vos réponses sont conservées : vous pouvez réessayer.',
  en: 'Sorry, something went wrong on my side. Your answers are kept: you can try again.',
};
