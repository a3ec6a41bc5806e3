/** `candidatures` / `applications`: each application's state as people read it, skipped steps counted. */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { askedSlot, driveToSummary, ELIGIBLE_LOCAL_NEC, reply } from './support.ts';

let app: TestApp;
afterEach(() => app?.close());

describe('the list of applications', () => {
  it('does not call « terminée » an application whose steps were skipped: it counts the missing answers', async () => {
    app = await createTestApp();
    let r = await app.say('u', 'candidater local-nec');
    // The start names the call, not the application's internal number.
    const start = reply(r, 'dialog:local-nec:start').text;
    expect(start).toContain('Préparons votre candidature « NEC local');
    expect(start).not.toMatch(/n° [0-9a-f]{6}/);
    for (let i = 0; i < 40 && !r.some((x) => x.intent === 'dialog:local-nec:summary'); i++)
      r = await app.say('u', 'passer');
    expect(r.some((x) => x.intent === 'dialog:local-nec:summary')).toBe(true);
    const list = reply(await app.say('u', 'candidatures'), 'dialog:list').text;
    expect(list).not.toContain('terminée');
    expect(list).toMatch(/toutes les étapes passées, 1\d réponses manquantes/);
  });

  it('calls a fully answered application « terminée »', async () => {
    app = await createTestApp();
    await driveToSummary(app, 'v', await app.say('v', 'candidater local-nec'), ELIGIBLE_LOCAL_NEC);
    const list = reply(await app.say('v', 'candidatures'), 'dialog:list').text;
    expect(list).toMatch(/— terminée$/m);
  });
});

describe('an application is named by its call, never by its internal id', () => {
  const ID = /\b[0-9a-f]{6}\b/;

  it('in the status card, the busy notice, the abandon question and its outcome', async () => {
    app = await createTestApp();
    await app.say('u', 'candidater local-nec');
    await app.say('u', 'Open Lab Co');
    const status = reply(await app.say('u', 'où en est ma candidature'), 'dialog:local-nec:status').text;
    expect(status).toMatch(/^\*\*NEC local \(appel à participation de l’ANCT\)\*\*\n/);
    const busy = reply(await app.say('u', 'candidater nir'), 'dialog:busy').text;
    expect(busy).toContain('(« NEC local (appel à participation de l’ANCT) »)');
    const ask = reply(await app.say('u', 'annuler'), 'confirm:dialog-cancel').text;
    expect(ask).toContain('Abandonner votre candidature « NEC local');
    const done = reply(await app.say('u', 'oui'), 'dialog:cancelled').text;
    for (const text of [status, busy, ask, done]) expect(text).not.toMatch(ID);
  });

  it('in the export and the delete question of a completed application', async () => {
    app = await createTestApp();
    await driveToSummary(app, 'v', await app.say('v', 'candidater local-nec'), ELIGIBLE_LOCAL_NEC);
    const exported = reply(await app.say('v', 'exporter'), 'dialog:local-nec:export').text;
    expect(exported.split(' : ')[0]).toBe(
      'Voici le brouillon du dossier « NEC local (appel à participation de l’ANCT) », vos réponses en JSON et les dates clés à importer dans votre agenda',
    );
    const [listed] = reply(await app.say('v', 'candidatures'), 'dialog:list').text.match(ID) ?? [];
    const ask = reply(await app.say('v', `supprimer candidature ${listed}`), 'confirm:dialog-delete').text;
    expect(ask).toBe(
      'Supprimer votre candidature « NEC local (appel à participation de l’ANCT) » et ses rappels ? (oui / non)',
    );
    expect(reply(await app.say('v', 'oui'), 'dialog:deleted').text).not.toMatch(ID);
  });

  it('« supprimer ma candidature » asks about the only one there is', async () => {
    app = await createTestApp();
    await driveToSummary(app, 'w', await app.say('w', 'candidater local-nec'), ELIGIBLE_LOCAL_NEC);
    const ask = reply(await app.say('w', 'supprimer ma candidature'), 'confirm:dialog-delete').text;
    expect(ask).toBe(
      'Supprimer votre candidature « NEC local (appel à participation de l’ANCT) » et ses rappels ? (oui / non)',
    );
    expect(reply(await app.say('w', 'oui'), 'dialog:deleted').text).toBe(
      'Candidature supprimée, avec ses rappels.',
    );
    expect(reply(await app.say('w', 'delete my application'), 'dialog:list').text).toContain(
      'aucune candidature',
    );
  });
});

describe('the local NEC prompts', () => {
  it('asks an organiser that is a local authority one question at the support step', async () => {
    app = await createTestApp();
    const answers: Record<string, string> = {
      ...ELIGIBLE_LOCAL_NEC,
      organizer_name: 'Ville de Lyon',
      legal_entity: 'collectivité',
    };
    let r = await app.say('w', 'candidater local-nec');
    for (let i = 0; i < 20 && askedSlot(r) !== 'local_authority_support'; i++)
      r = await app.say('w', answers[askedSlot(r) ?? ''] ?? 'passer');
    const step = reply(r, 'dialog:local-nec:local_authority_support').text;
    expect(step).toContain('« Ville de Lyon », est une collectivité');
    expect(step.match(/\?/g)).toHaveLength(1);
  });
});
