/**
 * Calls named the way people name them: « candidater nec local », "apply MEAE", « candidater au NEC-ESS »
 * start the right dialog, and so does a sentence asking for the NEC ESS travel to be paid for — as
 * conversation scripts and through the scripting interface.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runJsonl } from '../support/jsonl.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { answersOf, askedSlot, ELIGIBLE_LOCAL_NEC, reachStep, reply } from './support.ts';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Today is Tuesday 1 December 2026: the local NEC call is open, the two others closed. */
const start = () => createTestApp({ now: '2026-12-01T10:00:00+01:00' });

const NAMED: Array<[string, string]> = [
  ['candidater nec local', 'local-nec'],
  ['candidater NEC local', 'local-nec'],
  ['apply local NEC', 'local-nec'],
  ['candidater pour organiser un NEC local', 'local-nec'],
  ['candidater nec-ess', 'nec-ess-travel'],
  ['candidater au NEC ESS', 'nec-ess-travel'],
  ['candidater déplacement NEC ESS', 'nec-ess-travel'],
  ['apply for the travel allowance', 'nec-ess-travel'],
  ['candidater NIR', 'meae-nir'],
  ['apply MEAE', 'meae-nir'],
  ['postuler à l’appel Numérique inclusif et responsable', 'meae-nir'],
];

describe('a call named by its other names', () => {
  for (const [text, dialog] of NAMED)
    it(`« ${text} » → ${dialog}`, async () => {
      app = await start();
      let r = await app.say('u', text);
      // A closed call is said first: preparing it anyway starts that dialog.
      if (r.some((x) => x.intent === 'confirm:dialog-closed-call')) r = await app.say('u', 'oui');
      expect(reply(r, `dialog:${dialog}:start`).intent).toBe(`dialog:${dialog}:start`);
    });

  it('an unknown name still lists the calls', async () => {
    app = await start();
    const r = await app.say('u', 'candidater prix de la meilleure pizza');
    expect(reply(r, 'dialog:choose-call').text).toContain('Je ne connais pas l’appel');
  });

  it('a call named mid-application is not stored as the answer', async () => {
    app = await start();
    await app.say('u', 'candidater local-nec');
    const r = await app.say('u', 'candidater nec-ess');
    expect(reply(r, 'dialog:busy').intent).toBe('dialog:busy');
    expect(askedSlot(r)).toBe('organizer_name');
  });
});

describe('the NEC ESS travel asked for in a sentence', () => {
  it('« je voudrais la prise en charge de mon déplacement au NEC ESS » starts it, and « oui » prepares it', async () => {
    app = await start();
    let r = await app.say('u', 'je voudrais la prise en charge de mon déplacement au NEC ESS');
    expect(reply(r, 'confirm:dialog-closed-call').text).toContain('Défraiement de déplacement');
    r = await app.say('u', 'oui');
    expect(askedSlot(r)).toBe('organisation_name');
  });

  it('a question about it, or about registering, still goes to the FAQ', async () => {
    app = await start();
    let r = await app.say('u', 'je voudrais savoir comment me faire rembourser mon déplacement au NEC ESS');
    expect(r.some((x) => x.intent.startsWith('faq:'))).toBe(true);
    r = await app.say('u', 'je veux m’inscrire au NEC ESS');
    expect(r.some((x) => x.intent.includes('dialog:'))).toBe(false);
  });

  it('through the scripting interface', async () => {
    app = await start();
    const out = await runJsonl(
      app,
      [
        { user: 'u', text: 'candidater nec local' },
        { user: 'v', text: 'je voudrais la prise en charge de mon déplacement au NEC ESS' },
        { user: 'v', text: 'oui' },
      ]
        .map((line) => `${JSON.stringify(line)}\n`)
        .join(''),
    );
    const intents = (i: number) =>
      ((out[i]?.replies ?? []) as Array<{ intent: string }>).map((r) => r.intent);
    expect(intents(0)).toContain('dialog:local-nec:start');
    expect(intents(2)).toContain('dialog:nec-ess-travel:start');
  });
});

/** A call named beside another wish: sending, cancelling, talking, sharing — never an application started. */
const OTHER_WISHES = [
  'je voudrais envoyer un message à tout le monde pour rappeler la date limite du NEC local',
  'je voudrais parler à quelqu’un du NEC local',
  'we would like to share the local NEC announcement with our members',
  'I want to send a reminder about the local NEC deadline to the channel',
  'on voudrait juste lire le règlement du NEC local',
];

describe('a call named beside another wish', () => {
  for (const text of OTHER_WISHES)
    it(`« ${text} » starts no application`, async () => {
      app = await start();
      const r = await app.say('u', text);
      expect(r.map((x) => x.intent).filter((i) => i.startsWith('dialog:'))).toEqual([]);
    });

  it('« on voudrait organiser un NEC local » still starts one', async () => {
    app = await start();
    const r = await app.say('u', 'on voudrait organiser un NEC local à Brest');
    expect(r.map((x) => x.intent)).toContain('dialog:local-nec:start');
  });
});

describe('asking to have the travel allowance, for one’s organisation', () => {
  for (const text of [
    'hi, can my org get the travel money for NEC ESS?',
    'est-ce que notre asso peut obtenir le défraiement pour NEC ESS ?',
  ])
    it(`« ${text} » offers the application`, async () => {
      app = await start();
      const r = await app.say('u', text);
      expect(r.map((x) => x.intent)).toContain('confirm:dialog-closed-call');
    });
});

describe('asking to apply again in the middle of an application', () => {
  it('« salut je veux candidater pour un nec local » at the goal is where the application stands, not the goal', async () => {
    app = await start();
    await reachStep(app as TestApp, 'u', 'local-nec', 'goal', ELIGIBLE_LOCAL_NEC);
    const r = await app.say('u', 'salut je veux candidater pour un nec local');
    expect(r.map((x) => x.intent)).toContain('dialog:busy');
    expect(askedSlot(r)).toBe('goal');
    expect((await answersOf(app as TestApp, 'u')).goal).toBeUndefined();
  });

  it('a goal written as a wish to organise one is still the goal', async () => {
    app = await start();
    await reachStep(app as TestApp, 'u', 'local-nec', 'goal', ELIGIBLE_LOCAL_NEC);
    const goal = 'Nous voulons organiser un NEC local pour rapprocher les habitants et les élus';
    await app.say('u', goal);
    expect((await answersOf(app as TestApp, 'u')).goal).toBe(goal);
  });
});
