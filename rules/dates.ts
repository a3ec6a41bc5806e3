/** A call's key days for an application (deadlines, agreement end…) and the call's status on a given day. */
import type { Localized } from '../src/core/i18n.ts';
import { type Day, dayIn, monthsBefore, yearOf } from './calendar.ts';
import { type Citation, resolveCitation } from './citation.ts';
import type { CallDefinition } from './schema.ts';
import { type Answers, resolveDay, resolveQuantity, type ValueContext } from './values.ts';

export interface KeyDate {
  id: string;
  date: Day;
  label: Localized;
  citation: Citation;
  /** A day of the call's edition (a figure or a literal), not one computed from the application's answers. */
  fixed: boolean;
  /** How to speak of it once its edition is past (`{day}` placeholder), if the call file says. */
  past?: Localized;
  /** The benefits it matters for, if the call file says (none: the whole application). */
  benefits?: string[];
}

/**
 * The call's key days that can be computed from these answers (funding deadline = event − 4 calendar months in
 * the time zone, agreement end, opening and closing…), in date order; a day needing a missing answer is left out.
 */
export function keyDates(call: CallDefinition, answers: Answers, timezone: string): KeyDate[] {
  const ctx: ValueContext = { call, answers };
  const found: KeyDate[] = [];
  for (const definition of call.dates) {
    const date = keyDay(ctx, definition, timezone);
    if (date)
      found.push({
        id: definition.id,
        date,
        label: definition.label,
        citation: resolveCitation(call, definition.citation),
        fixed: isFixed(definition),
        ...(definition.past ? { past: definition.past } : {}),
        ...(definition.benefits ? { benefits: definition.benefits } : {}),
      });
  }
  return found.sort((a, b) => a.date.localeCompare(b.date));
}

/** A day that does not depend on any answer: it belongs to the call's edition. */
function isFixed(definition: CallDefinition['dates'][number]): boolean {
  const refs = definition.on !== undefined ? [definition.on] : [definition.months_before?.of];
  return refs.every((ref) => typeof ref === 'string' || (typeof ref === 'object' && 'figure' in ref));
}

function keyDay(
  ctx: ValueContext,
  definition: CallDefinition['dates'][number],
  timezone: string,
): Day | undefined {
  if (definition.on !== undefined) {
    const day = resolveDay(ctx, definition.on);
    return 'value' in day ? day.value : undefined;
  }
  if (!definition.months_before) return undefined;
  const of = resolveDay(ctx, definition.months_before.of);
  const months = resolveQuantity(ctx, definition.months_before.months);
  return 'value' in of && 'value' in months ? monthsBefore(of.value, months.value, timezone) : undefined;
}

/** Where a call stands on a day: open, not open yet, or closed; and whether its rules are a past year's. */
export interface CallStatus {
  state: 'open' | 'upcoming' | 'closed';
  /** The closing day (closed) or opening day (upcoming). */
  day?: Day;
  pastEdition: boolean;
}

/** The call's status on the injected clock's day, in a time zone. */
export function callStatus(call: CallDefinition, now: Date, timezone: string): CallStatus {
  const today = dayIn(now, timezone);
  return { ...windowOn(call, {}, today), pastEdition: call.edition < yearOf(today) };
}

/** Whether the call's window is open on a day (its days may depend on the answers, e.g. an event date). */
export function windowOn(
  call: CallDefinition,
  answers: Answers,
  today: Day,
): Omit<CallStatus, 'pastEdition'> {
  const ctx: ValueContext = { call, answers };
  const closes = call.window?.closes === undefined ? undefined : resolveDay(ctx, call.window.closes);
  const opens = call.window?.opens === undefined ? undefined : resolveDay(ctx, call.window.opens);
  if (closes && 'value' in closes && today > closes.value) return { state: 'closed', day: closes.value };
  if (opens && 'value' in opens && today < opens.value) return { state: 'upcoming', day: opens.value };
  return { state: 'open' };
}
