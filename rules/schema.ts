/**
 * The shape of a call definition file (`rules/calls/*.yaml`), validated with zod at load time.
 * Cross-references (a rule naming an unknown slot, benefit or figure) are checked after the shape, by
 * schema-references.ts, so a typo in a file stops start-up with the path inside the file rather than surfacing
 * as a wrong verdict later.
 */
import { z } from 'zod';
import { isCalendarDay } from './calendar.ts';
import { checkReferences } from './schema-references.ts';
import { SLOT_UNITS } from './units.ts';

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
  /** What an integer or number slot counts, said with its answers (« 150 personnes », « 300 km »). */
  unit: z.enum(SLOT_UNITS).optional(),
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
  /** What meeting the requirements leads to, when nobody selects (e.g. a brand free to use), and where it is said. */
  next: localized.extend({ citation: citation.optional() }).optional(),
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
/** A call file as parsed, before its cross-references are checked. */
export type RawCall = z.output<typeof callObject>;
