/**
 * Days and times in the console's forms, written day first (31/12/2026, 05/01/2027 09:30) whatever the browser.
 * A native `<input type="date">` shows the order of the browser's own language, not the page's: a French
 * manager on an English browser (or Debian's Chromium, which ships only its en-US locale) read 12/31/2026.
 * So the fields are text, shown and read here; the ISO forms the call files use (2026-12-31,
 * 2027-01-05T09:30) are still accepted as typed, so scripts and pasted values work too.
 */
import type { Localized } from '../core/i18n.ts';

/** What a day field asks for, said in its hint. */
export const DAY_FORMAT: Localized = { fr: 'JJ/MM/AAAA', en: 'DD/MM/YYYY' };
export const INSTANT_FORMAT: Localized = { fr: 'JJ/MM/AAAA HH:MM', en: 'DD/MM/YYYY HH:MM' };

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
/** 31/12/2026, 1/2/2027, 31.12.2026, 31-12-2026. */
const TYPED_DAY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
/** A typed day, then a time: « 05/01/2027 09:30 », « 05/01/2027 à 9h30 ». */
const TYPED_INSTANT = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+(?:à|at)\s+|\s+|,\s*)(\d{1,2})[:h](\d{2})$/i;

const pad = (n: string) => n.padStart(2, '0');

/** A stored day (2026-12-31) as the field shows it (31/12/2026); anything else as it was typed. */
export function shownDay(value: string): string {
  const [, y, m, d] = ISO_DAY.exec(value) ?? [];
  return y ? `${d}/${m}/${y}` : value;
}

/** A day as typed (31/12/2026) in the call files' form (2026-12-31); anything else unchanged, for the schema to judge. */
export function typedDay(value: string): string {
  const [, d = '', m = '', y] = TYPED_DAY.exec(value.trim()) ?? [];
  return y ? `${y}-${pad(m)}-${pad(d)}` : value;
}

/** A local date and time (2027-01-05T09:30) as the field shows it (05/01/2027 09:30). */
export function shownInstant(value: string): string {
  const [, y, m, d, h, min] = ISO_INSTANT.exec(value) ?? [];
  return y ? `${d}/${m}/${y} ${h}:${min}` : value;
}

/** A date and time as typed (05/01/2027 09:30) as a local ISO one (2027-01-05T09:30); else unchanged. */
export function typedInstant(value: string): string {
  const [, d = '', m = '', y, h = '', min] = TYPED_INSTANT.exec(value.trim()) ?? [];
  return y ? `${y}-${pad(m)}-${pad(d)}T${pad(h)}:${min}` : value;
}
