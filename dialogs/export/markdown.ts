/**
 * A person's text inside our Markdown: it reads as typed and never becomes structure (a heading, a list, a link,
 * emphasis) or raw HTML. CommonMark lets any ASCII punctuation be backslash-escaped (spec §2.4) and reads
 * entities as literal characters, which is all this needs. No library: `markdown-escape` leaves line-start markers
 * (`-`, `+`, `1.`, `=`), pipes, tildes and line breaks alone, which are exactly what forges a section.
 */

/** Characters that make emphasis, code, links, images, tables or strikethrough anywhere in a line. */
const INLINE = /[\\`*_[\]{}()!|~#]/g;
/** What starts a block when it opens a line: heading, list item, setext underline, thematic break. */
const LINE_START = /^([-+=]|\d+[.)])/;

/** One line of user text, escaped. */
function escapeLine(line: string): string {
  const escaped = line
    .trim()
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(INLINE, '\\$&');
  return escaped.replace(LINE_START, (marker) => marker.replace(/[-+=.)]$/, '\\$&'));
}

/** User text on one line: every run of whitespace (line breaks included) becomes one space. */
export function markdownInline(text: string): string {
  return escapeLine(text.replace(/\s+/g, ' '));
}

/** User text as paragraphs (blank lines kept), each line escaped and indented by `indent`. */
export function markdownParagraphs(text: string, indent = ''): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.split('\n').map(escapeLine).filter(Boolean).join(' '))
    .filter(Boolean)
    .map((paragraph) => indent + paragraph)
    .join('\n\n');
}
