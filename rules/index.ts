/** The eligibility rules: call definitions as data, one engine, verdicts explained and cited. */
export { type Day, dayIn, formatDay, monthsBefore } from './calendar.ts';
export { type Citation, formatCitation } from './citation.ts';
export { ruleCommands } from './commands.ts';
export { type CallStatus, callStatus, type KeyDate, keyDates } from './dates.ts';
export {
  type BenefitVerdict,
  CALL_CLOSED,
  CALL_NOT_OPEN_YET,
  cited,
  evaluate,
  type RuleOutcome,
  selectionText,
  type Verdict,
  type VerdictEntry,
  verdictData,
} from './evaluate.ts';
export { CallFileError, loadCallDirectory, parseCallFile } from './loader.ts';
export { CallRegistry, DEFAULT_CALLS_DIR, type ReloadListener } from './registry.ts';
export { renderCallRules, renderStatus, renderVerdict } from './render.ts';
export type { BenefitDefinition, CallDefinition, RuleDefinition, SlotDefinition } from './schema.ts';
export { rulesTouching } from './touching.ts';
export { type Answers, type AnswerValue, callFigure } from './values.ts';
