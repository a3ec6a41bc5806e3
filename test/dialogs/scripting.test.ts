/** A dialog piped through the real entry point's scripting interface (`node src/main.ts --jsonl --now …`). */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { botEnv, runBot } from '../support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'nec-dialog-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('local-nec through the scripting interface', () => {
  it('answers each line with the step asked, the summary verdict and the exported files', async () => {
    const texts = [
      'apply local-nec',
      'Open Lab Co',
      'company',
      '23/03/2027',
      'hybrid',
      '1',
      'Bring mediators and elected officials together around shared tools.',
      'Greater Lyon',
      'digital mediators',
      '149',
      '200',
      'skip',
      'yes',
      'City of Lyon',
      'workshops',
      'two staff',
      '€12,000',
      '9600',
      'yes',
      'no',
      'export',
    ];
    const input = texts.map((text) => JSON.stringify({ user: 'u1', text })).join('\n');
    const exportsDir = join(dir, 'exports');
    const { code, stdout } = await runBot(
      ['--jsonl', '--now', '2026-11-23T10:00:00+01:00'],
      `${input}\n`,
      botEnv({ EXPORTS_DIR: exportsDir, BOT_LANG: 'en' }),
    );
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(texts.length);
    const intents = lines.map((l) => l.replies.at(-1).intent);
    expect(intents.slice(0, 4)).toEqual([
      'dialog:local-nec:organizer_name',
      'dialog:local-nec:legal_entity',
      'dialog:local-nec:event_date',
      'dialog:local-nec:event_format',
    ]);
    const attendance = lines[9].replies.map((r: { intent: string }) => r.intent);
    expect(attendance).toContain('dialog:local-nec:eligibility');
    const summary = lines[18].replies.find(
      (r: { intent: string }) => r.intent === 'dialog:local-nec:summary',
    );
    expect(summary.data.verdict.funding).toMatchObject({ eligible: false, failed: ['min_attendance'] });
    expect(summary.data.verdict.label).toMatchObject({ eligible: true, failed: [], unknown: [] });
    const exported = lines[20].replies[0];
    expect(exported.intent).toBe('dialog:local-nec:export');
    expect(exported.files).toHaveLength(3);
    const markdown = readFileSync(exported.files[0], 'utf8');
    expect(markdown).toContain('## Target audience and expected attendance');
    expect(markdown).toContain('149');
  }, 60_000);
});
