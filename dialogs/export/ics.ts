/** An iCalendar file (RFC 5545) of an application's key dates: one all-day event per date. */

import { formatCitation } from '../../rules/citation.ts';
import type { KeyDate } from '../../rules/dates.ts';
import type { Lang } from '../../src/core/i18n.ts';

/**
 * The `.ics` text; `stamp` is the export instant (DTSTAMP), ids are stable so re-imports update events. Each event
 * is titled with what it is of (`title`: the application and its call), then the day's label: an agenda shows the
 * title alone.
 */
export function keyDatesCalendar(
  applicationId: string,
  dates: KeyDate[],
  lang: Lang,
  stamp: Date,
  title: string,
): string {
  const dtstamp = stamp
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//nec-bot//dialogs//FR', 'CALSCALE:GREGORIAN'];
  for (const date of dates) {
    const day = date.date.replace(/-/g, '');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${applicationId}-${date.id}@nec-bot`,
      `DTSTAMP:${dtstamp}`,
      `DTSTART;VALUE=DATE:${day}`,
      `DTEND;VALUE=DATE:${nextDay(date.date)}`,
      `SUMMARY:${escapeText(`${title}${lang === 'fr' ? ' : ' : ': '}${date.label[lang]}`)}`,
      `DESCRIPTION:${escapeText(formatCitation(date.citation, lang))}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10).replace(/-/g, '');
}

/** Escapes the characters RFC 5545 reserves in text values. */
function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');
}

/** Folds lines longer than 75 octets, as RFC 5545 asks (continuation lines start with a space). */
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  for (const char of line) {
    if (Buffer.byteLength(current + char, 'utf8') > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
    }
    current += char;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
