/** Text normalisation shared by command matching, parsers and search. */

/** Lower case, no accents, single spaces, trimmed: the form used to compare what people type. */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A message's text without its control characters (but tab and line breaks): « bon\u0007jour » is « bonjour ».
 * Done once, as a message enters the bot, before anything reads it.
 */
export function withoutControlCharacters(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/** True when a text holds control characters other than tab and line breaks. */
export function hasControlCharacters(text: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: detecting them is the point.
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
}
