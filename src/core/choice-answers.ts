/**
 * Numbered options: where a platform shows choices as a list (terminal, Matrix), people answer "2", "1, 3"
 * or the option's label. The core remembers the last choices offered, so every platform reads these alike.
 */
import type { Choice, IncomingMessage, Reply } from './message.ts';
import { normalize } from './text.ts';

export interface OfferedChoices {
  choices: Choice[];
  multiple: boolean;
}

/** The choices of the last reply that offered some, to remember until the next message. */
export function lastOffered(replies: Reply[]): OfferedChoices | undefined {
  const reply = replies.findLast((r) => r.choices && r.choices.length > 0);
  return reply?.choices ? { choices: reply.choices, multiple: reply.multiple ?? false } : undefined;
}

/** The choice id(s) a typed answer designates, or undefined when it is not an answer to the offer. */
export function resolveChoice(text: string, offered: OfferedChoices): string | undefined {
  const typed = normalize(text);
  const numbers = typed.split(/\s*(?:,|;|\bet\b|\band\b|&)\s*|\s+/).filter(Boolean);
  if (numbers.length > 0 && numbers.every((n) => /^\d{1,2}$/.test(n))) {
    if (numbers.length > 1 && !offered.multiple) return undefined;
    const ids = numbers.map((n) => offered.choices[Number(n) - 1]?.id);
    if (ids.some((id) => id === undefined)) return undefined;
    return ids.join(',');
  }
  return offered.choices.find((c) => normalize(c.label) === typed || normalize(c.id) === typed)?.id;
}

/** The message as a click when its text answers the last offer (a number or a label), else unchanged. */
export function asChoice(message: IncomingMessage, offered: OfferedChoices | undefined): IncomingMessage {
  if (!offered || message.choiceId) return message;
  const id = resolveChoice(message.text, offered);
  return id === undefined ? message : { ...message, text: id, choiceId: id };
}
