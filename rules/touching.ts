/** Which rules an answer can change, so a dialog can report a broken rule right after the answer. */
import { CALL_CLOSED } from './evaluate.ts';
import type { CallDefinition, RuleDefinition } from './schema.ts';

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
