/**
 * A question or talk about the step at a free-text step (« est-ce que je dois tout détailler », "you mean who
 * comes") is asked back, never stored; a « oui » then keeps it, and plain free text is stored at once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { asksRatherThanAnswers } from '../../src/understanding/asking-back.ts';
import { speaksOfTheAnswer } from '../../src/understanding/unsure.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { answersOf, ELIGIBLE_LOCAL_NEC, reachStep } from './support.ts';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('asking rather than answering', () => {
  it('reads questions by their form, not free text that merely contains a hyphen or a capital', () => {
    for (const q of [
      'est-ce que je dois tout détailler',
      'faut-il écrire un paragraphe entier',
      'on peut mettre plusieurs objectifs',
      'le territoire de qui',
      'vous parlez de quelles ressources',
      'should I write a full paragraph',
      'is that the city or the region',
      'you mean who comes',
      'the full name or the short one',
    ])
      expect(asksRatherThanAnswers(q), q).toBe(true);
    for (const a of [
      'Ateliers pour les seniors',
      'Digital inclusion for rural elders',
      'No keynotes: only hands-on workshops and a repair café',
      'Saint-Nazaire',
      'La Poste, Emmaüs Connect',
      'le centre social ou la médiathèque',
    ])
      expect(asksRatherThanAnswers(a), a).toBe(false);
  });

  it('takes « on n’a pas vraiment décidé » as a sentence about the answer, not « on ne laisse personne de côté »', () => {
    expect(speaksOfTheAnswer('on n’a pas vraiment décidé')).toBe(true);
    expect(speaksOfTheAnswer('we haven’t decided')).toBe(true);
    expect(speaksOfTheAnswer('on ne laisse personne de côté')).toBe(false);
  });

  it('asks back « Je note … comme … ? » at the step, and stores the words on « oui »', async () => {
    app = await createTestApp({ now: '2026-12-01T10:00:00+01:00' });
    await reachStep(app, 'u', 'local-nec', 'goal', ELIGIBLE_LOCAL_NEC);
    const asked = await app.say('u', 'on peut mettre plusieurs objectifs');
    expect(asked.map((r) => r.intent)).toContain('dialog:local-nec:clarify');
    expect(asked.map((r) => r.text).join(' ')).toContain('Je note « on peut mettre plusieurs objectifs »');
    expect((await answersOf(app, 'u')).goal).toBeUndefined();
    await app.say('u', 'oui');
    expect((await answersOf(app, 'u')).goal).toBe('on peut mettre plusieurs objectifs');
  });

  it('asks back « sans doute hybride mais rien n’est calé » with the value, and keeps it on « oui »', async () => {
    app = await createTestApp({ now: '2026-12-01T10:00:00+01:00' });
    await reachStep(app, 'u', 'local-nec', 'event_format', ELIGIBLE_LOCAL_NEC);
    const asked = await app.say('u', 'sans doute hybride mais rien n’est calé');
    expect(asked.map((r) => r.intent)).toEqual(['dialog:local-nec:clarify']);
    expect(asked[0]?.text).toContain('je note hybride');
    expect((await answersOf(app, 'u')).event_format).toBeUndefined();
    await app.say('u', 'oui');
    expect((await answersOf(app, 'u')).event_format).toBe('hybrid');
  });

  it('asks back a name step’s answer that does not look like a name (« la mienne »), not « Les Liens »', async () => {
    app = await createTestApp({ now: '2026-12-01T10:00:00+01:00' });
    await reachStep(app, 'u', 'local-nec', 'organizer_name', ELIGIBLE_LOCAL_NEC);
    expect((await app.say('u', 'la mienne')).map((r) => r.intent)).toEqual(['dialog:local-nec:clarify']);
    expect((await answersOf(app, 'u')).organizer_name).toBeUndefined();
    await app.say('u', 'Les Liens');
    expect((await answersOf(app, 'u')).organizer_name).toBe('Les Liens');
  });

  it('« moi-même » at the name is the kind of organiser (a private person, said with its rule), the name asked again', async () => {
    app = await createTestApp({ now: '2026-12-01T10:00:00+01:00' });
    await reachStep(app, 'u', 'local-nec', 'organizer_name', ELIGIBLE_LOCAL_NEC);
    const r = await app.say('u', 'moi-même');
    expect(r.map((m) => m.intent)).toEqual([
      'dialog:local-nec:noted',
      'dialog:local-nec:eligibility',
      'dialog:local-nec:organizer_name',
    ]);
    expect((await answersOf(app, 'u')).legal_entity).toBe('individual');
    expect((await answersOf(app, 'u')).organizer_name).toBeUndefined();
    await app.say('u', 'Les Liens');
    expect((await answersOf(app, 'u')).organizer_name).toBe('Les Liens');
  });
});
