/**
 * Where the person stands, as a stranger checked it: the questions left only go down as one answers (a
 * question that may still come is counted), an edit shows the current answer instead of a count, status
 * questions in plain words show the progress, and « passer » leaves a required step for later.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/message.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { askedSlot, ELIGIBLE_LOCAL_NEC, reply } from './support.ts';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const start = () => createTestApp({ now: '2026-12-01T10:00:00+01:00' });
const stepText = (replies: Reply[]) => replies.findLast((r) => typeof r.data?.slot === 'string')?.text ?? '';
const left = (replies: Reply[]) => {
  const text = stepText(replies);
  return /dernière question/.test(text) ? 0 : Number(/encore (\d+) question/.exec(text)?.[1]);
};

describe('the questions left', () => {
  it('go down at every answer, through a « yes » that adds the authority’s name', async () => {
    app = await start();
    let r = await app.say('u', 'candidater local-nec');
    const counts = [left(r)];
    for (let guard = 0; guard < 30 && !r.some((x) => x.intent.endsWith(':summary')); guard++) {
      r = await app.say('u', ELIGIBLE_LOCAL_NEC[askedSlot(r) as string] as string);
      if (!r.some((x) => x.intent.endsWith(':summary'))) counts.push(left(r));
    }
    expect(counts.length).toBeGreaterThan(15);
    for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeLessThan(counts[i - 1] as number);
    expect(counts.at(-1)).toBe(0);
  });

  it('are not shown at an edit, which shows the current answer; the count then goes on where it was', async () => {
    app = await start();
    let r = await app.say('u', 'candidater local-nec');
    r = await app.say('u', 'Les Liens');
    r = await app.say('u', 'association');
    r = await app.say('u', '23/03/2027');
    const before = left(r);
    expect(askedSlot(r)).toBe('event_format');
    r = await app.say('u', 'modifier la date');
    expect(askedSlot(r)).toBe('event_date');
    expect(stepText(r)).toMatch(/^\*\*Étape 3\*\* \(modification ; réponse actuelle : 23 mars 2027\) — /);
    r = await app.say('u', '24/03/2027');
    expect(askedSlot(r)).toBe('event_format');
    expect(left(r)).toBe(before);
  });
});

describe('status in plain words', () => {
  for (const text of [
    'on en est où ?',
    'on en est ou',
    'où en suis-je ?',
    'il reste combien de questions ?',
  ]) {
    it(`« ${text} » shows the progress, then the step`, async () => {
      app = await start();
      await app.say('u', 'candidater local-nec');
      await app.say('u', 'Les Liens');
      const r = await app.say('u', text);
      expect(reply(r, 'dialog:local-nec:status').text).toContain('Les Liens');
      expect(r.some((x) => x.intent === 'dialog:step-help' || x.intent.endsWith(':invalid'))).toBe(false);
      expect(askedSlot(r)).toBe('legal_entity');
    });
  }

  it('"where are we?" in English', async () => {
    app = await start();
    await app.say('u', 'apply local-nec');
    await app.say('u', 'Open Lab');
    const r = await app.say('u', 'where are we?');
    expect(reply(r, 'dialog:local-nec:status').text).toContain('Open Lab');
  });
});

describe('« passer » and « je ne sais pas encore » agree', () => {
  it('both leave a required step for later, missing in the summary', async () => {
    app = await start();
    await app.say('u', 'candidater local-nec');
    await app.say('u', 'Les Liens');
    let r = await app.say('u', 'association');
    expect(askedSlot(r)).toBe('event_date');
    r = await app.say('u', 'je ne sais pas encore');
    expect(reply(r, 'confirm:dialog-skip-offer').text).toContain('nécessaire au dossier');
    r = await app.say('u', 'oui');
    expect(askedSlot(r)).toBe('event_format');
    r = await app.say('u', 'passer');
    expect(reply(r, 'dialog:skipped').text).toContain('nécessaire au dossier');
    expect(askedSlot(r)).toBe('themes');
    r = await app.say('u', 'état');
    expect(reply(r, 'dialog:local-nec:status').text).toMatch(
      /Encore manquantes[\s\S]*date de l’événement \(passée\)[\s\S]*format de l’événement \(passée\)/,
    );
  });
});
