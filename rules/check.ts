/** `npm run calls:check [folder]`: validates the call files and says what each defines, or exactly what is wrong. */
import { plural } from '../src/core/plural.ts';
import { CallFileError, loadCallDirectory } from './loader.ts';
import { DEFAULT_CALLS_DIR } from './registry.ts';
import { RULE_EFFECTS } from './schema.ts';

/** « 1 rule », « 3 rules »: this report is in English. */
const count = (n: number, noun: string): string =>
  plural('en', n, { fr: { one: '', other: '' }, en: { one: `{count} ${noun}`, other: `{count} ${noun}s` } });

const dir = process.argv[2] ?? (process.env.CALLS_DIR || DEFAULT_CALLS_DIR);
try {
  const calls = await loadCallDirectory(dir);
  for (const call of calls) {
    const kinds = RULE_EFFECTS.map((e) => `${call.rules.filter((r) => r.effect === e).length} ${e}`).join(
      ', ',
    );
    const requires = call.benefits.flatMap((b) => b.requires.map((r) => `${b.id} → ${r.benefit}`));
    // Which benefits each reminder follows (its own, else its key date's): what the verdict does to it.
    const follows = call.reminders.map((r) => {
      const benefits = r.benefits ?? call.dates.find((d) => d.id === r.of)?.benefits ?? [];
      return `${r.id} → ${benefits.join(' or ') || 'every application'}`;
    });
    process.stdout.write(
      `ok ${call.id} (edition ${call.edition}): ${count(call.benefits.length, 'benefit')}, ${count(call.rules.length, 'rule')} (${kinds}), ${count(call.slots.length, 'slot')}, ${count(call.dates.length, 'key date')}${requires.length > 0 ? `; requires: ${requires.join(', ')}` : ''}${follows.length > 0 ? `; reminders follow: ${follows.join(', ')}` : ''}\n`,
    );
  }
  process.stdout.write(`${count(calls.length, 'call file')} valid in ${dir}\n`);
} catch (error) {
  if (!(error instanceof CallFileError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
