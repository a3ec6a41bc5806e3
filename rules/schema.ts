/**
 * The shape of a call definition file (`rules/calls/*.yaml`), validated with zod at load time.
 * Cross-references (a rule naming an unknown slot, benefit or figure) are checked here too, so a typo in a
 * file stops start-up with the path inside the file rather than surfacing as a wrong verdict later.
 */
import { z } from 'zod';
import { isCalendarDay } from './calendar.ts';

const localized = z.strictObject({ fr: z.string().min(1), en: z.string().min(1) });
const identifier = z.string().regex(/^[a-z][a-z0-9_]*$/, { message: 'use snake_case: a-z, 0-9 and _' });
const callId = z.string().regex(/^[a-z][a-z0-9-]*$/, { message: 'use kebab-case: a-z, 0-9 and -' });
const calendarDay = z.string().refine(isCalendarDay, { message: 'not a calendar day written YYYY-MM-DD' });

/** A named number or day of the call, referred to by rules, key dates and FAQ texts. */
const figure = z.union([z.number(), z.string()]).refine((v) => typeof v === 'number' || isCalendarDay(v), {
  message: 'must be a number or a day written YYYY-MM-DD',
});
const figureRef = z.strictObject({ figure: identifier });
const slotRef = z.strictObject({ slot: identifier });
/** A number: literal, a figure of the call, or another answer. */
const quantity = z.union([z.number(), figureRef, slotRef]);
/** A day: literal, a figure or an answer. */
const fixedDay = z.union([calendarDay, figureRef, slotRef]);
/** A day a rule compares: a fixed day or the day of evaluation. */
const dayRef = z.union([z.literal('today'), fixedDay]);

/** Where a statement comes from: a section of the call's source (or of another source file). */
const citation = z.strictObject({
  section: z.string().min(1),
  title: z.string().min(1).optional(),
  file: z.string().min(1).optional(),
});

/** The kinds of rule: the source excludes, the source does not foresee, or a warning. */
export const RULE_EFFECTS = ['exclude', 'not_foreseen', 'warn'] as const;

const slotTypes = ['text', 'integer', 'money', 'number', 'date', 'boolean', 'choice', 'multi'] as const;
const slot = z.strictObject({
  id: identifier,
  type: z.enum(slotTypes),
  label: localized,
  choices: z
    .array(z.strictObject({ id: identifier, label: localized }))
    .min(1)
    .optional(),
  optional: z.boolean().optional(),
});

const ruleBase = {
  id: identifier,
  benefits: z.array(identifier).min(1),
  /** The requirement in plain words, with its figures as `{figure_name}` placeholders. */
  message: localized,
  citation,
  /**
   * What failing the rule means, as the source puts it. `exclude` (default): the source excludes it, the benefit is
   * "not eligible". `not_foreseen`: the source does not provide for it without excluding it, the benefit is "to be
   * confirmed" (with `not_foreseen` saying what the source says and what would settle it). `warn`: a warning that
   * leaves the verdict as it is (e.g. a request above a cap gets capped).
   */
  effect: z.enum(RULE_EFFECTS).default('exclude'),
  /** For `not_foreseen` rules only: what the source does say, and what would make the verdict certain. */
  not_foreseen: z.strictObject({ source_says: localized, certain_if: localized }).optional(),
};

const rule = z.discriminatedUnion('op', [
  z.strictObject({ ...ruleBase, op: z.literal('required'), slot: identifier }),
  z.strictObject({
    ...ruleBase,
    op: z.literal('equals'),
    slot: identifier,
    value: z.union([z.string(), z.number(), z.boolean()]),
  }),
  z.strictObject({
    ...ruleBase,
    op: z.literal('one_of'),
    slot: identifier,
    values: z.array(identifier).min(1),
  }),
  z.strictObject({ ...ruleBase, op: z.literal('at_least'), slot: identifier, min: quantity }),
  z.strictObject({ ...ruleBase, op: z.literal('at_most'), slot: identifier, max: quantity }),
  z.strictObject({ ...ruleBase, op: z.literal('more_than'), slot: identifier, than: quantity }),
  z.strictObject({
    ...ruleBase,
    op: z.literal('ratio_at_most'),
    slot: identifier,
    of: identifier,
    max_percent: quantity,
  }),
  z.strictObject({ ...ruleBase, op: z.literal('months_before'), slot: identifier, months: quantity }),
  z.strictObject({
    ...ruleBase,
    op: z.literal('between_dates'),
    day: dayRef,
    from: dayRef.optional(),
    until: dayRef.optional(),
  }),
]);

/** A day worth knowing: fixed, an answer, or N calendar months before another day. */
const keyDate = z.strictObject({
  id: identifier,
  label: localized,
  /**
   * How the summary speaks of this day when it belongs to a past edition (a fixed day of an earlier year than the
   * application's): a sentence in the past tense with `{day}`, e.g. "the agreement ran until {day}".
   */
  past: localized.optional(),
  /** The benefits this day matters for: its reminders go when none of them is within reach any more. */
  benefits: z.array(identifier).optional(),
  citation,
  on: fixedDay.optional(),
  months_before: z.strictObject({ months: quantity, of: fixedDay }).optional(),
});

/** When a reminder fires, counted from its key date: `{ days: -1 }` the day before, `{ months: -1 }` a month before. */
const offset = z.union([
  z.strictObject({ days: z.number().int() }),
  z.strictObject({ months: z.number().int().max(-1) }),
]);

/**
 * A reminder an application implies, counted from one of its key dates: one message per `at`, for the benefits it
 * exists for (`benefits`, else its key date's; none: every application). It does not exist while all of them are
 * not eligible, and says on which condition it holds while none of them is eligible yet.
 */
const reminder = z.strictObject({
  /** kebab-case: the reminder's kind, and the intent `reminder:<id>` of what it sends. */
  id: callId,
  /** The key date it is counted from. */
  of: identifier,
  at: z.array(offset).min(1),
  /** Sent late (after a restart) until this many days after its key date; past that it is dropped. */
  useful_days: z.number().int().min(1).default(1),
  benefits: z.array(identifier).optional(),
  /** `{name}` (the application's first text answer), `{day}` (the key date), `{left}` ("in a week"…), figures. */
  text: localized,
  /** Defaults to the key date's. */
  citation: citation.optional(),
});

const benefit = z.strictObject({
  id: identifier,
  name: localized,
  /** Who decides once the requirements are met, and on which published criteria (may be empty: then we say so). */
  selection: z.strictObject({ by: localized, criteria: z.array(localized), citation }).optional(),
  /** What meeting the requirements leads to, when nobody selects (e.g. a brand free to use). */
  next: localized.optional(),
  /**
   * Benefits this one can only come with (a grant reserved to label holders): it is never eligible while one of
   * them is not, and at best "to be confirmed" or "cannot tell yet" while one of them is.
   */
  requires: z.array(z.strictObject({ benefit: identifier, citation })).default([]),
});

const callObject = z.strictObject({
  id: callId,
  /**
   * A call added without code (a new edition imported in the console) names the call whose dialog asks its
   * questions; a shipped call has a dialog of its own and leaves this out.
   */
  dialog: callId.optional(),
  name: localized,
  organiser: z.string().min(1),
  edition: z.number().int().min(2000).max(2100),
  source: z.strictObject({
    title: z.string().min(1),
    file: z.string().min(1),
    url: z.url().optional(),
    /** The language the source is written in: its section titles are cited as it writes them. */
    lang: z.enum(['fr', 'en']).default('fr'),
    /**
     * For a source not in French: the French rendering of each section title cited (the original, as the key, is
     * what a reader finds in the page; French replies show the rendering and say the page is in English). The
     * shipped calls give every one (test/rules/loader.test.ts); a section added in the console without one is
     * cited as the page writes it, still said to be in English.
     */
    sections_fr: z.record(z.string(), z.string().min(1)).default({}),
  }),
  contacts: z.array(
    z.strictObject({
      name: z.string().min(1),
      role: localized.optional(),
      email: z.email().optional(),
      phone: z.string().optional(),
    }),
  ),
  /** When applications are accepted; after `closes`, every benefit is "closed since …". */
  window: z
    .strictObject({ opens: fixedDay.optional(), closes: fixedDay.optional(), citation })
    .refine((w) => w.opens !== undefined || w.closes !== undefined, {
      message: 'a window needs opens, closes or both',
    })
    .optional(),
  figures: z.record(identifier, figure).default({}),
  slots: z.array(slot).min(1),
  benefits: z.array(benefit).min(1),
  rules: z.array(rule).min(1),
  dates: z.array(keyDate).default([]),
  reminders: z.array(reminder).default([]),
  /** Things the sources leave open that the bot must say (no form linked, charter text elsewhere…). */
  notes: z.array(z.strictObject({ text: localized, citation })).default([]),
});

/** A call definition file, with its cross-references checked. */
export const callSchema = callObject.superRefine(checkReferences);

export type CallDefinition = z.infer<typeof callSchema>;
export type RuleDefinition = CallDefinition['rules'][number];
export type SlotDefinition = CallDefinition['slots'][number];
export type BenefitDefinition = CallDefinition['benefits'][number];
export type KeyDateDefinition = CallDefinition['dates'][number];
export type ReminderDefinition = CallDefinition['reminders'][number];
export type RuleEffect = (typeof RULE_EFFECTS)[number];
export type CitationDefinition = z.infer<typeof citation>;
export type Quantity = z.infer<typeof quantity>;
export type DayRef = z.infer<typeof dayRef>;
export type Figure = z.infer<typeof figure>;

type Path = Array<string | number>;
type RawCall = z.output<typeof callObject>;

const NUMERIC_SLOTS = new Set(['integer', 'money', 'number']);

/** Every name a rule, date or window uses must exist and have a type that fits. */
function checkReferences(call: RawCall, ctx: z.RefinementCtx): void {
  const issue = (path: Path, message: string) => ctx.addIssue({ code: 'custom', path, message });
  const slots = new Map(call.slots.map((s) => [s.id, s]));
  const benefits = new Set(call.benefits.map((b) => b.id));
  const figureNames = Object.keys(call.figures).join(', ') || 'none';
  const slotNames = [...slots.keys()].join(', ');

  const checkSlot = (path: Path, id: string, types: ReadonlySet<string>) => {
    const found = slots.get(id);
    if (!found) issue(path, `unknown slot "${id}" (slots: ${slotNames})`);
    else if (!types.has(found.type))
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
        checkSlot([...at, 'slot'], r.slot, new Set(slotTypes));
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
