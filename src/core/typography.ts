/**
 * French typography, applied once to what the bot says in French as it leaves the core (a turn's replies, a
 * scheduled delivery, a channel welcome) and to the labels the adapters add (the port's `t`): the ordinary
 * space a text has before « ; ! ? » becomes a narrow no-break space (U+202F), before « : » and inside « » a
 * no-break space (U+00A0), so that a line never breaks before the sign and the spacing is the one a French
 * reader expects. The texts themselves are written with ordinary spaces.
 *
 * It only replaces spaces that are already there, and leaves alone what must stay as typed: code spans,
 * Markdown link targets, bare URLs and the sign right after one (a link reader might take a no-break space
 * for part of the address), times (`10:30` has no space), emoticons and Slack's `:shortcodes:` (the sign is
 * not followed by a space there). It adds no markup: Slack mrkdwn and Matrix HTML take the characters as
 * text, and both read them as the word boundaries their bold and italics need.
 */
import { type Lang, type Localized, t as translate } from './i18n.ts';
import type { Reply } from './message.ts';

/** Narrow no-break space (« espace fine insécable »): before ; ! ? */
export const NARROW_NBSP = '\u202f';
/** No-break space (« espace insécable »): before : and inside « ». */
export const NBSP = '\u00a0';

/** What may follow a French sign: the end, a space, or a closing sign or mark (`**Prêt ?**`, « … ! »). */
const CLOSING = String.raw`\s»”"’\]*_~.,;:!?…`;
/** The spaces before a sign that is punctuation (after a word, followed by `CLOSING`; ! and ? also by `)`). */
const BEFORE_EXCLAMATION = new RegExp(String.raw`(?<=\S) +([!?])(?=$|[${CLOSING})])`, 'gm');
const BEFORE_SEMICOLON = new RegExp(String.raw`(?<=\S) +;(?=$|[${CLOSING}])`, 'gm');
const BEFORE_COLON = new RegExp(String.raw`(?<=\S) +:(?=$|[${CLOSING}])`, 'gm');
/** What stays as typed: code spans, link targets, and bare URLs with a sign right after them. */
const VERBATIM =
  /`[^`\n]*`|(?<=\])\([^)\s]*\)|(?:https?:\/\/|ftp:\/\/|mailto:)[^\s<>()]*[^\s<>().,;:!?'"»]( +[;:!?])?/g;

function typesetPart(text: string): string {
  return text
    .replace(BEFORE_EXCLAMATION, `${NARROW_NBSP}$1`)
    .replace(BEFORE_SEMICOLON, `${NARROW_NBSP};`)
    .replace(BEFORE_COLON, `${NBSP}:`)
    .replace(/« +(?=\S)/g, `«${NBSP}`)
    .replace(/(?<=\S) +»/g, `${NBSP}»`);
}

/**
 * Guillemets inside guillemets (a call's name quoted in a sentence, « Appel à projets « Numérique Inclusif… » »)
 * become the inner quotes French uses, “ ” with no space inside: « Appel à projets “Numérique Inclusif…” ».
 * Line by line; a guillemet without its pair is left as it is.
 */
export function innerQuotes(line: string): string {
  const chars = [...line];
  const open: number[] = [];
  const inner = new Map<number, '“' | '”'>();
  chars.forEach((char, i) => {
    if (char === '«') open.push(i);
    else if (char === '»' && open.length > 0) {
      const start = open.pop() as number;
      if (open.length > 0) inner.set(start, '“').set(i, '”');
    }
  });
  if (inner.size === 0) return line;
  return chars
    .map((char, i) => inner.get(i) ?? char)
    .join('')
    .replace(/“\s+/g, '“')
    .replace(/\s+”/g, '”');
}

/** A French text with its spaces before « ; ! ? : » and inside « » made no-break (see the file comment). */
export function typesetFrench(text: string): string {
  // The verbatim parts stand aside as placeholders (private-use characters), so that a sign right after
  // one (« `aide` : … ») is still seen after a word.
  const verbatim: string[] = [];
  const masked = text
    .replace(VERBATIM, (part) => `\ue000${verbatim.push(part) - 1}\ue001`)
    .split('\n')
    .map(innerQuotes)
    .join('\n');
  return typesetPart(masked).replace(
    /\ue000(\d+)\ue001/g,
    (_, index: string) => verbatim[Number(index)] ?? '',
  );
}

/** A reply as it leaves the core: in French, its text, choices and fields typeset; otherwise unchanged. */
export function typeset<R extends Reply>(reply: R, lang: Lang): R {
  if (lang !== 'fr') return reply;
  return {
    ...reply,
    text: typesetFrench(reply.text),
    ...(reply.choices
      ? { choices: reply.choices.map((c) => ({ ...c, label: typesetFrench(c.label) })) }
      : {}),
    ...(reply.fields
      ? {
          fields: reply.fields.map((f) => ({ label: typesetFrench(f.label), value: typesetFrench(f.value) })),
        }
      : {}),
  };
}

/** `t` for the labels the adapters add themselves: the French template typeset, then filled. */
export function typesetT(lang: Lang, text: Localized, params?: Record<string, string | number>): string {
  return translate(lang, lang === 'fr' ? { ...text, fr: typesetFrench(text.fr) } : text, params);
}
