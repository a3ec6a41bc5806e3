/**
 * The rule operators: each is a small pure function of the answers, the call's figures and today's day.
 * A missing answer never fails a rule: it makes the rule "unknown", naming the answers still needed.
 */
import type { Localized } from '../src/core/i18n.ts';
import { firstDayMonthsAfter, monthsBefore } from './calendar.ts';
import type { RuleDefinition } from './schema.ts';
import {
  answerParam,
  isAnswered,
  type Param,
  type RuleContext,
  resolveDay,
  resolveQuantity,
  slotOf,
} from './values.ts';

/** The result of one rule on one application. */
export type Check =
  | { status: 'met' }
  | { status: 'unmet'; detail: Localized; params: Record<string, Param> }
  | { status: 'unknown'; missing: string[] };

const MET: Check = { status: 'met' };
// Sub-cent differences come from floating point, not from what anyone typed.
const HALF_CENT = 0.005;

const YOUR_ANSWER: Localized = { fr: 'votre réponse : {value}', en: 'your answer: {value}' };

/** Runs one rule. */
export function checkRule(rule: RuleDefinition, ctx: RuleContext): Check {
  switch (rule.op) {
    case 'required':
      return isAnswered(ctx.answers[rule.slot]) ? MET : unknown(rule.slot);
    case 'equals':
      return withAnswer(ctx, rule.slot, (answer, value) =>
        answer === rule.value ? MET : unmet(YOUR_ANSWER, { value }),
      );
    case 'one_of':
      return withAnswer(ctx, rule.slot, (answer, value) => {
        const picked = Array.isArray(answer) ? answer : [String(answer)];
        return picked.some((id) => rule.values.includes(id)) ? MET : unmet(YOUR_ANSWER, { value });
      });
    case 'at_least':
      return compare(ctx, rule.slot, resolveQuantity(ctx, rule.min), (a, b) => a >= b, {
        fr: 'votre réponse : {value} (il faut au moins {limit})',
        en: 'your answer: {value} (at least {limit} needed)',
      });
    case 'at_most':
      return compare(ctx, rule.slot, resolveQuantity(ctx, rule.max), (a, b) => a <= b, {
        fr: 'votre réponse : {value} (au plus {limit})',
        en: 'your answer: {value} (at most {limit})',
      });
    case 'more_than':
      return compare(ctx, rule.slot, resolveQuantity(ctx, rule.than), (a, b) => a > b, {
        fr: 'votre réponse : {value} (il faut plus de {limit})',
        en: 'your answer: {value} (more than {limit} needed)',
      });
    case 'ratio_at_most':
      return ratioAtMost(ctx, rule);
    case 'months_before':
      return monthsBeforeEvent(ctx, rule);
    case 'between_dates':
      return betweenDates(ctx, rule);
  }
}

function unknown(...slots: string[]): Check {
  return { status: 'unknown', missing: slots };
}

function unmet(detail: Localized, params: Record<string, Param>): Check {
  return { status: 'unmet', detail, params };
}

function withAnswer(
  ctx: RuleContext,
  slot: string,
  check: (answer: NonNullable<RuleContext['answers'][string]>, value: Param) => Check,
): Check {
  const answer = ctx.answers[slot];
  if (!isAnswered(answer)) return unknown(slot);
  return check(answer, answerParam(slotOf(ctx.call, slot), answer));
}

function compare(
  ctx: RuleContext,
  slot: string,
  limit: ReturnType<typeof resolveQuantity>,
  holds: (answer: number, limit: number) => boolean,
  detail: Localized,
): Check {
  const answer = ctx.answers[slot];
  const missing = [...(isAnswered(answer) ? [] : [slot]), ...('missing' in limit ? [limit.missing] : [])];
  if (missing.length > 0 || typeof answer !== 'number' || 'missing' in limit) return unknown(...missing);
  if (holds(answer, limit.value)) return MET;
  const value = answerParam(slotOf(ctx.call, slot), answer);
  // A figure has no unit: the limit is in the answer's (« 149 personnes (il faut au moins 150 personnes) »).
  const bound = limit.param;
  const inUnit =
    value.kind === 'number' && value.unit && bound.kind === 'number' && !bound.unit
      ? { ...bound, unit: value.unit }
      : bound;
  return unmet(detail, { value, limit: inUnit });
}

function ratioAtMost(ctx: RuleContext, rule: Extract<RuleDefinition, { op: 'ratio_at_most' }>): Check {
  const part = ctx.answers[rule.slot];
  const whole = ctx.answers[rule.of];
  const percent = resolveQuantity(ctx, rule.max_percent);
  const missing = [rule.slot, rule.of].filter((s) => !isAnswered(ctx.answers[s]));
  if ('missing' in percent) missing.push(percent.missing);
  if (missing.length > 0 || typeof part !== 'number' || typeof whole !== 'number' || 'missing' in percent)
    return unknown(...missing);
  const cap = (whole * percent.value) / 100;
  if (part - cap <= HALF_CENT) return MET;
  const money = (value: number): Param => ({ kind: 'money', value });
  return unmet(
    {
      fr: '{value} demandés pour un budget total de {whole} : le plafond est de {cap}',
      en: '{value} requested for a total budget of {whole}: the cap is {cap}',
    },
    { value: money(part), whole: money(whole), cap: money(Math.floor(cap * 100) / 100) },
  );
}

function monthsBeforeEvent(ctx: RuleContext, rule: Extract<RuleDefinition, { op: 'months_before' }>): Check {
  const event = resolveDay(ctx, { slot: rule.slot });
  const months = resolveQuantity(ctx, rule.months);
  if ('missing' in event) return unknown(event.missing);
  if ('missing' in months) return unknown(months.missing);
  const deadline = monthsBefore(event.value, months.value, ctx.timezone);
  // Applying on the deadline day itself still counts.
  if (ctx.today <= deadline) return MET;
  // What is still possible: a later event, from the first day whose deadline is today.
  const earliest = firstDayMonthsAfter(ctx.today, months.value, ctx.timezone);
  return unmet(
    {
      fr: 'pour un événement le {event}, la date limite était le {deadline} : elle est passée, mais un événement à partir du {earliest} serait encore dans les délais',
      en: 'for an event on {event}, the deadline was {deadline}: it has passed, but an event from {earliest} on would still be in time',
    },
    {
      event: event.param,
      deadline: { kind: 'day', value: deadline },
      earliest: { kind: 'day', value: earliest },
    },
  );
}

function betweenDates(ctx: RuleContext, rule: Extract<RuleDefinition, { op: 'between_dates' }>): Check {
  const day = resolveDay(ctx, rule.day);
  const from = rule.from === undefined ? undefined : resolveDay(ctx, rule.from);
  const until = rule.until === undefined ? undefined : resolveDay(ctx, rule.until);
  const missing = [day, from, until].flatMap((r) => (r && 'missing' in r ? [r.missing] : []));
  if (missing.length > 0 || 'missing' in day) return unknown(...missing);
  if (from && 'value' in from && day.value < from.value)
    return unmet(
      { fr: '{day} est avant le {limit}', en: '{day} is before {limit}' },
      { day: day.param, limit: from.param },
    );
  if (until && 'value' in until && day.value > until.value)
    return unmet(
      { fr: '{day} est après le {limit}', en: '{day} is after {limit}' },
      { day: day.param, limit: until.param },
    );
  return MET;
}
