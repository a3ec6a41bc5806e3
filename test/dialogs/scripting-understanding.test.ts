/** Answers written as people write, piped through the real entry point's scripting interface (`--jsonl`). */
import { describe, expect, it } from 'vitest';
import { botEnv, runBot } from '../support/run-cli.ts';

describe('local-nec through the scripting interface, in plain words', () => {
  it('starts from an opening that gives facts, then reads questions, edits, a contradiction and a "not yet"', async () => {
    const texts = [
      'Bonjour, nous sommes l’association Les Petits Débrouillards et voulons organiser un NEC local hybride le 15 juin 2027 à Rennes pour 200 personnes',
      'quels thèmes sont possibles ?',
      'l’inclusion numérique et cybersécurité',
      'modifier la date',
      'samedi 15 juin',
      'le 15 juin 2027',
      'je ne sais pas encore',
      'oui',
    ];
    const input = texts.map((text) => JSON.stringify({ user: 'u1', text })).join('\n');
    const { code, stdout } = await runBot(
      ['--jsonl', '--now', '2026-12-01T10:00:00+01:00'],
      `${input}\n`,
      botEnv({}),
    );
    expect(code).toBe(0);
    const intents = stdout
      .trim()
      .split('\n')
      .map((line) =>
        (JSON.parse(line) as { replies: Array<{ intent: string }> }).replies.map((r) => r.intent),
      );
    expect(intents).toHaveLength(texts.length);
    expect(intents[0]).toEqual([
      'dialog:local-nec:start',
      'dialog:local-nec:facts',
      'dialog:local-nec:themes',
    ]);
    expect(intents[1]).toEqual(['dialog:step-help', 'dialog:local-nec:themes']);
    expect(intents[2]).toEqual(['dialog:local-nec:noted', 'dialog:local-nec:goal']);
    expect(intents[3]).toEqual(['dialog:local-nec:event_date']);
    expect(intents[4]).toEqual(['dialog:local-nec:clarify']);
    expect(intents[5]).toContain('dialog:local-nec:noted');
    expect(intents[5]?.at(-1)).toBe('dialog:local-nec:goal');
    expect(intents[6]).toEqual(['confirm:dialog-skip-offer']);
    expect(intents[7]).toEqual(['dialog:skipped', 'dialog:local-nec:audience']);
  }, 60_000);
});
