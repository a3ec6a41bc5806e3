/** The shipped call files, loaded once for the rules tests. */
import { loadCallDirectory } from '../../rules/loader.ts';
import { DEFAULT_CALLS_DIR } from '../../rules/registry.ts';
import type { CallDefinition } from '../../rules/schema.ts';

const calls = await loadCallDirectory(DEFAULT_CALLS_DIR);

/** A shipped call by id (throws if missing, so a renamed file fails loudly). */
export function shippedCall(id: string): CallDefinition {
  const call = calls.find((c) => c.id === id);
  if (!call) throw new Error(`no shipped call ${id}`);
  return call;
}

/** An instant in Paris: `paris('2026-11-23')` is 10:00 that day, Paris time. */
export function paris(day: string, time = '10:00'): Date {
  return new Date(`${day}T${time}:00+01:00`);
}
