/**
 * A reply as plain text, choices numbered and fields as aligned lines: what the terminal shows, and the `body`
 * fallback of a Matrix message for clients that do not read its HTML.
 */
import type { Reply } from './message.ts';

/** Drops the Markdown marks plain text cannot show, keeping the words. */
export function withoutMarkdown(markdown: string): string {
  return (
    markdown
      .replace(/\*\*(.+?)\*\*/g, '$1')
      .replace(/`([^`]+)`/g, '$1')
      // _italic_ only as whole words, so snake_case ids (event_date) stay intact; it may run over several
      // lines (a call's note, a verdict's notice) and hold an id itself (`_see event_date_`).
      .replace(/(^|[\s(«“])_(?=\S)([\s\S]*?\S)_(?=$|[\s.,;:!?)»”’])/gm, '$1$2')
      .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 <$2>')
  );
}

export function plainText(reply: Reply): string {
  const lines = [withoutMarkdown(reply.text)];
  if (reply.fields?.length) {
    const width = Math.max(...reply.fields.map((f) => f.label.length));
    for (const field of reply.fields)
      lines.push(`  ${field.label.padEnd(width)}  ${withoutMarkdown(field.value)}`);
  }
  reply.choices?.forEach((choice, index) => {
    lines.push(`  ${index + 1}. ${choice.label}`);
  });
  return lines.join('\n');
}
