/** `language` / `langue`: the person's own choice of language. */
import type { Command } from '../core/commands.ts';
import { isLang } from '../core/i18n.ts';
import { normalize } from '../core/text.ts';

const NAMES: Record<string, 'fr' | 'en'> = {
  fr: 'fr',
  francais: 'fr',
  french: 'fr',
  en: 'en',
  english: 'en',
  anglais: 'en',
};

export const languageCommand: Command = {
  id: 'language',
  aliases: { en: ['language'], fr: ['langue'] },
  summary: { fr: 'choisir la langue (fr ou en)', en: 'choose the language (fr or en)' },
  usage: { fr: '<fr|en>', en: '<fr|en>' },
  async run(turn, args) {
    const chosen = NAMES[normalize(args)];
    if (!isLang(chosen)) {
      turn.say({
        intent: 'language',
        text: turn.t({
          fr: 'Indiquez la langue voulue : « langue fr » ou « language en ».',
          en: 'Say which language you want: “language en” or “langue fr”.',
        }),
        choices: [
          { id: 'language fr', label: 'Français' },
          { id: 'language en', label: 'English' },
        ],
      });
      return;
    }
    turn.lang = chosen;
    turn.state.langChosen = true;
    turn.say({
      intent: 'language',
      text: turn.t({
        fr: 'C’est noté : je vous réponds en français.',
        en: 'Noted: I will answer in English.',
      }),
    });
  },
};
