/**
 * The links the bot itself makes (a call's source, a manager's profile). Reply texts mix the bot's words
 * with what people typed, so a renderer cannot tell `[hi](!here)` typed by someone from a link of ours
 * by its look: it makes a live link only of a target registered here, and shows any other as plain text.
 * The set holds only URLs from the bot's own data, so it stays small.
 */
const own = new Set<string>();

/** A Markdown link the renderers will make live. */
export function ownLink(label: string, url: string): string {
  own.add(url);
  return `[${label}](${url})`;
}

/** Whether `url` is a link target the bot made (see {@link ownLink}). */
export function isOwnLink(url: string): boolean {
  return own.has(url);
}
