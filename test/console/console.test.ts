/**
 * The console over plain HTTP, where a browser adds nothing: sessions that expire and end, every action held
 * to the manager's scope on the server, a call exported and imported as a new one that the chat applies to,
 * the call form's checks, the activity page, and logs that name no organiser (the preview of an edit is in
 * call-preview.test.ts, the FAQ pages in console-faq.test.ts).
 */
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { driveToSummary, ELIGIBLE_LOCAL_NEC, verdictOf } from '../dialogs/support.ts';
import { app, signIn, start, stopConsoleApp } from '../support/console-app.ts';
import { type ConsoleClient, inputValue, pageText } from '../support/console-client.ts';

afterEach(stopConsoleApp);

const minutes = (n: number) => app.clock.advanceTo(new Date(app.clock.now().getTime() + n * 60_000));
const heading = (html: string) => pageText(/<h1>(.*?)<\/h1>/s.exec(html)?.[1] ?? '');

describe('a console session', () => {
  it('lives while the manager is active and ends after 30 idle minutes', async () => {
    await start();
    const manager = await signIn();
    for (let i = 0; i < 4; i++) {
      minutes(25);
      expect((await manager.get('/console/calls')).status).toBe(200);
    }
    minutes(31);
    const expired = await manager.get('/console/calls');
    expect(expired.status).toBe(401);
    expect(heading(expired.html)).toBe('Connexion nécessaire');
    expect(pageText(expired.html)).toContain('30 minutes sans activité');
  });

  it('ends with sign-out: the cookie is cleared and the old one opens nothing', async () => {
    await start();
    const manager = await signIn();
    const cookie = manager.cookie;
    const out = await manager.post('/console/sign-out', {});
    expect(manager.cookie).toBe('');
    expect(heading(out.html)).toBe('Connexion nécessaire');
    const replayed = await fetch(`${manager.origin}/console/calls`, { headers: { cookie } });
    expect(replayed.status).toBe(401);
  });
});

describe('scopes, checked on the server', () => {
  const slack = (workspace: string) => ({
    platform: 'slack' as const,
    workspace,
    roomId: `D-${workspace}`,
  });
  const schedule = (manager: ConsoleClient, channels: string, extra: Record<string, string> = {}) =>
    manager.post('/console/broadcasts', {
      channels,
      at: '2027-01-05T09:30',
      text: 'Ouverture des candidatures',
      action: 'schedule',
      ...extra,
    });

  it('keeps a Slack manager to the channels of their workspace, whatever the form says', async () => {
    await start();
    const one = await signIn(slack('T1'), 'U1');
    // A form forged to name another workspace or platform changes nothing: the session says where.
    await schedule(one, '#general', { workspace: 'T2', platform: 'matrix' });
    const [broadcast] = await app.broadcasts.scheduled();
    expect(broadcast).toMatchObject({ platform: 'slack', workspace: 'T1', rooms: ['general'] });
    const matrixRoom = await schedule(one, '!elsewhere:matrix.org');
    expect([matrixRoom.status, heading(matrixRoom.html)]).toEqual([403, 'Hors de votre périmètre']);

    // Its preview is the message as Slack will show it: French typography, mrkdwn read, no HTML.
    const preview = await schedule(one, '#general', {
      text: 'Ouverture *demain* : **venez** <b>nombreux</b> !',
      action: 'preview',
    });
    expect(/<div class="chat-preview slack">.*?<\/div>/s.exec(preview.html)?.[0]).toContain(
      '📣 Ouverture <em>demain</em>\u00a0: <strong>venez</strong> &lt;b&gt;nombreux&lt;/b&gt;\u202f!',
    );

    const two = await signIn(slack('T2'), 'U2');
    expect(pageText((await two.get('/console/broadcasts')).html)).toContain('Aucune diffusion programmée');
    const cancel = await two.post(`/console/broadcasts/${broadcast?.id}/cancel`, {});
    expect(pageText(cancel.html)).toContain('n’est plus programmée');
    expect((await app.broadcasts.scheduled()).map((b) => b.id)).toEqual([broadcast?.id]);
    expect((await one.post(`/console/broadcasts/${broadcast?.id}/cancel`, {})).html).toContain(
      'Diffusion annulée.',
    );
  });

  it('keeps a Matrix manager by power level to the rooms they manage', async () => {
    await start({ env: { MATRIX_MANAGERS: '@listed:hs.test' } });
    const matrix = (roomId: string) => ({ platform: 'matrix' as const, workspace: 'hs.test', roomId });
    const moderator = await signIn(matrix('!ours:hs.test'), '@mod:hs.test');
    const outside = await schedule(moderator, '!ours:hs.test !theirs:hs.test');
    expect([outside.status, heading(outside.html)]).toEqual([403, 'Hors de votre périmètre']);
    expect(await app.broadcasts.scheduled()).toEqual([]);
    expect((await schedule(moderator, '!ours:hs.test')).html).toContain('Diffusion programmée.');

    // A manager named in MATRIX_MANAGERS posts anywhere; the moderator cannot cancel that one.
    const listed = await signIn(matrix('!other:hs.test'), '@listed:hs.test');
    await schedule(listed, '!theirs:hs.test');
    const theirs = (await app.broadcasts.scheduled()).find((b) => b.rooms.includes('!theirs:hs.test'));
    expect(pageText((await moderator.get('/console/broadcasts')).html)).not.toContain('!theirs');
    const cancel = await moderator.post(`/console/broadcasts/${theirs?.id}/cancel`, {});
    expect(cancel.status).toBe(403);
    expect((await app.broadcasts.scheduled()).map((b) => b.id)).toContain(theirs?.id);
  });
});

describe('export and import', () => {
  it('round-trips a call as YAML into a new call the chat applies to, without code', async () => {
    await start();
    const manager = await signIn();
    const exported = await manager.get('/console/calls/local-nec/export');
    expect(exported.headers.get('content-disposition')).toBe('attachment; filename="local-nec.yaml"');
    expect(exported.html).toBe(
      readFileSync(new URL('../../rules/calls/local-nec.yaml', import.meta.url), 'utf8'),
    );
    const again = await manager.post('/console/calls/import', { yaml: exported.html });
    expect(pageText(again.html)).toContain('L’appel « local-nec » existe déjà');

    const next = exported.html
      .replace('id: local-nec\n', 'id: local-nec-2027\n')
      .replace('edition: 2023', 'edition: 2027')
      .replace('min_attendance: 150', 'min_attendance: 100');
    const noDialog = await manager.post('/console/calls/import', { yaml: next });
    expect(noDialog.status).toBe(422);
    expect(pageText(noDialog.html)).toContain('aucun dialogue ne pose les questions de cet appel');

    const file = next.replace('id: local-nec-2027\n', 'id: local-nec-2027\ndialog: local-nec\n');
    const imported = await manager.post('/console/calls/import', { yaml: file });
    expect(pageText(imported.html)).toContain('Version 1 enregistrée');
    expect((await manager.get('/console/calls/local-nec-2027/export')).html).toBe(file);
    expect(pageText((await manager.get('/console/calls')).html)).toMatch(
      /local-nec-2027 ouvert 2027 importé dans la console/,
    );

    const started = await app.say('organiser', 'candidater local-nec-2027');
    expect(started.map((r) => r.intent)).toContain('dialog:local-nec-2027:organizer_name');
    const { summary, all } = await driveToSummary(app, 'organiser', started, {
      ...ELIGIBLE_LOCAL_NEC,
      expected_attendance: '120 personnes',
      venue_capacity: '150',
    });
    expect(summary.intent).toBe('dialog:local-nec-2027:summary');
    expect(verdictOf(summary).funding?.eligible).toBe(true);
    // Its applications get the reminders of the dialog it borrows.
    expect(all.map((r) => r.text).join('\n')).toContain('Voulez-vous que je vous envoie');
    // The shipped call keeps its own figure.
    const shipped = await app.say('other', 'candidater local-nec');
    expect(shipped.map((r) => r.intent)).toContain('dialog:local-nec:organizer_name');

    // Once the old edition has closed, saying what one wants to do opens the edition open today.
    const form = await manager.get('/console/calls/local-nec');
    await manager.post('/console/calls/local-nec', {
      version: inputValue(form.html, 'version') ?? '',
      'window.closes': '2026-06-30',
      'window.citation.section': 'Calendrier',
      action: 'save',
    });
    const phrase = await app.say('third', 'Nous voulons organiser un NEC local à Lille');
    expect(phrase.map((r) => r.intent)).toContain('dialog:local-nec-2027:organizer_name');
  });

  it('says what is wrong with an imported file in the manager’s language', async () => {
    await start();
    const manager = await signIn();
    const exported = (await manager.get('/console/calls/local-nec/export')).html;
    const broken = exported
      .replace('id: local-nec\n', 'id: local-nec-bis\ndialog: local-nec\n')
      .replace('min: { figure: min_attendance }', 'min: { figure: min_people }');
    const refused = await manager.post('/console/calls/import', { yaml: broken });
    expect(refused.status).toBe(422);
    expect(pageText(refused.html)).toContain('chiffre « min_people » inconnu (chiffres : min_attendance');
    expect(app.calls.get('local-nec-bis')).toBeUndefined();
  });
});

describe('the call form', () => {
  it('says a cross-field problem in French beside the figure it concerns', async () => {
    await start();
    const manager = await signIn();
    const form = await manager.get('/console/calls/local-nec');
    const refused = await manager.post('/console/calls/local-nec', {
      version: inputValue(form.html, 'version') ?? '',
      'figures.min_attendance': '2027-01-01',
      action: 'preview',
    });
    expect(refused.status).toBe(422);
    expect(pageText(/id="f-figures-min_attendance-error">(.*?)</.exec(refused.html)?.[1] ?? '')).toBe(
      'le chiffre « min_attendance » doit être un nombre',
    );
    expect(refused.html).not.toContain('is not a number');
  });
});

describe('the activity page', () => {
  it('counts, per call and week, applications started, completed and eligible per benefit, and FAQ answers', async () => {
    await start();
    await driveToSummary(app, 'a', await app.say('a', 'candidater local-nec'), ELIGIBLE_LOCAL_NEC);
    await driveToSummary(app, 'b', await app.say('b', 'candidater local-nec'), {
      ...ELIGIBLE_LOCAL_NEC,
      expected_attendance: '40 personnes',
    });
    await app.say('c', 'candidater local-nec');
    await app.say('d', 'Quelle est la date limite pour candidater au NEC local ?');
    await app.say('d', 'Y a-t-il une garderie pour les enfants ?');
    const manager = await signIn();
    const html = (await manager.get('/console/activity')).html;
    const row = (caption: string) => {
      const table = html.slice(html.indexOf(`<caption>${caption}</caption>`));
      const week = /<tr><th scope="row">23 novembre<\/th>(.*?)<\/tr>/.exec(table)?.[1] ?? '';
      return [...week.matchAll(/<td>(\d+)<\/td>/g)].map((m) => Number(m[1]));
    };
    const head = html.slice(html.indexOf('<caption>Dossiers par semaine (local-nec)</caption>'));
    expect(pageText(/<thead>(.*?)<\/thead>/s.exec(head)?.[1] ?? '')).toMatch(
      /^Semaine du commencés terminés éligible — .+/,
    );
    // Started 3, completed 2, eligible to the label 2, to the grant and the duo 1 (40 people fall short).
    expect(row('Dossiers par semaine (local-nec)')).toEqual([3, 2, 2, 1, 1]);
    const [answered = 0, fallback = 0] = row('Questions de FAQ par semaine');
    expect([answered >= 1, fallback >= 1]).toEqual([true, true]);
    expect(html).toContain('<svg');
    expect(html).not.toContain(ELIGIBLE_LOCAL_NEC.organizer_name);
  });
});

describe('the logs of a console session', () => {
  it('name managers and what changed, never an organiser or their answers', async () => {
    let logs = '';
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logs += chunk.toString();
        done();
      },
    });
    await start({ env: { LOG_LEVEL: 'info' }, logger: createLogger('info', sink) });
    const MARKER = 'Quetzal4417';
    const answers = {
      ...ELIGIBLE_LOCAL_NEC,
      organizer_name: `Association ${MARKER}`,
      area: `Quartier ${MARKER}`,
      goal: `Écrire à camille.${MARKER}@example.org pour tout savoir`,
    };
    const organiser = (text: string) => app.say(`orga-${MARKER}`, text, { userName: `Camille ${MARKER}` });
    await driveToSummary(app, `orga-${MARKER}`, await organiser('candidater local-nec'), answers);
    await organiser('oui');
    await organiser(`Y a-t-il un parking ${MARKER} ?`);

    const manager = await signIn();
    for (const path of ['/console/', '/console/calls', '/console/faq', '/console/faq/unanswered'])
      expect((await manager.get(path)).status).toBe(200);
    expect((await manager.get('/console/activity')).status).toBe(200);
    const form = await manager.get('/console/calls/local-nec');
    const fields = { version: inputValue(form.html, 'version') ?? '', 'figures.min_attendance': '200' };
    await manager.post('/console/calls/local-nec', { ...fields, action: 'preview' });
    await manager.post('/console/calls/local-nec', { ...fields, action: 'save' });
    await manager.get('/console/calls/local-nec/history');
    await manager.get('/console/calls/local-nec/export');
    await manager.post('/console/calls/local-nec', { version: '0', action: 'save' }, { csrf: 'forged' });
    await manager.post('/console/sign-out', {});

    const events = logs
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event?: string });
    expect(events.map((e) => e.event).filter(Boolean)).toEqual(
      expect.arrayContaining([
        'console:link',
        'console:sign-in',
        'console:change',
        'console:csrf',
        'console:sign-out',
      ]),
    );
    expect(logs).toMatch(/"event":"console:change"[^\n]*"by":"shell:cm"/);
    expect(logs).not.toContain(MARKER);
    expect(logs).not.toContain('Camille');
  });
});
