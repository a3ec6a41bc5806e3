/**
 * Wording a French reader expects, as a person meets it in conversation: counted texts in the right form,
 * « 1er » for the first of the month, a step count that does not jump, labels where slot ids used to show, a
 * channel named twice broadcast once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/message.ts';
import { askedSlot, driveToSummary, ELIGIBLE_LOCAL_NEC, reply } from '../dialogs/support.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const stepText = (replies: Reply[]): string =>
  replies.findLast((r) => typeof r.data?.slot === 'string')?.text ?? '';

describe('wording', () => {
  it('says « le jeudi 1er avril 2027 » for the first of the month, and no « (s) » in the reminders offer', async () => {
    app = await createTestApp();
    const start = await app.say('ana', 'candidater local-nec');
    const { all } = await driveToSummary(app, 'ana', start, {
      ...ELIGIBLE_LOCAL_NEC,
      event_date: '1/4/2027',
    });
    expect(all.map((r) => r.text).join('\n')).toContain('jeudi 1er avril 2027');
    const offer = all.find((r) => r.intent === 'confirm:reminders:accept');
    expect(offer?.text).toMatch(/^Voulez-vous que je vous envoie \d+ rappels pour ce dossier/);
    const [accepted] = await app.say('ana', 'oui');
    expect(accepted?.text).toMatch(/^C’est noté : \d+ rappels programmés\./);
    expect(all.map((r) => r.text).join('\n')).not.toMatch(/\(s\)|·aux/);
  });

  it('shows the step and the questions left, one fewer at each answer, an « autre » one too', async () => {
    app = await createTestApp();
    let r = await app.say('ana', 'candidater local-nec');
    expect(stepText(r)).toMatch(/^\*\*Étape 1\*\* \(encore (\d+) questions ensuite\)/);
    const left = Number(/encore (\d+)/.exec(stepText(r))?.[1]);
    r = await app.say('ana', 'Les Liens');
    expect(stepText(r)).toContain(`**Étape 2** (encore ${left - 1} questions ensuite)`);
    r = await app.say('ana', 'autre personne morale');
    expect(askedSlot(r)).toBe('legal_entity_other');
    // The « which kind? » step was counted as one that may come: the count goes on down.
    expect(stepText(r)).toContain(`**Étape 3** (encore ${left - 2} questions ensuite)`);
    expect(stepText(r)).not.toMatch(/\d+\/\d+/);

    const [list] = await app.say('ana', 'candidatures');
    expect(list?.text).toContain('en cours, étape « nature de la personne morale »');
    expect(list?.text).not.toContain('legal_entity_other');
  });

  it('says « dernière question » at the last step, in English "last question"', async () => {
    app = await createTestApp();
    await app.say('sam', 'apply nec-ess-travel');
    // The call is closed: prepared anyway, for a next edition.
    const start = await app.say('sam', 'yes');
    let r = start;
    for (const answer of ['Open Lab Co', 'yes', 'paris', '120']) r = await app.say('sam', answer);
    expect(askedSlot(r)).toBe('allowance_already_claimed');
    expect(stepText(r)).toMatch(/^\*\*Step 5\*\* \(last question\)/);
  });

  it('asks the NEC ESS travel questions as the source means them, in French and English', async () => {
    const bot = await createTestApp();
    app = bot;
    const prompts = async (user: string, apply: string, yes: string, answers: string[]) => {
      await bot.say(user, apply);
      let r = await bot.say(user, yes);
      const asked: string[] = [];
      for (const answer of answers) {
        asked.push(stepText(r).replace(/^\*\*[^*]+\*\*[^—]*— /, ''));
        r = await bot.say(user, answer);
      }
      asked.push(stepText(r).replace(/^\*\*[^*]+\*\*[^—]*— /, ''));
      return asked.slice(1);
    };
    // « Vous (et/ou vos collègues) y participez pour la première fois ? » — the people who come; the distance is
    // the headquarters' to the venue chosen just before; one allowance per organisation, whoever asked for it.
    expect(await prompts('léa', 'candidater nec-ess-travel', 'oui', ['Les Liens', 'oui', 'Paris'])).toEqual([
      'Est-ce la première fois que vous, ou les collègues qui viennent avec vous, participez au NEC ESS ?',
      expect.stringContaining('Lequel de ces lieux visiez-vous ?'),
      'À combien de kilomètres du lieu de l’événement où vous allez se trouve le siège de votre organisation ?',
    ]);
    const [claimed] = (
      await prompts('sam', 'apply nec-ess-travel', 'yes', ['Open Lab', 'yes', 'Paris', '450'])
    ).slice(-1);
    expect(claimed).toBe(
      'Has anyone from your organisation (you or a colleague) already asked for this allowance? It is granted per organisation, not per person.',
    );
    const [help] = await bot.say('sam', 'what does that mean?');
    expect(help?.text).toContain('if a colleague has already asked for it, answer yes');
  });

  it('broadcasts once to a channel named twice, and counts « 1 canal »', async () => {
    app = await createTestApp();
    const manager = { room: 'general', isManager: true };
    const [preview] = await app.say('max', 'diffuser #general #general demain 9h Clôture vendredi', manager);
    expect(preview?.text).toContain('dans #general,');
    expect(preview?.text).not.toContain('#general, #general');
    const [scheduled] = await app.say('max', 'oui', manager);
    expect(reply([scheduled as Reply], 'broadcast:scheduled').text).toContain('(1 canal)');
    expect((await app.broadcasts.scheduled())[0]?.rooms).toEqual(['general']);
  });
});
