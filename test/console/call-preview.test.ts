/**
 * The console's preview of a call edit over plain HTTP: the open applications whose verdict, key dates and
 * reminders would change, listed by number, over every application of the call (stored before the index
 * existed too), a page at a time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PREVIEW_PAGE } from '../../src/console/call-preview.ts';
import { applicationsByCallKey, INDEXED_MARKER } from '../../src/store/applications-by-call.ts';
import { driveToSummary, ELIGIBLE_LOCAL_NEC } from '../dialogs/support.ts';
import { app, server, signIn, start, stopConsoleApp } from '../support/console-app.ts';
import { inputValue, pageText } from '../support/console-client.ts';

afterEach(stopConsoleApp);

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
