import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CallFileError, loadCallDirectory, parseCallFile } from '../../rules/loader.ts';
import { CallRegistry, DEFAULT_CALLS_DIR } from '../../rules/registry.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nec-calls-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const shipped = (name: string) => readFile(join(DEFAULT_CALLS_DIR, name), 'utf8');

/** The problems a broken variant of the shipped local-nec file gives. */
async function problemsOf(edit: (text: string) => string, file = 'local-nec.yaml'): Promise<string[]> {
  const result = parseCallFile(file, edit(await shipped('local-nec.yaml')));
  if (!('problems' in result)) throw new Error('expected the file to be refused');
  return result.problems;
}

describe('call files', () => {
  it('names the file, the path inside it, the line and the problem for a misspelt figure', async () => {
    const problems = await problemsOf((t) =>
      t.replace('min: { figure: min_attendance }', 'min: { figure: min_atendance }'),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^local-nec\.yaml: rules\[5\] \(min_attendance\)\.min\.figure \(line \d+\): unknown figure "min_atendance" \(figures: min_attendance, funding_months_before, max_grant_percent, agreement_end\)$/,
    );
  });

  it('takes a unit only on an integer or number slot, and only a unit it can say', async () => {
    const onText = await problemsOf((t) =>
      t.replace('label: { fr: territoire concerné, en: area covered }', '$&\n    unit: km'),
    );
    expect(onText.join('\n')).toMatch(
      /slots\[\d+\] \(area\)\.unit \(line \d+\): only integer and number slots have a unit/,
    );
    const unknown = await problemsOf((t) => t.replace('unit: seats', 'unit: chairs'));
    expect(unknown.join('\n')).toMatch(
      /\(venue_capacity\)\.unit \(line \d+\): Invalid option: expected one of "people"\|"seats"\|"km"/,
    );
  });

  it('checks `requires`: an unknown benefit, a benefit requiring itself, a circle', async () => {
    const unknown = await problemsOf((t) =>
      t.replace('      - benefit: label\n', '      - benefit: labels\n'),
    );
    expect(unknown.join('\n')).toMatch(
      /benefits\[1\] \(funding\)\.requires\[0\]\.benefit \(line \d+\): unknown benefit "labels"/,
    );
    const itself = await problemsOf((t) =>
      t.replace('      - benefit: label\n', '      - benefit: funding\n'),
    );
    expect(itself.join('\n')).toContain('a benefit cannot require itself');
    const circle = await problemsOf((t) =>
      t.replace(
        '    next:\n      fr: La marque NEC',
        '    requires: [{ benefit: duo, citation: { section: x } }]\n    next:\n      fr: La marque NEC',
      ),
    );
    expect(circle.join('\n')).toContain('benefits require each other in a circle: label → duo → label');
  });

  it('checks `reminders`: an unknown key date or benefit, a duplicate id, a day past its usefulness', async () => {
    const problems = await problemsOf((t) =>
      t
        .replace('    of: funding_deadline\n', '    of: funding_dedline\n')
        .replace(
          '    benefits: [label]\n    text:\n      fr: "📝',
          '    benefits: [labels]\n    text:\n      fr: "📝',
        )
        .replace('  - id: national-nec\n', '  - id: after-event\n')
        .replace('    at: [{ days: 1 }]\n    useful_days: 60\n', '    at: [{ days: 1 }]\n'),
    );
    expect(problems.join('\n')).toMatch(
      /reminders\[0\] \(funding-deadline\)\.of \(line \d+\): unknown key date "funding_dedline" \(dates: funding_deadline, event, agreement_end\)/,
    );
    expect(problems.join('\n')).toMatch(
      /reminders\[1\] \(event-eve\)\.benefits\[0\].*unknown benefit "labels"/,
    );
    expect(problems.join('\n')).toMatch(/reminders\[3\].*duplicate id "after-event"/);
    expect(problems.join('\n')).toMatch(
      /reminders\[2\] \(after-event\)\.at\[0\].*fires 1 days after its key date but is useful only 1/,
    );
  });

  it('a not_foreseen rule says what the source says and what would settle it; other rules cannot', async () => {
    const bare = await problemsOf((t) =>
      t.replace(/ {4}not_foreseen:\n {6}source_says:[\s\S]*?certain_if:\n.*\n.*\n/, ''),
    );
    expect(bare).toEqual([
      expect.stringMatching(
        /rules\[1\] \(event_format\)\.not_foreseen: a not_foreseen rule says what the source says and what would settle it/,
      ),
    ]);
    const misplaced = await problemsOf((t) => t.replace('    effect: not_foreseen\n', ''));
    expect(misplaced.join('\n')).toContain('only a rule with effect: not_foreseen has not_foreseen');
    const unknownKind = await problemsOf((t) => t.replace('effect: not_foreseen', 'effect: unclear'));
    expect(unknownKind.join('\n')).toMatch(
      /effect.*Invalid option: expected one of "exclude"\|"not_foreseen"\|"warn"/,
    );
  });

  it('refuses an unknown operator and a figure that is neither a number nor a day', async () => {
    const problems = await problemsOf((t) =>
      t
        .replace('op: ratio_at_most', 'op: ratio_below')
        .replace('min_attendance: 150', 'min_attendance: lots'),
    );
    const text = problems.join('\n');
    expect(text).toMatch(/rules\[7\] \(grant_ratio\)\.op \(line \d+\): Invalid discriminator value/);
    expect(text).toMatch(
      /figures\.min_attendance \(line \d+\): must be a number or a day written YYYY-MM-DD/,
    );
  });

  it('refuses a choice the slot does not have, an unknown benefit and a slot of the wrong type', async () => {
    const problems = await problemsOf((t) =>
      t
        .replace('values: [online, hybrid]', 'values: [online, hybride]')
        .replace('benefits: [label]\n    op: equals', 'benefits: [labels]\n    op: equals')
        .replace('slot: expected_attendance\n    min:', 'slot: area\n    min:'),
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /rules\[1\] \(event_format\)\.values\[1\] \(line \d+\): "hybride" is not a choice of slot "event_format"$/,
      ),
      expect.stringMatching(/rules\[2\] \(charter\)\.benefits\[0\] \(line \d+\): unknown benefit "labels"/),
      expect.stringMatching(
        /rules\[5\] \(min_attendance\)\.slot \(line \d+\): slot "area" is text, expected integer or money or number$/,
      ),
    ]);
  });

  it('a shipped call from an English source gives every section it cites a French rendering', async () => {
    const registry = new CallRegistry(DEFAULT_CALLS_DIR);
    await registry.load();
    const english = registry.list().filter((call) => call.source.lang === 'en');
    expect(english.map((call) => call.id)).toContain('local-nec');
    for (const call of english) {
      const cited = new Set<string>();
      const walk = (value: unknown, key?: string): void => {
        if (Array.isArray(value)) for (const item of value) walk(item);
        else if (value && typeof value === 'object') {
          const record = value as Record<string, unknown>;
          if (key === 'citation' && typeof record.section === 'string' && record.file === undefined)
            cited.add(record.section);
          else for (const [k, v] of Object.entries(record)) if (k !== 'source') walk(v, k);
        }
      };
      walk(call);
      expect([...cited].filter((section) => !(section in call.source.sections_fr))).toEqual([]);
    }
  });

  it('reports a YAML syntax error with its line', async () => {
    const problems = await problemsOf((t) => t.replace('edition: 2023', 'edition: [2023'));
    expect(problems[0]).toMatch(/^local-nec\.yaml: line \d+: /);
  });

  it('requires the id to match the file name, and refuses an impossible date', async () => {
    expect(await problemsOf((t) => t, 'local-nec-2024.yaml')).toEqual([
      'local-nec-2024.yaml: id: "local-nec" must match the file name "local-nec-2024"',
    ]);
    const problems = await problemsOf((t) =>
      t.replace('agreement_end: 2023-12-31', 'agreement_end: 2023-02-30'),
    );
    expect(problems.join('\n')).toContain('figures.agreement_end');
  });

  it('stops loading a folder with every problem of every file listed', async () => {
    await writeFile(
      join(dir, 'local-nec.yaml'),
      (await shipped('local-nec.yaml')).replace('slot: venue_capacity', 'slot: venue_size'),
    );
    await writeFile(join(dir, 'broken.json'), '{"id": "broken"}');
    const error = await loadCallDirectory(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CallFileError);
    const problems = (error as CallFileError).problems;
    expect(problems.some((p) => p.startsWith(`${join(dir, 'broken.json')}: name`))).toBe(true);
    expect(
      problems.some(
        (p) => p.includes('rules[6] (venue_capacity).slot') && p.includes('unknown slot "venue_size"'),
      ),
    ).toBe(true);
  });

  it('says when the folder has no call file', async () => {
    await expect(loadCallDirectory(dir)).rejects.toThrow(/no call file/);
  });
});

describe('CallRegistry.reload', () => {
  it('reports the changed calls to listeners, and keeps the calls in force when a file turns invalid', async () => {
    const original = await shipped('meae-nir.yaml');
    await writeFile(join(dir, 'meae-nir.yaml'), original);
    const registry = new CallRegistry(dir);
    await registry.load();
    const heard: string[][] = [];
    registry.onReload((changed) => {
      heard.push(changed);
    });

    expect(await registry.reload()).toEqual([]);
    await writeFile(join(dir, 'meae-nir.yaml'), original.replace('closes: 2024-03-13', 'closes: 2024-03-20'));
    expect(await registry.reload()).toEqual(['meae-nir']);
    expect(registry.get('meae-nir')?.figures.closes).toBe('2024-03-20');
    expect(heard).toEqual([['meae-nir']]);

    await writeFile(join(dir, 'meae-nir.yaml'), original.replace('closes: 2024-03-13', 'closes: soon'));
    await expect(registry.reload()).rejects.toBeInstanceOf(CallFileError);
    expect(registry.get('meae-nir')?.figures.closes).toBe('2024-03-20');
    expect(heard).toHaveLength(1);
  });
});
