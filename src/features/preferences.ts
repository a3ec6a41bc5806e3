/**
 * `language` / `langue`: the person's own choice of language — typed as the command, or said in words
 * (« bonjour, je préfère le français », "in English please").
 */
import type { Middleware } from '../core/bot.ts';
import type { Command } from '../core/commands.ts';
import { isLang, type Lang } from '../core/i18n.ts';
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

// A whole message asking for a language, after a greeting if any: « je préfère le français », « en français svp »,
// « parlez-moi en anglais », "in English please", "can we speak French?". Only the whole message: « le NEC en
// français ? » is a question.
const GREETING = String.raw`(?:(?:bonjour|bonsoir|salut|coucou|hello|hi|hey)\s+)?`;
const ASK_FR = String.raw`(?:(?:je\s+)?(?:prefere|voudrais|veux|aimerais)(?:\s+(?:parler|que\s+vous\s+parliez|qu'on\s+parle|echanger))?|(?:on\s+peut|pouvez\s+vous|peux\s+tu)\s+(?:parler|repondre|ecrire)|parle[rz]?(?:\s+moi)?|repond(?:ez|s)(?:\s+moi)?|ecri(?:vez|s)(?:\s+moi)?|passons|passez)\s+`;
const ASK_EN = String.raw`(?:i(?:'d|\s+would)?\s+prefer|(?:can|could)\s+(?:we|you)\s+(?:speak|talk|answer|reply|write)(?:\s+to\s+me)?|(?:please\s+)?(?:speak|talk|answer|reply|write)(?:\s+to\s+me)?|let's\s+speak)\s+`;
const PLEASE = String.raw`(?:\s+(?:svp|stp|s'il\s+vous\s+plait|s'il\s+te\s+plait|please|merci|thanks))?`;
const LANGUAGE_ASKED = new RegExp(
  String.raw`^${GREETING}(?:(?:${ASK_FR})?(?:(?:en|le)\s+|l')?(francais|anglais)|(?:${ASK_EN})?(?:in\s+)?(english|french))${PLEASE}$`,
);

/** The language a message asks for in words, if that is all it says. */
export function languageAskedFor(text: string): Lang | undefined {
  const words = normalize(text)
    .replace(/[^\p{L}\p{N}'\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const found = LANGUAGE_ASKED.exec(words);
  const name = found?.[1] ?? found?.[2];
  return name ? NAMES[name] : undefined;
}

/** Before the commands: a language asked for in words is the `language` command (« bonjour, je préfère le français »). */
export const languageInWords: Middleware = async (turn, next) => {
  const asked = languageAskedFor(turn.message.text);
  if (asked) turn.command = { command: languageCommand, args: asked, lang: asked, bare: false };
  await next();
};
