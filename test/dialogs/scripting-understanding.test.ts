/** Answers written as people write, piped through the real entry point's scripting interface (`--jsonl`). */
import { describe, expect, it } from 'vitest';
import { botEnv, runBot } from '../support/run-cli.ts';
import { plainSpaces } from '../support/test-app.ts';

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

  it('asks a free-text step again on a bare yes, sends another question to the FAQ, and reads a named correction', async () => {
    const texts = [
      'candidater local-nec',
      'Les Liens',
      'association',
      '23/03/2027',
      'hybride',
      '1',
      'oui bien sûr',
      'c’est quoi le montant max de la subvention ?',
      'Réunir les médiateurs du territoire',
      'au fait la date n’est plus le 23 mars, on a décalé au 8 avril 2027',
    ];
    const input = texts.map((text) => JSON.stringify({ user: 'u2', text })).join('\n');
    const { code, stdout } = await runBot(
      ['--jsonl', '--now', '2026-12-01T10:00:00+01:00'],
      `${input}\n`,
      botEnv({}),
    );
    expect(code).toBe(0);
    const replies = stdout
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { replies: Array<{ intent: string; text: string }> }).replies);
    expect(replies).toHaveLength(texts.length);
    expect(replies[6]?.map((r) => r.intent)).toEqual(['dialog:local-nec:clarify']);
    expect(replies[7]?.some((r) => r.intent.startsWith('faq:') || r.intent.startsWith('fallback'))).toBe(
      true,
    );
    expect(replies[7]?.at(-1)?.intent).toBe('dialog:local-nec:goal');
    expect(replies[8]?.at(-1)?.intent).toBe('dialog:local-nec:area');
    expect(plainSpaces(replies[9]?.[0]?.text ?? '')).toBe(
      'Corrigé : date de l’événement : le jeudi 8 avril 2027.',
    );
    expect(replies[9]?.at(-1)?.intent).toBe('dialog:local-nec:area');
  }, 60_000);
});
