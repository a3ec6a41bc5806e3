/**
 * Dates in words as a French reader expects them. Intl writes « 1 avril » where French writes « 1er avril »
 * (the first of the month is an ordinal, the other days are not): every formatter that shows a day of the
 * month goes through `formatDate`, which adds the « er » to the day part only, whatever the pattern.
 */
import type { Lang } from './i18n.ts';

/** `formatter.format(date)`, with « 1er » for the first of the month in French. */
export function formatDate(formatter: Intl.DateTimeFormat, date: Date | number, lang: Lang): string {
  if (lang !== 'fr') return formatter.format(date);
  return formatter
    .formatToParts(date)
    .map((part) => (part.type === 'day' && Number(part.value) === 1 ? `${Number(part.value)}er` : part.value))
    .join('');
}
