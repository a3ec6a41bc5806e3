/** Decides which language to answer a message in, and whether to remember it. */
import type { CommandMatch } from './commands.ts';
import type { ConversationState } from './conversation.ts';
import { detectLanguage, type Lang } from './i18n.ts';

/**
 * Words a message needs, besides a command's own, before it may switch an already-known language: lone words
 * (`help`, `apply local-nec`, `cancel broadcast bzjwv`) are too ambiguous.
 */
const WORDS_TO_SWITCH = 3;

/**
 * The language of the answer. A chosen language (`language en`) always wins. Otherwise the first messages
 * set it (a command's own words count: `aide` is French, `help` English); later, a message clearly in the
 * other language switches it: a sentence of a few words besides the command's, whose command words (if
 * any, and if they have a language) are in that language too. So a lone English command word in a French
 * conversation does not switch it, an English broadcast typed with `broadcast` does, and « diffuser … »
 * with an English text to post (written for its readers) does not.
 */
export function resolveLanguage(
  state: ConversationState,
  text: string,
  command: CommandMatch | undefined,
  hint: Lang | undefined,
  fallback: Lang,
): Lang {
  if (state.langChosen && state.lang) return state.lang;
  const detected = (command?.bare ? command.lang : undefined) ?? detectLanguage(text);
  if (!state.lang) return detected ?? hint ?? fallback;
  const sentence = (command ? command.args : text).trim();
  if (!detected || detected === state.lang || sentence.split(/\s+/).length < WORDS_TO_SWITCH)
    return state.lang;
  return (command?.lang ?? detected) === detected ? detected : state.lang;
}
