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

/** HTML elements whose content is code, not words: dropped with their tags. */
const CODE_ELEMENT = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
/** An HTML tag (`<b>`, `</p>`, `<img src=…>`): a letter right after `<`, so « 3 < 4 » and `<!here>` are not. */
const HTML_TAG = /<\/?[a-z][^<>]*>/gi;

/**
 * A message's text without `<script>` / `<style>` elements: code pasted into a chat is no part of what the
 * person says, and read as words it tipped the language to English. Done as a message enters the bot. Other
 * tags stay in the text (an answer keeps what was typed; the renderers and the dossier escape it).
 */
export function withoutCode(text: string): string {
  const stripped = text.replace(CODE_ELEMENT, ' ');
  // Only where code was: the spaces it leaves are tidied, any other text is left exactly as typed.
  return stripped === text ? text : stripped.replace(/[ \t]{2,}/g, ' ').trim();
}

/** Text without its HTML tags (their words kept): what tells the language and finds a command (`<b>aide</b>`). */
export function withoutTags(text: string): string {
  return text.replace(HTML_TAG, ' ');
}

/**
 * A message's words without mention tokens (Slack's `<!here>`, `<@U123>`, `<#C123|name>`; `@here`, `@channel`,
 * `@everyone`, `@room`): what tells the language and finds a command reads this, so « <!here> aide » is the help,
 * in French. A command's own text keeps them (a broadcast's preview warns about them).
 */
export function withoutMentions(text: string): string {
  return text
    .replace(/<[!@#][^<>\s]*>/g, ' ')
    .replace(/(^|\s)@(?:here|channel|everyone|room)\b/gi, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
