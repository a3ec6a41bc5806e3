/**
 * What a stranger trying the bot on main met (session 4): verdicts that gave no reason when met, English section
 * titles in French replies, internal ids, things said twice, odd wording, and the managers' commands.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/message.ts';
import { driveToSummary, ELIGIBLE_LOCAL_NEC } from '../dialogs/support.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function eligibleSummary(user = 'ana'): Promise<Reply> {
  app = await createTestApp();
  const start = await app.say(user, 'candidater local-nec');
  return (await driveToSummary(app, user, start, ELIGIBLE_LOCAL_NEC)).summary;
}

/** The lines of a verdict: one per rule of a benefit, each with its mark. */
const verdictLines = (text: string): string[] =>
  text.split('\n').filter((line) => /^• (✅|❌|❓|❔|⚠️)/u.test(line));

describe('verdicts', () => {
  it('says why on every line, met ones too, citing the source’s title and section, never a file id', async () => {
    const summary = await eligibleSummary();
    const lines = verdictLines(summary.text);
    expect(lines.filter((line) => line.startsWith('• ✅')).length).toBeGreaterThan(5);
    for (const line of lines) {
      expect(line).toMatch(/\(source : ANCT — NEC locaux, 2023 \(page en anglais\), § .+\)$/);
      expect(line).not.toContain('000_');
    }
    // A benefit reserved to another's holders says so when it is met, too.
    expect(summary.text).toContain(
      '• ✅ Réservé à qui obtient « label NEC local (usage de la marque) », que vous obtenez.',
    );
  });

  it('cites an English source’s sections in French for a French reader, the original kept in the data', async () => {
    const summary = await eligibleSummary();
    expect(summary.text).toContain('§ Engagements des porteurs de projet');
    expect(summary.text).not.toMatch(/§ (Commitments|Selection|Instruction and|Content|Local NEC|Project)/);
    const [english] = await (app as TestApp).say('ana', 'language en');
    expect(english?.intent).toBe('language');
    const [again] = await (app as TestApp).say('ana', 'summary');
    expect(again?.text).toContain('(source: ANCT — NEC locaux, 2023, § Commitments by project initiators)');
  });
});
