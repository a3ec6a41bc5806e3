/** Reading instants written in ISO 8601: with an offset as given, without one in a named time zone. */
import { tz } from '@date-fns/tz';
// Per-function imports: the date-fns root module loads every function (over a second at start-up).
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';

const HAS_OFFSET = /(Z|[+-]\d{2}(:?\d{2})?)$/i;

/** The instant an ISO 8601 text names; a text without an offset is read in `zone`. Undefined if invalid. */
export function parseInstant(text: string, zone: string): Date | undefined {
  // A bare date means its midnight in the zone (parseISO alone would read it as UTC midnight).
  const trimmed = /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? `${text.trim()}T00:00` : text.trim();
  if (!/^\d{4}-\d{2}-\d{2}/.test(trimmed)) return undefined;
  const parsed = HAS_OFFSET.test(trimmed) ? parseISO(trimmed) : parseISO(trimmed, { in: tz(zone) });
  return isValid(parsed) ? new Date(parsed.getTime()) : undefined;
}
