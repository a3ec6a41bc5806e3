/** Decides which language to answer a message in, and whether to remember it. */
import type { CommandMatch } from './commands.ts';
import type { ConversationState } from './conversation.ts';
import { detectLanguage, type Lang } from './i18n.ts';

/** Words a message needs before it may switch an already-known language: lone words are too ambiguous. */
const WORDS_TO_SWITCH = 3;

/**
 * The language of the answer. A chosen language (`language en`) always wins. Otherwise the first messages
 * set it (a command's own words count: `aide` is French, `help` English); later, only a message of a few
 * words clearly in the other language switches it, so a lone English command word in a French
 * conversation does not.
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
  const wordCount = text.trim().split(/\s+/).length;
  if (detected && detected !== state.lang && wordCount >= WORDS_TO_SWITCH && !command) return detected;
  return state.lang;
}
