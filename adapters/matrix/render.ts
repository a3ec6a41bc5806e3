/**
 * Core replies as Matrix `m.notice` messages: HTML (`org.matrix.custom.html`) built from ESCAPED text — the
 * only tags are the ones added here, so user input quoted in a reply never becomes markup — and the core's
 * plain text (what the terminal shows) as the `body` fallback.
 */
import { type Attachment, isOwnLink, plainText, type Reply } from '../../src/core/port.ts';

/** The content of an `m.room.message` event. */
export type MessageContent = Record<string, unknown>;

/** The five characters that could open or close markup or an attribute, and what stands for them. */
const ENTITIES: Array<[string, string]> = [
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['"', '&quot;'],
  ["'", '&#39;'],
];

/** Escapes the five characters that could open or close markup or an attribute. */
export function escapeHtml(text: string): string {
  return ENTITIES.reduce((out, [char, entity]) => out.replaceAll(char, entity), text);
}

/** The text an escaped attribute stands for (link targets are checked as the bot made them). */
function unescapeHtml(text: string): string {
  return ENTITIES.reduceRight((out, [char, entity]) => out.replaceAll(entity, char), text);
}

/** Inline Markdown of one line: `code`, **bold**, _italic_ and [links](https://…), on escaped text. */
function inlineHtml(line: string): string {
  return line
    .split('`')
    .map((part, index) => {
      // Odd parts sit between backticks: code, shown as typed.
      if (index % 2 === 1) return `<code>${escapeHtml(part)}</code>`;
      return (
        escapeHtml(part)
          .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
          .replace(/(^|[\s(])_([^_]+)_(?=$|[\s).,;:!?])/g, '$1<em>$2</em>')
          // Only the bot's own links are made live (on the text before escaping): a person's stays text.
          .replace(
            /\[([^\]]+)\]\(((?:https?:\/\/|mailto:)[^\s)]+)\)/g,
            (whole, label: string, url: string) =>
              isOwnLink(unescapeHtml(url)) ? `<a href="${url}">${label}</a>` : whole,
          )
      );
    })
    .join('');
}

const BULLET = /^\s*(?:[-*•])\s+/;
const NUMBERED = /^\s*\d+[.)]\s+/;

/** The Markdown subset of `Reply.text` as HTML: lines, blank-line paragraphs, bulleted and numbered lists. */
export function markdownToHtml(markdown: string): string {
  const out: string[] = [];
  let list: { tag: 'ul' | 'ol'; items: string[] } | undefined;
  let lines: string[] = [];
  const flushLines = () => {
    if (lines.length > 0) out.push(`<p>${lines.join('<br>')}</p>`);
    lines = [];
  };
  const flushList = () => {
    if (list) out.push(`<${list.tag}>${list.items.map((i) => `<li>${i}</li>`).join('')}</${list.tag}>`);
    list = undefined;
  };
  for (const line of markdown.split('\n')) {
    const tag = BULLET.test(line) ? 'ul' : NUMBERED.test(line) ? 'ol' : undefined;
    if (tag) {
      flushLines();
      if (list?.tag !== tag) flushList();
      list ??= { tag, items: [] };
      list.items.push(inlineHtml(line.replace(tag === 'ul' ? BULLET : NUMBERED, '')));
    } else if (line.trim() === '') {
      flushList();
      flushLines();
    } else {
      flushList();
      lines.push(inlineHtml(line));
    }
  }
  flushList();
  flushLines();
  return out.join('');
}

function replyHtml(reply: Reply): string {
  const parts = [markdownToHtml(reply.text)];
  if (reply.fields?.length) {
    const rows = reply.fields.map(
      (f) => `<tr><th>${escapeHtml(f.label)}</th><td>${markdownToHtml(f.value)}</td></tr>`,
    );
    parts.push(`<table><tbody>${rows.join('')}</tbody></table>`);
  }
  if (reply.choices?.length) {
    parts.push(`<ol>${reply.choices.map((c) => `<li>${escapeHtml(c.label)}</li>`).join('')}</ol>`);
  }
  return parts.join('');
}

/** The `m.notice` content of a reply (attachments are sent apart, see `fileContent`). */
export function noticeContent(reply: Reply): MessageContent {
  return {
    msgtype: 'm.notice',
    body: plainText(reply),
    format: 'org.matrix.custom.html',
    formatted_body: replyHtml(reply),
    // Intentional mentions, none: an "@room" a person typed and the bot quotes notifies nobody (servers
    // then skip the legacy rule that matched "@room" or a name in the body).
    'm.mentions': {},
  };
}

/**
 * A notice addressed to one person (the channel welcome): their name first, as a mention pill, and them as
 * the only intentional mention, so that it notifies them and no one else.
 */
export function addressedTo(content: MessageContent, userId: string, name: string): MessageContent {
  const pill = `<a href="https://matrix.to/#/${escapeHtml(userId)}">${escapeHtml(name)}</a>`;
  const html = String(content.formatted_body ?? '');
  return {
    ...content,
    body: `${name}: ${String(content.body ?? '')}`,
    formatted_body: html.startsWith('<p>') ? `<p>${pill}: ${html.slice(3)}` : `<p>${pill}</p>${html}`,
    'm.mentions': { user_ids: [userId] },
  };
}

/** The `m.file` content of an attachment uploaded to the media repository at `url` (an mxc:// URI). */
export function fileContent(attachment: Attachment, url: string): MessageContent {
  return {
    msgtype: 'm.file',
    body: attachment.filename,
    filename: attachment.filename,
    url,
    info: { mimetype: attachment.mimeType, size: Buffer.byteLength(attachment.content) },
  };
}

/** Puts a message in a thread, as a reply to `inReplyTo` for clients that do not show threads. */
export function inThread(content: MessageContent, threadId: string, inReplyTo = threadId): MessageContent {
  return {
    ...content,
    'm.relates_to': {
      rel_type: 'm.thread',
      event_id: threadId,
      is_falling_back: true,
      'm.in_reply_to': { event_id: inReplyTo },
    },
  };
}
