/**
 * The managers' console in a real browser (Debian's Chromium): sign-in from a link obtained in chat, calls
 * edited and reverted with the chat following, an FAQ entry made from an unanswered question, a broadcast
 * scheduled and delivered, and the refusals (non-manager, expired, reused link, forged CSRF token).
 */
import type { Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Delivery } from '../../src/core/message.ts';
import { serveOps } from '../../src/ops/routes.ts';
import { driveToSummary, ELIGIBLE_LOCAL_NEC, verdictOf } from '../dialogs/support.ts';
import { type Browser, launchBrowser, screenshot } from '../support/browser.ts';
import { createTestApp, plainSpaces, type TestApp } from '../support/test-app.ts';

const chromiumPath = inject('chromiumPath');

describe.skipIf(!chromiumPath)('the web console in a browser', { timeout: 60_000 }, () => {
  let app: TestApp;
  let server: Server;
  let browser: Browser;
  const delivered: Delivery[] = [];

  beforeAll(async () => {
    app = await createTestApp();
    app.outbox.register({
      platform: 'shell',
      start: async () => {},
      stop: async () => {},
      send: async (d) => void delivered.push(d),
    });
    server = await serveOps(app, 0, '127.0.0.1');
    browser = await launchBrowser(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    await app?.close();
  });

  /** A manager's link, as the chat gives it. */
  async function linkFor(user = 'cm'): Promise<string> {
    const [reply] = await app.say(user, 'console', { isManager: true });
    expect(reply?.intent).toBe('console:link');
    expect(reply?.toDirect).toBe(true);
    return String(reply?.data?.url);
  }

  /** A signed-in page in a fresh browser profile. */
  async function signedIn(options: { mobile?: boolean } = {}): Promise<Page> {
    const page = await (await browser.profile(options)).newPage();
    await page.goto(await linkFor());
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Console des community managers' }).waitFor();
    return page;
  }

  /** Follows a link of the navigation bar. */
  async function nav(page: Page, name: string): Promise<void> {
    await page.getByRole('navigation').getByRole('link', { name }).click();
  }

  async function chat(text: string): Promise<string> {
    return (await app.say('organiser', text)).map((r) => r.text).join('\n');
  }

  it('signs a manager in from the link the chat gave, with a strict session cookie', async () => {
    const context = await browser.profile();
    const page = await context.newPage();
    await page.goto(await linkFor());
    await screenshot(page, 'sign-in');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Console des community managers',
    );
    await screenshot(page, 'home');
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({
      name: 'nec_console',
      httpOnly: true,
      sameSite: 'Strict',
      path: '/console',
    });
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.goto(`${new URL(page.url()).origin}/console/calls`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Connexion nécessaire');
  });

  it('refuses a non-manager, a reused link, an expired link and a forged form', async () => {
    const [refused] = await app.say('organiser', 'console');
    expect(refused?.intent).toBe('forbidden');
    const page = await (await browser.profile()).newPage();
    await page.goto(`${new URL(await linkFor()).origin}/console/`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Connexion nécessaire');
    await screenshot(page, 'refused-signed-out');

    const link = await linkFor();
    const first = await (await browser.profile()).newPage();
    await first.goto(link);
    await first.getByRole('button', { name: 'Se connecter' }).click();
    await first.getByRole('heading', { name: 'Console des community managers' }).waitFor();
    const second = await (await browser.profile()).newPage();
    await second.goto(link);
    await second.getByRole('button', { name: 'Se connecter' }).click();
    await expect(second.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Lien déjà utilisé');
    await screenshot(second, 'refused-reused');

    const old = await linkFor();
    app.clock.advanceTo(new Date(app.clock.now().getTime() + 11 * 60_000));
    const late = await (await browser.profile()).newPage();
    await late.goto(old);
    await late.getByRole('button', { name: 'Se connecter' }).click();
    await expect(late.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Lien expiré');

    const forged = await signedIn();
    await forged.goto(`${new URL(forged.url()).origin}/console/calls/meae-nir`);
    await forged.locator('form[action="/console/calls/meae-nir"] input[name="csrf"]').evaluate((input) => {
      (input as HTMLInputElement).value = 'forged';
    });
    await forged.getByLabel('Nom (français)').fill('Appel piraté');
    await forged.getByRole('button', { name: 'Voir ce qui change' }).click();
    await expect(forged.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Formulaire refusé');
    await screenshot(forged, 'refused-csrf');
    expect(app.calls.get('meae-nir')?.name.fr).not.toBe('Appel piraté');
  });

  it('edits a call’s closing date with a preview, and the chat’s `appels` follows; revert brings it back', async () => {
    expect(await chat('appels')).toMatch(/meae-nir.*clos depuis le 13 mars 2024/);
    const page = await signedIn();
    await nav(page, 'Appels');
    await screenshot(page, 'calls');
    await page.getByRole('link', { name: /Numérique Inclusif et Responsable/ }).click();

    await page.getByLabel('closes', { exact: true }).fill('');
    await page.getByLabel('committee_weeks').fill('trois');
    await page.getByRole('button', { name: 'Voir ce qui change' }).click();
    for (const figure of ['closes', 'committee_weeks']) {
      await expect(page.locator(`#f-figures-${figure}-error`).textContent()).resolves.toMatch(/JJ\/MM\/AAAA/);
      await expect(page.getByLabel(figure, { exact: true }).getAttribute('aria-invalid')).resolves.toBe(
        'true',
      );
    }
    await expect(page.getByLabel('committee_weeks').inputValue()).resolves.toBe('trois');
    await screenshot(page, 'call-edit-error');
    expect(await chat('appels')).toMatch(/meae-nir.*clos depuis le 13 mars 2024/);

    await page.getByLabel('committee_weeks').fill('3');
    await page.getByLabel('closes', { exact: true }).fill('2026-12-15');
    await page.getByRole('button', { name: 'Voir ce qui change' }).click();
    const preview = page.getByRole('region', { name: 'Aperçu : ce qui changera' });
    await expect(preview.textContent()).resolves.toMatch(/clos depuis le 13 mars 2024[\s\S]*ouvert/);
    await screenshot(page, 'call-preview');
    expect(await chat('appels')).toMatch(/meae-nir.*clos depuis le 13 mars 2024/);

    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/Version 1 enregistrée/);
    await screenshot(page, 'call-history');
    expect(await chat('appels')).toMatch(/meae-nir.*: ouvert/);

    await page.getByRole('button', { name: 'Revenir au fichier livré' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/Version 2 enregistrée/);
    expect(await chat('appels')).toMatch(/meae-nir.*clos depuis le 13 mars 2024/);
  });

  it('previews what an edit does to an application whose organiser declined the reminders', async () => {
    const start = await app.say('sans-rappels', 'candidater local-nec');
    await driveToSummary(app, 'sans-rappels', start, { ...ELIGIBLE_LOCAL_NEC, event_date: '23/09/2027' });
    expect((await app.say('sans-rappels', 'non')).map((r) => r.text).join('\n')).toContain('pas de rappels');
    const page = await signedIn();
    await nav(page, 'Appels');
    await page.getByRole('link', { name: /NEC local/ }).click();
    await page.getByLabel('min_attendance', { exact: true }).fill('200');
    await page.getByRole('button', { name: 'Voir ce qui change' }).click();
    const preview = page.getByRole('region', { name: 'Aperçu : ce qui changera' });
    await expect(preview.locator('.preview-count').textContent()).resolves.toBe(
      '1 dossier enregistré pour cet appel : 1 changerait.',
    );
    const row = preview.getByRole('table', { name: 'Dossier 1 (complet)' }).getByRole('row').nth(1);
    await expect(row.textContent()).resolves.toMatch(/^Verdict — .*éligiblenon éligible$/);
    await expect(preview.textContent()).resolves.not.toContain(ELIGIBLE_LOCAL_NEC.organizer_name);
    await screenshot(page, 'call-preview-applications');
    expect(app.calls.get('local-nec')?.figures.min_attendance).toBe(150);
  });

  it('prepares next year’s local NEC call entirely from the console, and an organiser’s dialog uses it at once', async () => {
    const page = await signedIn();
    await nav(page, 'Appels');
    await page.getByRole('link', { name: /NEC local/ }).click();
    await page.getByLabel('Édition (année)').fill('2027');
    await page.getByLabel('Ouverture').fill('2027-01-15');
    // Days read and typed day first, whatever the browser's language.
    await expect(page.getByLabel('agreement_end', { exact: true }).inputValue()).resolves.toBe('31/12/2023');
    await page.getByLabel('Clôture', { exact: true }).fill('30/06/2027');
    await page.getByLabel('Section de la source qui donne ces dates').fill('Appel à participation 2027');
    await page.getByLabel('min_attendance', { exact: true }).fill('120');
    await page.getByLabel('agreement_end', { exact: true }).fill('31/12/2027');
    const contact = 'Nouveau contact (laisser vide si aucun)';
    await page.getByLabel(`${contact} — nom`).fill('Équipe NEC locaux 2027');
    await page.getByLabel(`${contact} — rôle (français)`).fill('candidatures 2027');
    await page.getByLabel(`${contact} — rôle (anglais)`).fill('2027 applications');
    await page.getByLabel(`${contact} — courriel`).fill('nec-locaux-2027@example.org');
    await page.getByRole('button', { name: 'Voir ce qui change' }).click();
    const preview = page.getByRole('region', { name: 'Aperçu : ce qui changera' });
    await expect(preview.textContent()).resolves.toMatch(/édition 2023[\s\S]*ouvre le 15 janvier 2027/);
    await screenshot(page, 'call-next-edition');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/Version 1 enregistrée/);

    expect(await chat('appels')).toMatch(/local-nec[^\n]*: ouvre le 15 janvier 2027\n/);
    const saved = app.calls.get('local-nec');
    expect([saved?.window?.closes, saved?.figures.agreement_end]).toEqual(['2027-06-30', '2027-12-31']);
    const rules = await chat('éligibilité local-nec');
    expect(rules).toContain('au moins 120 participants');
    expect(rules).toContain('nec-locaux-2027@example.org');
    // 130 expected attendees: short of 2023's 150, enough for 2027's 120.
    const { summary } = await driveToSummary(
      app,
      'organiser-2027',
      await app.say('organiser-2027', 'candidater local-nec'),
      { ...ELIGIBLE_LOCAL_NEC, expected_attendance: '130 personnes' },
    );
    expect(verdictOf(summary).funding?.eligible).toBe(true);
  });

  it('asks the second of two managers editing at once to reload, losing nothing silently', async () => {
    const first = await signedIn();
    const second = await signedIn();
    for (const page of [first, second])
      await page.goto(`${new URL(page.url()).origin}/console/calls/nec-ess-travel`);
    await first.getByLabel('allowance_eur').fill('950');
    await first.getByRole('button', { name: 'Voir ce qui change' }).click();
    await first.getByRole('button', { name: 'Enregistrer' }).click();
    await first.getByText(/enregistrée/).waitFor();
    await second.getByLabel('allowance_eur').fill('1000');
    await second.getByRole('button', { name: 'Voir ce qui change' }).click();
    await expect(second.getByRole('alert').first().textContent()).resolves.toMatch(
      /Un autre community manager a enregistré cet appel/,
    );
    await expect(second.getByLabel('allowance_eur').inputValue()).resolves.toBe('1000');
    expect(app.calls.get('nec-ess-travel')?.figures.allowance_eur).toBe(950);
  });

  it('creates an FAQ entry from an unanswered question, and the chat answers with it', async () => {
    const question = 'Y a-t-il une garderie pour les enfants ?';
    expect((await app.say('organiser', question)).map((r) => r.intent)).toContain('fallback');
    const page = await signedIn();
    await nav(page, 'FAQ');
    await screenshot(page, 'faq');
    await page.getByRole('link', { name: 'Questions sans réponse' }).click();
    await expect(page.getByRole('table').textContent()).resolves.toContain(
      'y a-t-il une garderie pour les enfants ?',
    );
    await screenshot(page, 'faq-unanswered');
    await page.getByRole('link', { name: 'Créer une entrée' }).first().click();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.locator('#f-id-error').textContent()).resolves.toBeTruthy();
    await page.getByRole('textbox', { name: /^Identifiant/ }).fill('garderie');
    await page.getByLabel('Titre (français)').fill('Garde des enfants');
    await page.getByLabel('Titre (anglais)').fill('Childcare');
    await page.getByLabel('Façons de poser la question, en anglais').fill('Is there childcare for children?');
    await page.getByLabel('Mots-clés français').fill('garderie, enfants');
    await page.getByLabel('Mots-clés anglais').fill('childcare, children');
    await page
      .getByLabel('Réponse (français)')
      .fill('Les sources ne parlent pas de garderie : demandez à l’équipe organisatrice.');
    await page
      .getByLabel('Réponse (anglais)')
      .fill('The sources say nothing about childcare: ask the organising team.');
    await page.getByLabel('Titre de la source (français)').fill('Équipe organisatrice');
    await page.getByLabel('Titre de la source (anglais)').fill('Organising team');
    await page.getByLabel('Fichier source').fill('contacts');
    await screenshot(page, 'faq-new-entry');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/Version 1 enregistrée/);
    const replies = await app.say('organiser', question);
    expect(replies.map((r) => r.intent)).toContain('faq:garderie');

    await page.goto(`${new URL(page.url()).origin}/console/faq/try?q=${encodeURIComponent(question)}`);
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/Garde des enfants/);
    await screenshot(page, 'faq-try');
  });

  it('schedules a broadcast that is delivered when due, through the chat’s engine', async () => {
    const page = await signedIn();
    await nav(page, 'Diffusions');
    await page.getByLabel('Canaux').fill('#general');
    await page.getByLabel(/Date et heure/).fill('05/01/2027 09:30');
    await page.getByLabel('Message').fill('Les inscriptions <b>ouvrent</b> **demain** !');
    await page.getByRole('button', { name: 'Aperçu' }).click();
    // As the terminal will show it (this manager signed in from it): typeset, its marks dropped, no markup.
    await expect(page.locator('.chat-preview').textContent()).resolves.toContain(
      '📣 Les inscriptions <b>ouvrent</b> demain\u202f!',
    );
    await screenshot(page, 'broadcasts');
    await page.getByRole('button', { name: 'Programmer' }).click();
    await expect(page.getByRole('status').first().textContent()).resolves.toBe('Diffusion programmée.');
    expect((await app.say('cm', 'diffusions', { isManager: true }))[0]?.text).toContain('#general');
    app.clock.advanceTo(new Date('2027-01-05T09:30:00+01:00'));
    await app.scheduler.tick(app.clock.now());
    expect(delivered.map((d) => [d.ref.roomId, plainSpaces(d.reply.text)])).toContainEqual([
      'general',
      '📣 Les inscriptions <b>ouvrent</b> **demain** !',
    ]);
  });

  it('shows the activity as charts and tables, and works on a phone in English', async () => {
    const page = await signedIn({ mobile: true });
    await page.getByRole('button', { name: 'English' }).click();
    await nav(page, 'Activity');
    await expect(page.getByRole('img', { name: 'FAQ questions per week' }).count()).resolves.toBe(1);
    await expect(page.getByRole('table', { name: 'FAQ questions per week' }).textContent()).resolves.toMatch(
      /fallback/,
    );
    await screenshot(page, 'activity-phone');
    await nav(page, 'Calls');
    await screenshot(page, 'calls-phone');
  });
});
