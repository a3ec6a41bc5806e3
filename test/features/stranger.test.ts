/**
 * What a stranger trying the bot on main met (session 4): verdicts that gave no reason when met, English section
 * titles in French replies, internal ids, things said twice, odd wording, and the managers' commands.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/message.ts';
import { driveToSummary, ELIGIBLE_LOCAL_NEC } from '../dialogs/support.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function eligibleSummary(user = 'ana'): Promise<Reply> {
  app = await createTestApp();
  const start = await app.say(user, 'candidater local-nec');
  return (await driveToSummary(app, user, start, ELIGIBLE_LOCAL_NEC)).summary;
}

/** The lines of a verdict: one per rule of a benefit, each with its mark. */
const verdictLines = (text: string): string[] =>
  text.split('\n').filter((line) => /^• (✅|❌|❓|❔|⚠️)/u.test(line));

describe('verdicts', () => {
  it('says why on every line, met ones too, citing the source’s title and section, never a file id', async () => {
    const summary = await eligibleSummary();
    const lines = verdictLines(summary.text);
    expect(lines.filter((line) => line.startsWith('• ✅')).length).toBeGreaterThan(5);
    for (const line of lines) {
      expect(line).toMatch(/\(source : ANCT — NEC locaux, 2023 \(page en anglais\), § .+\)$/);
      expect(line).not.toContain('000_');
    }
    // A benefit reserved to another's holders says so when it is met, too.
    expect(summary.text).toContain(
      '• ✅ Réservé à qui obtient « label NEC local (usage de la marque) », que vous obtenez.',
    );
  });

  it('cites an English source’s sections in French for a French reader, the original kept in the data', async () => {
    const summary = await eligibleSummary();
    expect(summary.text).toContain('§ Engagements des porteurs de projet');
    expect(summary.text).not.toMatch(/§ (Commitments|Selection|Instruction and|Content|Local NEC|Project)/);
    const [english] = await (app as TestApp).say('ana', 'language en');
    expect(english?.intent).toBe('language');
    const [again] = await (app as TestApp).say('ana', 'summary');
    expect(again?.text).toContain('(source: ANCT — NEC locaux, 2023, § Commitments by project initiators)');
  });
});

describe('the summary and the dossier', () => {
  it('names the call and the contact once, the application by its organiser rather than its id', async () => {
    const summary = await eligibleSummary();
    const text = summary.text;
    const call = 'NEC local (appel à participation de l’ANCT)';
    expect(text.split('\n')[0]).toBe(`**Récapitulatif — ${call}** — Association Les Liens`);
    expect(text.split(call)).toHaveLength(2);
    expect(text.split('amelie.naquet@anct.gouv.fr')).toHaveLength(2);
    expect(text).not.toContain('(candidature ');
    expect(text).not.toContain('**Contact**');
  });

  it('« récapitulatif » with no application says so once, in French', async () => {
    app = await createTestApp();
    const replies = await app.say('zed', 'récapitulatif');
    expect(replies.map((r) => r.text)).toEqual([
      'Vous n’avez pas encore de candidature. Écrivez « candidater » pour en commencer une.\n\n' +
        '_Je garde vos réponses et préférences pour vous accompagner : « mes données » vous les montre, « oublie-moi » les efface._',
    ]);
  });

  it('an unfinished summary with no answer yet heads its fields « À compléter », not an empty « Vos réponses »', async () => {
    app = await createTestApp();
    await app.say('bob', 'candidater local-nec');
    const summary = (await app.say('bob', 'récapitulatif')).find((r) => r.intent.endsWith(':summary'));
    expect(summary?.text).not.toContain('**Vos réponses**');
    expect(summary?.text.trimEnd().endsWith('**À compléter**')).toBe(true);
    await app.say('bob', 'Les Liens');
    const answered = (await app.say('bob', 'récapitulatif')).find((r) => r.intent.endsWith(':summary'));
    expect(answered?.text.trimEnd().endsWith('**Vos réponses**')).toBe(true);
  });

  it('the dossier escapes what the person typed, never the bot’s own labels; the calendar names the event and call', async () => {
    await eligibleSummary();
    await (app as TestApp).say('ana', 'modifier structure organisatrice');
    await (app as TestApp).say('ana', 'Les *Liens* (Lyon)');
    const [exported] = await (app as TestApp).say('ana', 'exporter');
    const files = exported?.attachments ?? [];
    const dossier = files.find((f) => f.filename.endsWith('-dossier.md'))?.content ?? '';
    expect(dossier).toContain('- **format de l’événement** : hybride (présentiel et en ligne)');
    expect(dossier).toContain('- **structure organisatrice** : Les \\*Liens\\* \\(Lyon\\)');
    const ics = files.find((f) => f.filename.endsWith('.ics'))?.content.replace(/\r\n /g, '') ?? '';
    expect(ics).toContain(
      'SUMMARY:Les *Liens* (Lyon)\\, NEC local (appel à participation de l’ANCT) : jour de l’événement',
    );
  });
});

describe('wording', () => {
  it('quotes inside quotes with “ ” in French: « Appel à projets “Numérique Inclusif et Responsable” … »', async () => {
    app = await createTestApp();
    const replies = [...(await app.say('ana', 'candidater meae-nir')), ...(await app.say('ana', 'oui'))];
    const start = replies.find((r) => r.intent === 'dialog:meae-nir:start')?.text ?? '';
    expect(start).toContain(
      '« Appel à projets “Numérique Inclusif et Responsable” (MEAE, coopération décentralisée) »',
    );
    expect(replies.map((r) => r.text).join('\n')).not.toMatch(/«[^»\n]*«/);
  });
});

describe('my data', () => {
  it('offers to keep only a completed application, and says its erasure day as it is where its owner lives', async () => {
    app = await createTestApp();
    await app.say('bob', 'candidater local-nec');
    await app.say('bob', 'Les Liens');
    const unfinished = (await app.say('bob', 'mes données')).find((r) => r.intent === 'privacy:export');
    expect(unfinished?.text).toContain(
      '• NEC local (appel à participation de l’ANCT) — Les Liens : sera effacée le',
    );
    expect(unfinished?.text).not.toContain('garder ma candidature');

    await app.say('gus', 'fuseau America/Guadeloupe');
    const start = await app.say('gus', 'candidater local-nec');
    await driveToSummary(app, 'gus', start, ELIGIBLE_LOCAL_NEC);
    const mine = (await app.say('gus', 'mes données')).find((r) => r.intent === 'privacy:export');
    // Event on 23 March 2027 plus 90 days: 21 June, in Guadeloupe too (not 20 June, 20:00 there).
    expect(mine?.text).toContain('Association Les Liens : sera effacée le 21 juin 2027');
    expect(mine?.text).toContain('« garder ma candidature »');
  });
});

describe('reminders listed', () => {
  it('by number, day and subject, never the scheduler’s ids; the commands take the number', async () => {
    const summary = await eligibleSummary();
    const a = app as TestApp;
    await a.say('ana', 'oui');
    const [list] = await a.say('ana', 'rappels');
    expect(list?.text).not.toContain('app:');
    expect(list?.text).toContain(
      '1. lundi 22 mars 2027 à 09:00 — 📝 Votre NEC local « Association Les Liens » a lieu demain.\n',
    );
    expect(list?.text).toContain('`annuler rappel 1` (son numéro)');
    expect(list?.text).not.toContain(String(summary.data?.application));
    const [cancelled] = await a.say('ana', 'annuler rappel 1');
    expect(cancelled?.intent).toBe('reminder:cancelled');
    expect(cancelled?.text).toBe(
      'Rappel annulé (lundi 22 mars 2027 à 09:00) : 📝 Votre NEC local « Association Les Liens » a lieu demain.',
    );
    const [snoozed] = await a.say('ana', 'reporter 1 2 jours');
    expect(snoozed?.text).toMatch(/^Rappel reporté au vendredi 26 mars 2027 à 09:00 : 📚 Votre NEC local/);
  });
});

describe('language', () => {
  it('« bonjour, je préfère le français » switches to French and says so, "in English please" back', async () => {
    app = await createTestApp();
    await app.say('sam', 'hello, what is a local NEC?');
    const [fr] = await app.say('sam', 'bonjour, je préfère le français');
    expect(fr).toMatchObject({ intent: 'language', text: 'C’est noté : je vous réponds en français.' });
    const [en] = await app.say('sam', 'in English please');
    expect(en).toMatchObject({ intent: 'language', text: 'Noted: I will answer in English.' });
    // A question about French is no request.
    const [question] = await app.say('sam', 'le NEC en français ?');
    expect(question?.intent).not.toBe('language');
  });

  it('reads a message without its control characters, and a command typed in bold', async () => {
    app = await createTestApp();
    const [hello] = await app.say('zed', 'bon\u0007jour');
    expect(hello?.intent).toBe('welcome');
    const [help] = await app.say('zed', '**aide**');
    expect(help?.intent).toBe('help');
  });
});

describe('managers', () => {
  const manager = { room: 'general', isManager: true };

  it('« help broadcasts » and « aide diffusions » show the managers’ commands, and leave the language alone', async () => {
    app = await createTestApp();
    await app.say('max', 'bonjour', manager);
    const [help] = await app.say('max', 'help broadcasts', manager);
    expect(help).toMatchObject({ intent: 'help', data: { topic: 'managers' } });
    expect(help?.text).toContain('**Gestion (community managers)**');
    // The group says whom its commands are for; its lines do not say it again, each its own way.
    expect(help?.text.split('\n').slice(1).join('\n')).not.toMatch(
      /\((gestionnaires|community managers|managers)\)/,
    );
    const [aide] = await app.say('max', 'aide diffusions', manager);
    expect(aide).toMatchObject({ intent: 'help', data: { topic: 'managers' } });
    expect(aide?.text).toContain('`abonnements`');
  });

  it('« diffuser dans #general demain à 9h : … » is understood; a time it cannot read gets broadcast examples', async () => {
    app = await createTestApp();
    const [preview] = await app.say('max', 'diffuser dans #general demain à 9h : Clôture vendredi', manager);
    expect(preview?.intent).toBe('confirm:broadcast:send');
    expect(preview?.text).toContain(
      'Aperçu — dans #general, mardi 24 novembre 2026 à 09:00 (Europe/Paris) :\n> Clôture vendredi\n',
    );
    await app.say('max', 'non', manager);
    const [refused] = await app.say('max', 'diffuser #general un jour Clôture vendredi', manager);
    expect(refused?.intent).toBe('broadcast:refused');
    expect(refused?.text).toContain('« diffuser #general demain à 9h');
    expect(refused?.text).not.toContain('rappelle-moi');
  });

  it('« abonnements » lists what a channel follows; in a direct message, every channel’s', async () => {
    app = await createTestApp();
    await app.say('max', 'bonjour', manager);
    const [none] = await app.say('max', 'abonnements', manager);
    expect(none).toMatchObject({
      intent: 'subscriptions',
      text: 'Ce canal ne suit aucun appel. Pour l’abonner : `abonner local-nec`.',
    });
    await app.say('max', 'abonner local-nec', manager);
    await app.say('max', 'subscribe local-nec', { room: 'events', isManager: true });
    const [listed] = await app.say('max', 'abonnements', manager);
    expect(listed?.text).toMatch(
      /^Ce canal suit 1 appel :\n• « NEC local \(appel à participation de l’ANCT\) » \(Europe\/Paris\) — aucune annonce à venir$/,
    );
    const [direct] = await app.say('max', 'subscriptions', { isManager: true });
    expect(direct?.data?.subscriptions).toEqual([
      { room: 'general', call: 'local-nec', timezone: 'Europe/Paris' },
      { room: 'events', call: 'local-nec', timezone: 'Europe/Paris' },
    ]);
    expect(direct?.text).toContain('• #events : ');
    // In English, no space before the colon.
    await app.say('sam', 'language en', { isManager: true });
    const [english] = await app.say('sam', 'subscriptions', { isManager: true });
    expect(english?.text).toContain('• #events: “Local NEC');
  });
});

describe('English wording', () => {
  it('names a choice it does not recognise in English quotes, and lists the options without the French « ; »', async () => {
    app = await createTestApp();
    const answers = ['Association Bug', 'association', '12/06/2027', 'hybrid'];
    await app.say('eve', 'apply local-nec');
    for (const answer of answers) await app.say('eve', answer);
    const [refused] = await app.say('eve', 'blockchain');
    expect(refused?.text).toMatch(
      /^I do not recognise “blockchain”\. Choose one or more answers, .*: 1\. digital inclusion; 2\. /,
    );
  });

  it('says “Let’s”, never the stiff “Let us”', async () => {
    app = await createTestApp();
    const start = await app.say('eve', 'apply local-nec');
    const text = start.map((r) => r.text).join('\n');
    expect(text).toContain('Let’s prepare your “Local NEC (ANCT call for participation)” application');
    expect(text).not.toContain('Let us');
  });
});
