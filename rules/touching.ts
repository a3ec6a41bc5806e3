/** Which rules an answer can change, so a dialog can report a broken rule right after the answer. */
import { CALL_CLOSED } from './evaluate.ts';
import type { BenefitDefinition, CallDefinition, RuleDefinition } from './schema.ts';

/** The ids of the rules that read a slot (directly, as a limit, or as a day), in file order. */
export function rulesTouching(call: CallDefinition, slot: string): string[] {
  const ids = call.rules.filter((rule) => slotsRead(rule).includes(slot)).map((r) => r.id);
  const window = [call.window?.opens, call.window?.closes];
  if (window.some((d) => typeof d === 'object' && 'slot' in d && d.slot === slot)) ids.unshift(CALL_CLOSED);
  return ids;
}

function slotsRead(rule: RuleDefinition): string[] {
  const refs: unknown[] = Object.values(rule);
  const nested = refs.flatMap((v) => (v && typeof v === 'object' && 'slot' in v ? [String(v.slot)] : []));
  return 'slot' in rule ? [rule.slot, ...nested, ...('of' in rule ? [rule.of] : [])] : nested;
}

/**
 * The benefits a verdict cannot give without this slot's answer: those of the rules that read it, and those that
 * require one of them — in the call's order.
 */
export function benefitsNeeding(call: CallDefinition, slot: string): BenefitDefinition[] {
  const reading = new Set(rulesTouching(call, slot));
  const needing = new Set(call.rules.filter((r) => reading.has(r.id)).flatMap((r) => r.benefits));
  // `requires` makes no circle (the schema checks it): a pass per benefit reaches every one that depends.
  for (const _ of call.benefits)
    for (const b of call.benefits)
      if (b.requires.some((need) => needing.has(need.benefit))) needing.add(b.id);
  return call.benefits.filter((b) => needing.has(b.id));
}
