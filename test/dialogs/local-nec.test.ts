import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApplicationStore } from '../../dialogs/application.ts';
import type { Reply } from '../../src/core/message.ts';
import { userKey } from '../../src/store/user-records.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { askedSlot, driveToSummary, ELIGIBLE_LOCAL_NEC, reply, verdictOf } from './support.ts';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('local-nec dialog, in French, from apply to export', () => {
  it('goes through back, skip, invalid answers, a button of an answered step, edit and export', async () => {
    app = await createTestApp();
    const choose = await app.say('u', 'candidater');
    expect(reply(choose, 'dialog:choose-call').choices?.map((c) => c.id)).toContain('candidater local-nec');

    let r = await app.say('u', 'candidater local-nec');
    expect(askedSlot(r)).toBe('organizer_name');
    expect(reply(r, 'dialog:local-nec:organizer_name').text).toMatch(/Étape 1\b/);
    r = await app.say('u', 'Les Liens');
    expect(askedSlot(r)).toBe('legal_entity');
    r = await app.say('u', 'retour');
    expect(askedSlot(r)).toBe('organizer_name');
    r = await app.say('u', 'Association Les Liens');
    expect(r[0]?.text).toContain('Association Les Liens');
    r = await app.say('u', '1');
    expect(reply(r, 'dialog:local-nec:noted').text).toBe('Noté : association.');
    expect(askedSlot(r)).toBe('event_date');

    // A click on the previous step's button: said so, and the current step again.
    r = await app.say('u', 'company', { choiceId: 'company' });
    expect(reply(r, 'dialog:already-answered').text).toContain('type de structure');
    expect(askedSlot(r)).toBe('event_date');

    r = await app.say('u', '31/02/2027');
    expect(reply(r, 'dialog:local-nec:invalid').text).toContain('n’existe pas');
    expect(askedSlot(r)).toBe('event_date');
    r = await app.say('u', '12/03/2025');
    expect(reply(r, 'dialog:local-nec:invalid').text).toContain('déjà passé');
    r = await app.say('u', '23/03/2027');
    expect(reply(r, 'dialog:local-nec:noted').text).toContain('mardi 23 mars 2027');
    expect(askedSlot(r)).toBe('event_format');

    // A required step may be left for later, as « je ne sais pas encore » offers: it is said to be needed.
    r = await app.say('u', 'passer');
    expect(reply(r, 'dialog:skipped').text).toContain('nécessaire au dossier');
    expect(askedSlot(r)).toBe('themes');
    r = await app.say('u', 'modifier le format');
    expect(askedSlot(r)).toBe('event_format');
    r = await app.say('u', 'hybride');
    expect(askedSlot(r)).toBe('themes');
    r = await app.say('u', '1, 7');
    expect(reply(r, 'dialog:local-nec:noted').text).toContain('inclusion numérique, accessibilité numérique');
    // The application file asks for the goal and what it brings local players, in the person's words.
    expect(askedSlot(r)).toBe('goal');
    r = await app.say(
      'u',
      'Ville\n\n## Budget prévisionnel\n- **subvention** : 1 000 000 €\n\nEt <img src=x onerror=alert(1)> [lien](http://x.test)',
    );
    r = await app.say('u', 'Métropole de Lyon');
    r = await app.say('u', 'médiateurs numériques et élus');
    expect(askedSlot(r)).toBe('expected_attendance');
    // Numbers in words are read.
    r = await app.say('u', 'cent cinquante');
    expect(reply(r, 'dialog:local-nec:noted').text).toBe('Noté : 150 personnes.');
    expect(askedSlot(r)).toBe('venue_capacity');
    r = await app.say('u', 'passer');
    expect(reply(r, 'dialog:skipped').text).toContain('capacité du lieu');
    expect(askedSlot(r)).toBe('partners');

    const status = await app.say('u', 'état');
    expect(reply(status, 'dialog:local-nec:status').text).toMatch(
      /Étape 11\b[\s\S]*capacité du lieu \(passée\)/,
    );

    const rest = await driveToSummary(app, 'u', status, ELIGIBLE_LOCAL_NEC);
    const verdict = verdictOf(rest.summary);
    expect(verdict.label?.eligible).toBe(true);
    // The venue was skipped: funding and duo stay unknown, never failed.
    expect(verdict.funding).toMatchObject({ eligible: null, unknown: ['venue_capacity'], failed: [] });
    // The answers are the summary's fields; the skipped one is marked with the command that completes it.
    expect(rest.summary.fields).toContainEqual({
      label: expect.stringContaining('capacité du lieu'),
      value: '**à compléter** — `modifier capacité du lieu`',
    });
    expect(rest.summary.fields).toContainEqual({
      label: expect.any(String),
      value: 'Association Les Liens',
    });
    expect(rest.summary.text).toContain('amelie.naquet@anct.gouv.fr');
    expect(rest.summary.text).toMatch(/23 novembre 2026.*dernier jour pour candidater/);
    expect(rest.all.some((x) => x.intent === 'confirm:reminders:accept')).toBe(true);
    await app.say('u', 'non');

    // The completed application stays editable; the answer re-evaluates it.
    r = await app.say('u', 'modifier venue_capacity');
    expect(askedSlot(r)).toBe('venue_capacity');
    r = await app.say('u', '200');
    const edited = reply(r, 'dialog:local-nec:summary');
    expect(verdictOf(edited).funding?.eligible).toBe(true);
    // The reminders were declined: the decline is kept on the application and not asked again after the edit.
    expect(r.some((x) => x.intent === 'confirm:reminders:accept')).toBe(false);
    const stored = await new ApplicationStore(app.records).get(
      userKey('shell', 'u'),
      String(edited.data?.application),
    );
    expect(stored?.remindersAccepted).toBe(false);
    // …but asking for the summary again offers them once more, as the decline message says.
    r = await app.say('u', 'récapitulatif');
    expect(r.some((x) => x.intent === 'confirm:reminders:accept')).toBe(true);
    await app.say('u', 'non');

    r = await app.say('u', 'exporter');
    const exported = reply(r, 'dialog:local-nec:export');
    expect(exported.attachments?.map((a) => a.mimeType)).toEqual([
      'text/markdown',
      'application/json',
      'text/calendar',
    ]);
    const [markdown, json, ics] = exported.attachments?.map((a) => a.content) ?? [];
    // Exactly the source's parts, in its order; the person's text forged none of them.
    expect(markdown?.match(/^## .*/gm)).toEqual([
      '## Porteur du projet',
      '## Objectif du NEC local : thèmes et bénéfices pour les acteurs locaux',
      '## Territoire concerné',
      '## Public visé et participation attendue',
      '## Co-organisateurs et partenaires',
      '## Formats envisagés',
      '## Moyens mobilisés',
      '## Budget prévisionnel',
      '## Engagements',
      '## Éligibilité (indicative)',
      '## Prochaines étapes',
    ]);
    expect(markdown).not.toContain('<img');
    expect(markdown).toContain('&lt;img src=x onerror=alert\\(1\\)&gt; \\[lien\\]\\(http://x.test\\)');
    expect(markdown).toContain('  \\#\\# Budget prévisionnel \\- \\*\\*subvention\\*\\* : 1 000 000 €');
    for (const heading of [
      'Objectif du NEC local',
      'Territoire concerné',
      'Public visé et participation attendue',
      'Co-organisateurs et partenaires',
      'Formats envisagés',
      'Moyens mobilisés',
      'Budget prévisionnel',
    ])
      expect(markdown).toContain(`## ${heading}`);
    expect(markdown).toMatch(/Budget total prévisionnel\*\* : 12\s000\s€/i);
    expect(JSON.parse(json ?? '{}').answers).toMatchObject({ expected_attendance: 150, venue_capacity: 200 });
    expect(ics).toContain('DTSTART;VALUE=DATE:20261123');
    expect(ics).toContain('DTSTART;VALUE=DATE:20270323');
  });
});

describe('local-nec dialog, in English', () => {
  it('starts from a plain phrase, explains, edits mid-way, and cancels after confirming', async () => {
    app = await createTestApp();
    let r = await app.say('e', 'I want to organise a local NEC');
    expect(reply(r, 'dialog:local-nec:organizer_name').text).toMatch(/Step 1\b/);
    r = await app.say('e', 'help');
    expect(reply(r, 'dialog:help').text).toContain('“skip”');
    expect(askedSlot(r)).toBe('organizer_name');
    r = await app.say('e', 'Open Lab Co');
    r = await app.say('e', 'company');
    r = await app.say('e', 'March 23, 2027');
    expect(reply(r, 'dialog:local-nec:noted').text).toBe('Noted: Tuesday, 23 March 2027.');
    r = await app.say('e', 'fully online');
    r = await app.say('e', 'edit legal_entity');
    expect(askedSlot(r)).toBe('legal_entity');
    r = await app.say('e', 'cooperative');
    // Back where it was: the first step still unanswered.
    expect(askedSlot(r)).toBe('themes');
    r = await app.say('e', 'astrology');
    expect(reply(r, 'dialog:local-nec:invalid').text).toContain('astrology');
    r = await app.say('e', 'digital inclusion, other');
    // "other" among the themes adds the step that asks which ones.
    expect(reply(r, 'dialog:local-nec:themes_other').text).toMatch(/Step 6\b/);
    r = await app.say('e', 'digital health');
    expect(askedSlot(r)).toBe('goal');
    r = await app.say('e', 'Bring local mediators together around shared tools.');
    expect(askedSlot(r)).toBe('area');
    r = await app.say('e', 'status');
    expect(reply(r, 'dialog:local-nec:status').text).toMatch(/Step 8\b[\s\S]*type of organiser: cooperative/);

    r = await app.say('e', 'cancel');
    expect(reply(r, 'confirm:dialog-cancel').text).toContain('Abandon');
    r = await app.say('e', 'no');
    expect(r[0]?.intent).toBe('confirm:dialog-cancel:declined');
    r = await app.say('e', 'Greater Lyon');
    expect(askedSlot(r)).toBe('audience');
    await app.say('e', 'cancel');
    r = await app.say('e', 'yes');
    expect(r[0]?.intent).toBe('dialog:cancelled');
    r = await app.say('e', 'applications');
    expect(reply(r, 'dialog:list').text).toContain('no application');
  });

  it('runs in full to the summary and the export, with the verdict in English', async () => {
    app = await createTestApp();
    const start = await app.say('e', 'apply local-nec');
    const english = {
      ...ELIGIBLE_LOCAL_NEC,
      event_date: 'March 23, 2027',
      event_format: 'hybrid',
      themes: 'digital inclusion',
      area: 'Greater Lyon',
      audience: 'digital mediators and elected officials',
      expected_attendance: 'about 150',
      partners: 'skip',
      local_authority_support: 'yes',
      budget_total: '€12,000',
      grant_requested: '12k€',
      charter: 'yes',
    };
    const { summary, all } = await driveToSummary(app, 'e', start, english);
    expect(summary.text).toContain('**Your answers**');
    const verdict = verdictOf(summary);
    expect(verdict.label?.eligible).toBe(true);
    expect(verdict.funding?.eligible).toBe(true);
    expect(verdict.funding?.warnings.join(' ')).toMatch(/80%.*€9,600/);
    expect(all.some((x) => x.intent === 'dialog:local-nec:eligibility' && x.text.includes('80%'))).toBe(true);
    expect(summary.fields).toContainEqual({
      label: expect.stringContaining('co-organisers and partners'),
      value: '**missing** — `edit co-organisers and partners`',
    });
    // The answers are shown once, as fields, not repeated in the text; the heading names the application by
    // its organiser, once, and never by its id.
    expect(summary.text.split('\n')[0]).toBe(
      '**Summary — Local NEC (ANCT call for participation)** — Association Les Liens',
    );
    expect(summary.text.split('Association Les Liens')).toHaveLength(2);
    // Its id only where a command needs it (keeping it longer), said to be its number.
    const id = String(summary.data?.application);
    expect(summary.text.split(id)).toHaveLength(3);
    expect(summary.text).toContain(`“keep my application ${id}” (${id} is this application's number;`);
    await app.say('e', 'no');
    const r = await app.say('e', 'export');
    expect(reply(r, 'dialog:local-nec:export').attachments?.[0]?.content).toContain('## Provisional budget');
  });
});

describe('follow-ups to « autre »', () => {
  /** The slots the dialog asked for, in order. */
  const askedSlots = (replies: Reply[]): unknown[] =>
    replies.filter((r) => r.intent === `dialog:local-nec:${r.data?.slot}`).map((r) => r.data?.slot);

  it('asks which legal entity and which themes only after « autre », and the export shows them', async () => {
    app = await createTestApp();
    const start = await app.say('u', 'candidater local-nec');
    const { summary, all } = await driveToSummary(app, 'u', start, {
      ...ELIGIBLE_LOCAL_NEC,
      legal_entity: 'autre',
      legal_entity_other: 'fondation',
      themes: '1, autre',
      themes_other: 'numérique et santé',
    });
    expect(reply(all, 'dialog:local-nec:legal_entity_other').text).toMatch(
      /Étape 3\b[\s\S]*Quelle sorte de personne morale/,
    );
    expect(reply(all, 'dialog:local-nec:themes_other').text).toMatch(/Étape 7\b[\s\S]*Quel autre thème/);
    expect(askedSlots(all).slice(0, 7)).toEqual([
      'organizer_name',
      'legal_entity',
      'legal_entity_other',
      'event_date',
      'event_format',
      'themes',
      'themes_other',
    ]);
    expect(summary.fields).toContainEqual({ label: 'nature de la personne morale', value: 'fondation' });
    expect(summary.fields).toContainEqual({ label: 'autres thèmes', value: 'numérique et santé' });
    await app.say('u', 'non');

    const markdown = reply(await app.say('u', 'exporter'), 'dialog:local-nec:export').attachments?.[0]
      ?.content;
    expect(markdown).toMatch(
      /## Porteur du projet\n\n(- .*\n)*- \*\*nature de la personne morale\*\* : fondation\n/,
    );
    expect(markdown).toMatch(
      /## Objectif du NEC local : thèmes et bénéfices pour les acteurs locaux\n\n(- .*\n)*- \*\*autres thèmes\*\* : numérique et santé\n/,
    );

    // Back to a listed kind of organiser: the follow-up no longer applies and its answer is dropped.
    await app.say('u', 'modifier legal_entity');
    const edited = reply(await app.say('u', 'association'), 'dialog:local-nec:summary');
    expect(edited.fields?.map((f) => f.label)).not.toContain('nature de la personne morale');
    expect(edited.fields?.map((f) => f.label)).toContain('autres thèmes');
  });

  it('does not ask them when « autre » is not chosen', async () => {
    app = await createTestApp();
    const start = await app.say('u', 'candidater local-nec');
    const { summary, all } = await driveToSummary(app, 'u', start, ELIGIBLE_LOCAL_NEC);
    expect(askedSlots(all)).not.toContain('legal_entity_other');
    expect(askedSlots(all)).not.toContain('themes_other');
    // 16 steps plus the authority's name, asked since support is yes.
    expect(reply(all, 'dialog:local-nec:charter').text).toMatch(/Étape 18\b/);
    const labels = summary.fields?.map((f) => f.label);
    expect(labels).not.toContain('nature de la personne morale');
    expect(labels).not.toContain('autres thèmes');
    await app.say('u', 'non');
    const markdown = reply(await app.say('u', 'exporter'), 'dialog:local-nec:export').attachments?.[0]
      ?.content;
    expect(markdown).not.toContain('nature de la personne morale');
    expect(markdown).not.toContain('autres thèmes');
  });
});

describe('resuming', () => {
  it('resumes at the same step after the app is closed and reopened on the same SQLite file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nec-dialog-'));
    const storeUrl = `sqlite://${join(dir, 'bot.sqlite')}`;
    try {
      app = await createTestApp({ storeUrl });
      await app.say('u', 'candidater local-nec');
      await app.say('u', 'Association Les Liens');
      await app.say('u', 'association');
      const before = await app.say('u', '23/03/2027');
      expect(askedSlot(before)).toBe('event_format');
      await app.close();

      app = await createTestApp({ storeUrl, now: '2026-11-30T09:00:00+01:00' });
      const status = await app.say('u', 'état');
      expect(reply(status, 'dialog:local-nec:status').text).toMatch(/Étape 4\b/);
      expect(askedSlot(status)).toBe('event_format');
      const after = await app.say('u', 'hybride');
      expect(reply(after, 'dialog:local-nec:noted').text).toContain('hybride');
      expect(askedSlot(after)).toBe('themes');
    } finally {
      await app?.close();
      app = undefined;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps several applications: lists, opens and deletes them', async () => {
    app = await createTestApp();
    const first = await app.say('u', 'candidater local-nec');
    const firstId = reply(first, 'dialog:local-nec:organizer_name').data?.application as string;
    // One active dialog at a time.
    const busy = await app.say('u', 'candidater nec-ess-travel');
    expect(busy[0]?.intent).toBe('dialog:busy');
    await app.say('u', 'annuler');
    await app.say('u', 'non');
    let r = await app.say('u', 'candidatures');
    expect(reply(r, 'dialog:list').text).toContain(firstId);
    r = await app.say('u', `ouvrir ${firstId}`);
    expect(askedSlot(r)).toBe('organizer_name');
    r = await app.say('u', `supprimer candidature ${firstId}`);
    expect(r[0]?.intent).toBe('confirm:dialog-delete');
    r = await app.say('u', 'oui');
    expect(r[0]?.intent).toBe('dialog:deleted');
    r = await app.say('u', `ouvrir ${firstId}`);
    expect(r[0]?.intent).toBe('dialog:unknown-application');
  });
});

describe('privacy of a dialog started in a channel', () => {
  it('says so in the channel and moves the questions to the direct conversation', async () => {
    app = await createTestApp();
    const r = await app.say('u', 'apply local-nec', { room: 'general' });
    const moved = reply(r, 'dialog:moved-to-direct');
    expect(moved.toDirect).toBeUndefined();
    expect(reply(r, 'dialog:local-nec:organizer_name').toDirect).toBe(true);
    const answer = await app.say('u', 'Association Les Liens');
    expect(askedSlot(answer)).toBe('legal_entity');
  });
});

describe('input refused without losing anything', () => {
  it('refuses an over-long answer, reads one without its control characters, and goes on with the answers kept', async () => {
    app = await createTestApp();
    await app.say('u', 'candidater local-nec');
    await app.say('u', 'Association Les Liens');
    let r = await app.say('u', 'x'.repeat(2500));
    expect(reply(r, 'dialog:local-nec:invalid').text).toContain('trop longue');
    // Control characters leave a message as it enters the bot: « asso\u0007 » is « asso ».
    r = await app.say('u', 'asso\u0007');
    expect(reply(r, 'dialog:local-nec:noted').text).toBe('Noté : association.');
    r = await app.say('u', 'état');
    expect(reply(r, 'dialog:local-nec:status').text).toContain('Association Les Liens');
  });
});

describe('editing a completed application', () => {
  it('cancel stops the edit and keeps the application', async () => {
    app = await createTestApp();
    const start = await app.say('u', 'candidater local-nec');
    const { summary } = await driveToSummary(app, 'u', start, ELIGIBLE_LOCAL_NEC);
    const id = summary.data?.application as string;
    await app.say('u', 'non');
    let r = await app.say('u', 'modifier budget total prévisionnel');
    expect(askedSlot(r)).toBe('budget_total');
    r = await app.say('u', 'annuler');
    expect(r[0]?.intent).toBe('dialog:edit-cancelled');
    r = await app.say('u', 'candidatures');
    expect(reply(r, 'dialog:list').text).toContain(id);
    r = await app.say('u', 'récapitulatif');
    expect(verdictOf(reply(r, 'dialog:local-nec:summary')).funding?.eligible).toBe(true);
  });
});
