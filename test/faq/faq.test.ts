import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LANGS } from '../../src/core/i18n.ts';
import { loadKnowledgeBase } from '../../src/faq/knowledge-base.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
afterEach(async () => app?.close());

describe('FAQ through the conversation', () => {
  it('answers a French question in French, with its intent, the source and related questions', async () => {
    app = await createTestApp();
    const [reply] = await app.say('a', 'Combien de participants faut-il pour être financé ?');
    expect(reply?.intent).toBe('faq:local-nec-funding-requirements');
    expect(reply?.text).toContain('150');
    expect(reply?.text).toContain('Source : page ANCT NEC locaux');
    expect(reply?.choices?.map((c) => c.id)).toContain('faq:local-nec-selection-criteria');
    expect(reply?.choices?.map((c) => c.id)).toContain('eligibility local-nec');
  });

  it('answers an English question in English, against entries written in both languages', async () => {
    app = await createTestApp();
    const [reply] = await app.say('b', 'who can get the travel allowance for nec ess?');
    expect(reply?.intent).toBe('faq:nec-ess-travel-allowance');
    expect(reply?.text).toContain('€948');
    expect(reply?.text).toContain('20 km');
    expect(reply?.text).toContain('Source: Social Good Accelerator');
  });

  it('matches without accents, with typos and inflections, and short questions', async () => {
    app = await createTestApp();
    expect((await app.say('c', 'quelles thematiques pour un nec local'))[0]?.intent).toBe(
      'faq:local-nec-themes',
    );
    expect((await app.say('c', 'c quoi le binome chercheur journalsite'))[0]?.intent).toBe(
      'faq:local-nec-duo',
    );
    expect((await app.say('d', 'deadline?'))[0]?.intent).toBe('faq:local-nec-deadline');
    // A new person: after « deadline? », « contact ? » would be a follow-up on local NECs.
    expect((await app.say('d2', 'contact ?'))[0]?.intent).toBe('faq:contacts');
  });

  it('says when a date has passed, by the injected clock', async () => {
    app = await createTestApp({ now: '2026-11-23T10:00:00+01:00' });
    const [late] = await app.say('e', "quand ferme l'appel Numérique Inclusif et Responsable ?");
    expect(late?.intent).toBe('faq:meae-nir-calendar');
    expect(late?.text).toContain('13 mars 2024');
    expect(late?.text).toContain('passées');
    await app.close();
    app = await createTestApp({ now: '2024-01-05T10:00:00+01:00' });
    const [early] = await app.say('e', "quand ferme l'appel Numérique Inclusif et Responsable ?");
    expect(early?.text).toContain('13 mars 2024');
    expect(early?.text).not.toContain('passée');
  });

  it('lists the past days once, in order, only when some day of the answer is still to come', async () => {
    app = await createTestApp({ now: '2026-11-23T10:00:00+01:00' });
    // Every day named is past: the notice says so without naming them again (the card stays short).
    const [dates] = await app.say('e', 'When is NEC ESS Europe 2025?');
    expect(dates?.text).toMatch(/As of today \(23 November 2026\), these dates have passed\.$/m);
    await app.close();
    // Between the call's opening and its closing: the opening is listed, not the closing still to come.
    app = await createTestApp({ now: '2024-02-01T10:00:00+01:00' });
    const [calendar] = await app.say('e', 'When does the Numérique Inclusif et Responsable call close?');
    expect(calendar?.intent).toBe('faq:meae-nir-calendar');
    const notice = calendar?.text.split('\n').find((line) => line.includes('has passed')) ?? '';
    expect(notice).toMatch(/this date has passed: 10 January 2024\.$/);
  });

  it('does not guess on an unknown question: fallback, closest topics, a contact, and the question kept anonymously', async () => {
    app = await createTestApp();
    const [reply] = await app.say('f', 'what is the weather like in Brussels tomorrow?');
    expect(reply?.intent).toBe('fallback');
    expect(reply?.text).toContain('@');
    const [forbidden] = await app.say('f', 'unanswered');
    expect(forbidden?.intent).toBe('forbidden');
    const [list] = await app.say('m', 'sans réponse', { isManager: true });
    expect(list?.intent).toBe('faq:unanswered');
    expect(list?.text).toContain('what is the weather like in brussels tomorrow?');
    expect(JSON.stringify(list?.data)).not.toContain('"f"');
  });

  it('forgets unanswered questions after 90 days', async () => {
    app = await createTestApp();
    await app.say('g', 'how do I renew my passport');
    app.clock.advanceTo(new Date(app.clock.now().getTime() + 91 * 24 * 3600 * 1000));
    const [list] = await app.say('m', 'unanswered', { isManager: true });
    expect(list?.text).not.toContain('passport');
  });

  it('opens a related question when its choice is picked', async () => {
    app = await createTestApp();
    const [first] = await app.say('h', 'what does the NEC charter say?');
    expect(first?.intent).toBe('faq:local-nec-charter');
    const index = (first?.choices ?? []).findIndex((c) => c.id === 'faq:local-nec-commitments');
    const [next] = await app.say('h', String(index + 1));
    expect(next?.intent).toBe('faq:local-nec-commitments');
  });

  it('lists topics with `faq`, a topic’s questions with `faq <topic>`, and gives contacts on request', async () => {
    app = await createTestApp();
    const [topics] = await app.say('i', 'faq');
    expect(topics?.intent).toBe('faq:topics');
    expect(topics?.choices?.map((c) => c.id)).toContain('faq nec-ess');
    const [ess] = await app.say('i', 'faq nec-ess');
    expect(ess?.choices?.map((c) => c.id)).toContain('faq:nec-ess-dates');
    const [search] = await app.say('i', 'faq inscription nec ess');
    expect(search?.intent).toBe('faq:nec-ess-registration');
    const [person] = await app.say('j', "parler à quelqu'un", {
      ref: { platform: 'slack', roomId: 'D1', userId: 'j', isDirect: true },
    });
    expect(person?.intent).toBe('contact');
    expect(person?.text).toContain('amelie.naquet@anct.gouv.fr');
  });
});

describe('FAQ knowledge base', () => {
  it('fills every placeholder of every answer from the call files, in both languages', async () => {
    app = await createTestApp();
    for (const entry of app.faq.kb.entries) {
      for (const lang of LANGS) {
        const reply = app.faq.answer(entry, lang);
        expect(reply.intent).toBe(`faq:${entry.id}`);
        expect(reply.text, `${entry.id} (${lang})`).not.toMatch(/\{(figure|date):/);
      }
    }
  });

  it('takes figures from the call file, so one edit changes both', async () => {
    app = await createTestApp();
    const call = app.calls.get('local-nec');
    if (!call) throw new Error('local-nec call missing');
    call.figures.min_attendance = 200;
    const entry = app.faq.kb.get('local-nec-funding-requirements');
    if (!entry) throw new Error('entry missing');
    expect(app.faq.answer(entry, 'en').text).toContain('at least 200 expected');
  });

  it('rejects a bad entry file with the file and field named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faq-'));
    writeFileSync(
      join(dir, 'bad.yaml'),
      'topic: { id: x, title: { fr: X, en: X }, contact: { fr: c, en: c } }\nentries:\n  - id: Bad Id\n',
    );
    expect(() => loadKnowledgeBase(dir)).toThrow(/bad\.yaml: entries\.0\.id/);
  });
});
