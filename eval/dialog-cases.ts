/**
 * The labelled answers of `npm run eval:dialogs`: their schema (the held-out file's, plus a few keys the
 * tuning part uses) and how a file of them is read.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

const value = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);

/** What must follow the answer; every key given must hold. */
const expectation = z.strictObject({
  /** The value recorded at the step (or, with `slot`, at the earlier step corrected). */
  value: value.optional(),
  /** Values recorded at other steps by the same message (« oui, la Ville de Nantes »). */
  also: z.record(z.string(), value).optional(),
  /** A correction: the earlier slot that `value` corrects. */
  slot: z.string().optional(),
  /** The step's help, then its question again. */
  help: z.boolean().optional(),
  /** A clarifying question (`…:clarify`: which day, which option, which bound). */
  clarify: z.boolean().optional(),
  /** An offer to leave the step for later. */
  skip_offer: z.boolean().optional(),
  /** An edit: the step opened. */
  edit: z.string().optional(),
  /** An opening message: the dialog it starts, and the steps it fills. */
  start: z.string().optional(),
  filled: z.record(z.string(), value).optional(),
  /** Steps the message must leave empty (a fact said with a doubt, « probablement hybride », is not taken). */
  unfilled: z.array(z.string()).optional(),
  /** An opening message that must start no application (a question about a call: the FAQ answers it). */
  starts_nothing: z.boolean().optional(),
  /** Tuning part only: a kind refusal that repeats what is expected (bad input). */
  refused: z.boolean().optional(),
  /** Tuning part only: the step asked next. */
  asks: z.string().optional(),
  /** Tuning part only: the bot lists what it took from the message (« J'ai noté : … »). */
  noted: z.boolean().optional(),
});
export type Expectation = z.infer<typeof expectation>;

const caseSchema = z.strictObject({
  dialog: z.enum(['local-nec', 'meae-nir', 'nec-ess-travel']),
  /** The step being asked when the person writes; absent for an opening message (no application yet). */
  step: z.string().optional(),
  /** For the per-kind table. */
  kind: z.string(),
  lang: z.enum(['fr', 'en']),
  /** Tuning part only: answers typed at earlier steps on the way (by slot); the runner's defaults fill the rest. */
  before: z.record(z.string(), z.string()).optional(),
  text: z.string(),
  expect: expectation,
  note: z.string().optional(),
});
export type Case = z.infer<typeof caseSchema>;

const fileSchema = z.strictObject({ answers: z.array(caseSchema).min(1) });

/** Reads a case file beside this module. */
export function loadCases(file: string): Case[] {
  return fileSchema.parse(parse(readFileSync(new URL(file, import.meta.url), 'utf8'))).answers;
}
