/**
 * The cross-reference checks of a call file (rules/schema.ts runs them after the shape): every slot, figure,
 * benefit and key date a rule, date, window or reminder names exists and has a type that fits, ids are unique,
 * and `requires` makes no circle — so a typo stops start-up with its path rather than giving a wrong verdict.
 */
import type { z } from 'zod';
import type { DayRef, Quantity, RawCall } from './schema.ts';

type Path = Array<string | number>;

const NUMERIC_SLOTS = new Set(['integer', 'money', 'number']);

/** Every name a rule, date or window uses must exist and have a type that fits. */
export function checkReferences(call: RawCall, ctx: z.RefinementCtx): void {
  const issue = (path: Path, message: string) => ctx.addIssue({ code: 'custom', path, message });
  const slots = new Map(call.slots.map((s) => [s.id, s]));
  const benefits = new Set(call.benefits.map((b) => b.id));
  const figureNames = Object.keys(call.figures).join(', ') || 'none';
  const slotNames = [...slots.keys()].join(', ');

  /** Without types, any type of slot fits. */
  const checkSlot = (path: Path, id: string, types?: ReadonlySet<string>) => {
    const found = slots.get(id);
    if (!found) issue(path, `unknown slot "${id}" (slots: ${slotNames})`);
    else if (types && !types.has(found.type))
      issue(path, `slot "${id}" is ${found.type}, expected ${[...types].join(' or ')}`);
  };
  const checkFigure = (path: Path, name: string, kind: 'number' | 'day') => {
    const value = call.figures[name];
    if (value === undefined) issue(path, `unknown figure "${name}" (figures: ${figureNames})`);
    else if ((typeof value === 'number') !== (kind === 'number'))
      issue(path, `figure "${name}" is not a ${kind}`);
  };
  const checkQuantity = (path: Path, q: Quantity) => {
    if (typeof q === 'number') return;
    if ('figure' in q) checkFigure([...path, 'figure'], q.figure, 'number');
    else checkSlot([...path, 'slot'], q.slot, NUMERIC_SLOTS);
  };
  const checkDay = (path: Path, d: DayRef | undefined) => {
    if (d === undefined || typeof d === 'string') return;
    if ('figure' in d) checkFigure([...path, 'figure'], d.figure, 'day');
    else checkSlot([...path, 'slot'], d.slot, new Set(['date']));
  };
  const checkUnique = (list: Array<{ id: string }>, key: string) => {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      if (seen.has(item.id)) issue([key, i, 'id'], `duplicate id "${item.id}"`);
      seen.add(item.id);
    });
  };

  checkUnique(call.slots, 'slots');
  checkUnique(call.benefits, 'benefits');
  checkUnique(call.rules, 'rules');
  checkUnique(call.dates, 'dates');
  call.slots.forEach((s, i) => {
    if (s.unit !== undefined && s.type !== 'integer' && s.type !== 'number')
      issue(['slots', i, 'unit'], 'only integer and number slots have a unit');
    const needsChoices = s.type === 'choice' || s.type === 'multi';
    if (needsChoices !== (s.choices !== undefined))
      issue(
        ['slots', i, 'choices'],
        needsChoices ? 'a choice slot needs choices' : 'only choice slots have choices',
      );
  });
  call.rules.forEach((r, i) => {
    const at: Path = ['rules', i];
    if ((r.effect === 'not_foreseen') !== (r.not_foreseen !== undefined))
      issue(
        [...at, 'not_foreseen'],
        r.effect === 'not_foreseen'
          ? 'a not_foreseen rule says what the source says and what would settle it (not_foreseen: { source_says, certain_if })'
          : 'only a rule with effect: not_foreseen has not_foreseen',
      );
    r.benefits.forEach((b, j) => {
      if (!benefits.has(b))
        issue([...at, 'benefits', j], `unknown benefit "${b}" (benefits: ${[...benefits].join(', ')})`);
    });
    switch (r.op) {
      case 'required':
        checkSlot([...at, 'slot'], r.slot);
        break;
      case 'equals':
        checkSlot([...at, 'slot'], r.slot, slotTypesFor(r.value));
        break;
      case 'one_of': {
        checkSlot([...at, 'slot'], r.slot, new Set(['choice', 'multi']));
        const choices = new Set(slots.get(r.slot)?.choices?.map((c) => c.id));
        r.values.forEach((v, j) => {
          if (!choices.has(v)) issue([...at, 'values', j], `"${v}" is not a choice of slot "${r.slot}"`);
        });
        break;
      }
      case 'at_least':
        checkSlot([...at, 'slot'], r.slot, NUMERIC_SLOTS);
        checkQuantity([...at, 'min'], r.min);
        break;
      case 'at_most':
        checkSlot([...at, 'slot'], r.slot, NUMERIC_SLOTS);
        checkQuantity([...at, 'max'], r.max);
        break;
      case 'more_than':
        checkSlot([...at, 'slot'], r.slot, NUMERIC_SLOTS);
        checkQuantity([...at, 'than'], r.than);
        break;
      case 'ratio_at_most':
        checkSlot([...at, 'slot'], r.slot, NUMERIC_SLOTS);
        checkSlot([...at, 'of'], r.of, NUMERIC_SLOTS);
        checkQuantity([...at, 'max_percent'], r.max_percent);
        break;
      case 'months_before':
        checkSlot([...at, 'slot'], r.slot, new Set(['date']));
        checkQuantity([...at, 'months'], r.months);
        break;
      case 'between_dates':
        checkDay([...at, 'day'], r.day);
        checkDay([...at, 'from'], r.from);
        checkDay([...at, 'until'], r.until);
        if (r.from === undefined && r.until === undefined)
          issue(at, 'between_dates needs from, until or both');
        break;
    }
  });
  call.dates.forEach((d, i) => {
    const at: Path = ['dates', i];
    if ((d.on === undefined) === (d.months_before === undefined))
      issue(at, 'a key date needs exactly one of on, months_before');
    checkDay([...at, 'on'], d.on);
    if (d.months_before) {
      checkQuantity([...at, 'months_before', 'months'], d.months_before.months);
      checkDay([...at, 'months_before', 'of'], d.months_before.of);
    }
  });
  if (call.window) {
    checkDay(['window', 'opens'], call.window.opens);
    checkDay(['window', 'closes'], call.window.closes);
  }
  call.dates.forEach((d, i) => {
    d.benefits?.forEach((b, j) => {
      if (!benefits.has(b)) issue(['dates', i, 'benefits', j], `unknown benefit "${b}"`);
    });
  });
  checkUnique(call.reminders, 'reminders');
  const dateIds = new Set(call.dates.map((d) => d.id));
  call.reminders.forEach((r, i) => {
    const at: Path = ['reminders', i];
    if (!dateIds.has(r.of))
      issue([...at, 'of'], `unknown key date "${r.of}" (dates: ${[...dateIds].join(', ') || 'none'})`);
    r.benefits?.forEach((b, j) => {
      if (!benefits.has(b)) issue([...at, 'benefits', j], `unknown benefit "${b}"`);
    });
    r.at.forEach((o, j) => {
      if ('days' in o && o.days >= r.useful_days)
        issue(
          [...at, 'at', j],
          `fires ${o.days} days after its key date but is useful only ${r.useful_days} (useful_days)`,
        );
    });
  });
  call.benefits.forEach((b, i) => {
    if (!call.rules.some((r) => r.benefits.includes(b.id)))
      issue(['benefits', i], `no rule gates benefit "${b.id}"`);
    b.requires.forEach((r, j) => {
      if (!benefits.has(r.benefit))
        issue(['benefits', i, 'requires', j, 'benefit'], `unknown benefit "${r.benefit}"`);
      else if (r.benefit === b.id)
        issue(['benefits', i, 'requires', j, 'benefit'], 'a benefit cannot require itself');
    });
  });
  const cycle = requiresCycle(call.benefits);
  if (cycle) issue(['benefits'], `benefits require each other in a circle: ${cycle.join(' → ')}`);
}

/** A circle of `requires` (a → b → a), if any: the verdicts could not be worked out. */
function requiresCycle(benefits: RawCall['benefits']): string[] | undefined {
  const needs = new Map(benefits.map((b) => [b.id, b.requires.map((r) => r.benefit)]));
  const visit = (id: string, path: string[]): string[] | undefined => {
    if (path.includes(id)) return [...path.slice(path.indexOf(id)), id];
    for (const next of needs.get(id) ?? []) {
      const found = visit(next, [...path, id]);
      if (found) return found;
    }
    return undefined;
  };
  for (const b of benefits) {
    const found = visit(b.id, []);
    if (found) return found;
  }
  return undefined;
}

/** The slot types an `equals` value can be compared with. */
function slotTypesFor(value: string | number | boolean): ReadonlySet<string> {
  if (typeof value === 'boolean') return new Set(['boolean']);
  if (typeof value === 'number') return NUMERIC_SLOTS;
  return new Set(['choice', 'text']);
}
