/**
 * The console over plain HTTP, where a browser adds nothing: sessions that expire and end, every action held
 * to the manager's scope on the server, a call exported and imported as a new one that the chat applies to,
 * the preview of what an edit does to open applications, and logs that name no organiser.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { PREVIEW_PAGE } from '../../src/console/call-preview.ts';
import type { IncomingMessage } from '../../src/core/message.ts';
import { createLogger } from '../../src/logger.ts';
import { serveOps } from '../../src/ops/routes.ts';
import { applicationsByCallKey, INDEXED_MARKER } from '../../src/store/applications-by-call.ts';
import { driveToSummary, ELIGIBLE_LOCAL_NEC, verdictOf } from '../dialogs/support.ts';
import { ConsoleClient, inputValue, pageText } from '../support/console-client.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let server: Server;
afterEach(async () => {
  await new Promise((r) => server?.close(r));
  await app?.close();
});

async function start(options: Parameters<typeof createTestApp>[0] = {}): Promise<void> {
  app = await createTestApp(options);
  app.outbox.register({
    platform: 'shell',
    start: async () => {},
    stop: async () => {},
    send: async () => {},
  });
  server = await serveOps(app, 0, '127.0.0.1');
}

/** A manager's `console` from a conversation (`ref` says which platform, workspace and room). */
async function signIn(ref: Partial<IncomingMessage['ref']> = {}, user = 'cm'): Promise<ConsoleClient> {
  const [reply] = await app.bot.handle({
    ref: { platform: 'shell', roomId: user, userId: user, isDirect: true, ...ref },
    userId: user,
    text: 'console',
    isManager: true,
    timestamp: app.clock.now(),
  });
  expect(reply?.intent).toBe('console:link');
  return ConsoleClient.signIn(String(reply?.data?.url));
}

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

describe('the preview of an edit', () => {
  it('lists the open applications whose verdict, key dates and reminders would change, by number', async () => {
    await start();
    const { all } = await driveToSummary(
      app,
      'organiser',
      await app.say('organiser', 'candidater local-nec'),
      { ...ELIGIBLE_LOCAL_NEC, event_date: '23/09/2027' },
    );
    expect(all.map((r) => r.text).join('\n')).toMatch(/Voulez-vous que je vous envoie/);
    expect((await app.say('organiser', 'oui')).map((r) => r.intent)).toContain('reminder:accepted');

    const manager = await signIn();
    const form = await manager.get('/console/calls/local-nec');
    const preview = await manager.post('/console/calls/local-nec', {
      version: inputValue(form.html, 'version') ?? '',
      'figures.min_attendance': '200',
      'figures.funding_months_before': '5',
      action: 'preview',
    });
    const text = pageText(preview.html);
    expect(text).toContain('Aperçu : ce qui changera');
    expect(text).toMatch(/Dossier 1 .*Verdict — [^ ]+.* éligible non éligible/);
    expect(text).toMatch(/dernier jour pour candidater au soutien financier 23 mai 2027 23 avril 2027/);
    // The funding deadline's reminders go (the grant is out of reach); those of the event stay.
    expect(text).toMatch(
      /Rappels vendredi 23 avril 2027 à 09:00 ; .*jeudi 7 octobre 2027 à 09:00 mercredi 22 septembre 2027 à 09:00 ; vendredi 24 septembre/,
    );
    expect(text).not.toContain(ELIGIBLE_LOCAL_NEC.organizer_name);
    expect(app.calls.get('local-nec')?.figures.min_attendance).toBe(150);
  });
});

describe('the preview of an edit, over every application of the call', () => {
  /** A completed local NEC application whose organiser declined the reminders. */
  async function withoutReminders(user: string, eventDate: string): Promise<void> {
    const start = await app.say(user, 'candidater local-nec');
    await driveToSummary(app, user, start, { ...ELIGIBLE_LOCAL_NEC, event_date: eventDate });
    expect((await app.say(user, 'non')).map((r) => r.text).join('\n')).toContain('pas de rappels');
  }
  const preview = async () => {
    const manager = await signIn();
    const form = await manager.get('/console/calls/local-nec');
    const page = await manager.post('/console/calls/local-nec', {
      version: inputValue(form.html, 'version') ?? '',
      'figures.min_attendance': '200',
      action: 'preview',
    });
    return pageText(page.html);
  };
  const verdictRow = /Verdict — [^ ]+.* éligible non éligible/;

  it('lists applications without reminders; one erased by its organiser or purged is gone', async () => {
    await start();
    await withoutReminders('ana', '23/09/2027');
    await withoutReminders('bob', '23/03/2027');
    await withoutReminders('chloe', '23/09/2027');
    // Nothing but their erasure is scheduled for them: the reminders' index does not know them.
    for (const user of ['ana', 'bob', 'chloe'])
      for (const job of await app.scheduler.listForUser(`shell:-:${user}`))
        expect(job.owner).toMatch(/^retention:/);
    let text = await preview();
    expect(text).toContain('3 dossiers enregistrés pour cet appel : 3 changeraient.');
    expect(text).toMatch(new RegExp(`Dossier 1 \\(complet\\) .*${verdictRow.source}`));
    expect(text).toContain('Dossier 3 (complet)');

    await app.say('chloe', 'oublie-moi');
    expect((await app.say('chloe', 'oui')).map((r) => r.intent)).toContain('privacy:forgotten');
    text = await preview();
    expect(text).toContain('2 dossiers enregistrés pour cet appel : 2 changeraient.');
    expect(text).not.toContain('Dossier 3');

    // Bob's event was on 23 March 2027: his application is erased 90 days later.
    app.clock.advanceTo(new Date('2027-06-22T08:00:00Z'));
    await app.scheduler.tick(app.clock.now());
    text = await preview();
    expect(text).toContain('1 dossier enregistré pour cet appel');
    expect(text).not.toContain('Dossier 2');
  });

  it('lists an application stored before the index existed: it is indexed once at start-up', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nec-console-index-'));
    try {
      const storeUrl = `sqlite://${join(dir, 'bot.sqlite')}`;
      await start({ storeUrl });
      await withoutReminders('ana', '23/09/2027');
      // What the release before the index left: the application, and neither the index nor its marker.
      await app.backend.atomic.delete(applicationsByCallKey('local-nec'));
      await app.backend.atomic.delete(INDEXED_MARKER);
      await new Promise((r) => server.close(r));
      await app.close();
      await start({ storeUrl });
      expect(await preview()).toContain('1 dossier enregistré pour cet appel : 1 changerait.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('examines a page of applications at a time, with the total and the next page', async () => {
    await start();
    const { records } = app;
    // More applications than a page holds, written as the dialogs write them (a dialog each would be slow).
    const template = await (async () => {
      await withoutReminders('model', '23/09/2027');
      const [name] = (await records.names('shell:-:model')).filter((n) => n.startsWith('application:'));
      return records.get<Record<string, unknown>>('shell:-:model', name as string);
    })();
    for (let i = 0; i < PREVIEW_PAGE + 4; i++)
      await records.set(`shell:-:p${String(i).padStart(3, '0')}`, `application:p${i}`, {
        ...template,
        id: `p${i}`,
      });
    const manager = await signIn();
    const form = await manager.get('/console/calls/local-nec');
    const fields = { version: inputValue(form.html, 'version') ?? '', 'figures.min_attendance': '200' };
    const first = pageText(
      (await manager.post('/console/calls/local-nec', { ...fields, action: 'preview' })).html,
    );
    const total = PREVIEW_PAGE + 5;
    expect(first).toContain(
      `${total} dossiers enregistrés pour cet appel (examinés ici : 1 à ${PREVIEW_PAGE}) : ${PREVIEW_PAGE} changeraient.`,
    );
    expect(first).toContain(`Dossier ${PREVIEW_PAGE} (complet)`);
    expect(first).not.toContain(`Dossier ${PREVIEW_PAGE + 1} `);
    const next = pageText(
      (await manager.post('/console/calls/local-nec', { ...fields, from: String(PREVIEW_PAGE) })).html,
    );
    expect(next).toContain(`(examinés ici : ${PREVIEW_PAGE + 1} à ${total}) : 5 changeraient.`);
    expect(next).toContain(`Dossier ${total} (complet)`);
    expect(next).toContain('Dossiers précédents');
  });
});

describe('try a question', () => {
  const tried = async (manager: ConsoleClient, q: string) =>
    pageText((await manager.get(`/console/faq/try?q=${encodeURIComponent(q)}`)).html);

  it('shows which entry would answer and the evidence, or why the bot falls back', async () => {
    await start();
    const manager = await signIn();
    const answered = await tried(manager, 'Quelle est la date limite pour candidater au NEC local ?');
    expect(answered).toMatch(/Réponse donnée par l’entrée [^.]+\./);
    expect(answered).toContain('Mots de la question trouvés dans l’entrée : date, limite, candidater');
    expect(answered).toMatch(
      /Couverture : 100 % des mots .* pour un seuil de 30 % — atteint : le bot répond/,
    );
    expect(answered).toMatch(/Ce que la question demande : deadline · ce que l’entrée donne : [^·]*deadline/);

    const below = await tried(manager, 'ticket de train pour Bruxelles');
    expect(below).toContain('Le bot ne répondrait pas');
    expect(below).toMatch(/Couverture : 24 % .* seuil de 45 % — pas atteint : le bot ne devine pas/);
    expect(below).toContain('Mots de la question trouvés dans l’entrée : train');

    const notInSources = await tried(manager, 'Quel est le numéro de téléphone de SOGA ?');
    expect(notInSources).toMatch(/ses sources sur « [^»]+ » ne donnent pas ce qui est demandé/);
    expect(notInSources).toMatch(
      /Ce que la question demande : phone · ce que l’entrée donne : .* — une entrée ne répond que si elle donne ce qui est demandé/,
    );

    const nothing = await tried(manager, 'Y a-t-il une garderie pour les enfants ?');
    expect(nothing).toContain('Pourquoi : aucun mot de la question ne se trouve dans une entrée.');
    expect(nothing).toContain('Créer une entrée à partir de cette question');
  });
});

describe('a new FAQ topic', () => {
  it('is created with its first entry and contact, validated, and the chat answers from it', async () => {
    await start();
    const manager = await signIn();
    await manager.get('/console/faq/new');
    const entry = {
      topic: '__new',
      id: 'garderie',
      'title.fr': 'Garde des enfants',
      'title.en': 'Childcare',
      'questions.fr': 'Y a-t-il une garderie pour les enfants ?',
      'questions.en': 'Is there childcare for children?',
      'keywords.fr': 'garderie, enfants',
      'keywords.en': 'childcare, children',
      'answer.fr': 'Les sources ne parlent pas de garderie.',
      'answer.en': 'The sources say nothing about childcare.',
      'source.title.fr': 'Équipe organisatrice',
      'source.title.en': 'Organising team',
      'source.file': 'contacts',
      version: '0',
    };
    const refused = await manager.post('/console/faq/new', {
      ...entry,
      'new-topic.id': 'Vie Pratique',
      'new-topic.title.fr': 'Vie pratique',
      'new-topic.title.en': 'Practicalities',
      'new-topic.contact.fr': '',
      'new-topic.contact.en': 'the organising team',
    });
    expect(refused.status).toBe(422);
    expect(refused.html).toMatch(/id="f-new-topic-id-error">des mots en minuscules reliés par des tirets</);
    expect(refused.html).toMatch(/id="f-new-topic-contact-fr-error">à remplir</);
    expect(inputValue(refused.html, 'new-topic.title.en')).toBe('Practicalities');
    const taken = await manager.post('/console/faq/new', {
      ...entry,
      'new-topic.id': 'contacts',
      'new-topic.title.fr': 'Vie pratique',
      'new-topic.title.en': 'Practicalities',
      'new-topic.contact.fr': 'l’équipe organisatrice',
      'new-topic.contact.en': 'the organising team',
    });
    expect(taken.html).toMatch(/id="f-new-topic-id-error">le sujet «.contacts.» existe déjà</);
    expect(app.faq.kb.topic('vie-pratique')).toBeUndefined();

    const saved = await manager.post('/console/faq/new', {
      ...entry,
      'new-topic.id': 'vie-pratique',
      'new-topic.title.fr': 'Vie pratique',
      'new-topic.title.en': 'Practicalities',
      'new-topic.contact.fr': 'l’équipe organisatrice, bonjour@example.org',
      'new-topic.contact.en': 'the organising team, bonjour@example.org',
    });
    expect(pageText(saved.html)).toContain('Version 1 enregistrée');
    expect(pageText((await manager.get('/console/faq')).html)).toMatch(
      /Vie pratique Entrée Source Actions Garde des enfants/,
    );
    const [answer] = await app.say('organiser', 'Y a-t-il une garderie pour les enfants ?');
    expect(answer?.intent).toBe('faq:garderie');
    expect((await app.say('organiser', 'faq'))[0]?.text).toContain('**Vie pratique** — 1');
    // On the new topic, a fact its entry does not give names the topic's contact.
    const unknown = await app.say('organiser', 'Quel est le numéro de téléphone de la garderie ?');
    expect(unknown.map((r) => r.text).join('\n')).toContain('bonjour@example.org');
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
