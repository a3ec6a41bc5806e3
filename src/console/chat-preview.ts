/**
 * A message as the manager's chat will show it, for the broadcast preview: typeset as it leaves the core
 * (French typography, `src/core/typography.ts`, the step the outbox applies), then the core's Markdown subset
 * shown the way the manager's platform shows it — Slack's mrkdwn (`*italic*` or `_italic_`, `~struck~`, lists
 * as « • » lines), Matrix's HTML (`_italic_`, paragraphs, real lists), the terminal's plain text. Built on
 * escaped text, so nothing a manager types becomes markup; links a person types stay text in both chats.
 */
import type { Lang } from '../core/i18n.ts';
import type { Platform } from '../core/message.ts';
import { withoutMarkdown } from '../core/plain-text.ts';
import { typesetFrench } from '../core/typography.ts';
import { escapeHtml, type Html, raw } from './html.ts';

const BULLET = /^\s*[-*•]\s+/;

export function chatMessage(text: string, platform: Platform, lang: Lang): Html {
  const typeset = lang === 'fr' ? typesetFrench(text) : text;
  if (platform === 'shell') return raw(`<p class="plain">${escapeHtml(withoutMarkdown(typeset))}</p>`);
  const inline = (line: string) => inlineMarks(line, platform);
  if (platform === 'slack')
    // Slack keeps the lines as typed; a list item is a « • » line.
    return raw(
      `<p>${typeset
        .split('\n')
        .map((l) => inline(l.replace(BULLET, '• ')))
        .join('<br>')}</p>`,
    );
  const blocks: string[] = [];
  for (const paragraph of typeset.split(/\n\s*\n/)) {
    const lines = paragraph.split('\n').filter((l) => l.trim() !== '');
    if (lines.length === 0) continue;
    blocks.push(
      lines.every((l) => BULLET.test(l))
        ? `<ul>${lines.map((l) => `<li>${inline(l.replace(BULLET, ''))}</li>`).join('')}</ul>`
        : `<p>${lines.map(inline).join('<br>')}</p>`,
    );
  }
  return raw(blocks.join(''));
}

/** `code` as typed; outside it, bold and italics as each platform reads them, on escaped text. */
function inlineMarks(line: string, platform: 'slack' | 'matrix'): string {
  return line
    .split('`')
    .map((part, i) => {
      if (i % 2 === 1) return `<code>${escapeHtml(part)}</code>`;
      const marked = escapeHtml(part).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');
      const italic = marked.replace(/(^|[\s(])_([^_]+)_(?=$|[\s).,;:!?\u00a0\u202f])/g, '$1<em>$2</em>');
      if (platform === 'matrix') return italic;
      return italic
        .replace(/__(.+?)__/g, '<strong>$1</strong>')
        .replace(/(?<![*\w])\*(?!\s)([^*]+?)\*(?![*\w])/g, '<em>$1</em>')
        .replace(/(?<![~\w])~(?!\s)([^~]+?)~(?![~\w])/g, '<s>$1</s>');
    })
    .join('');
}
