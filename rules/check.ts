/** `npm run calls:check [folder]`: validates the call files and says what each defines, or exactly what is wrong. */
import { CallFileError, loadCallDirectory } from './loader.ts';
import { DEFAULT_CALLS_DIR } from './registry.ts';
import { RULE_EFFECTS } from './schema.ts';

const dir = process.argv[2] ?? (process.env.CALLS_DIR || DEFAULT_CALLS_DIR);
try {
  const calls = await loadCallDirectory(dir);
  for (const call of calls) {
    const kinds = RULE_EFFECTS.map((e) => `${call.rules.filter((r) => r.effect === e).length} ${e}`).join(
      ', ',
    );
    const requires = call.benefits.flatMap((b) => b.requires.map((r) => `${b.id} → ${r.benefit}`));
    process.stdout.write(
      `ok ${call.id} (edition ${call.edition}): ${call.benefits.length} benefit(s), ${call.rules.length} rule(s) (${kinds}), ${call.slots.length} slot(s), ${call.dates.length} key date(s)${requires.length > 0 ? `; requires: ${requires.join(', ')}` : ''}\n`,
    );
  }
  process.stdout.write(`${calls.length} call file(s) valid in ${dir}\n`);
} catch (error) {
  if (!(error instanceof CallFileError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
