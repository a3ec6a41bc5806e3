/** Helpers for dialog conversation tests: drive a dialog by slot, and read the replies. */
import { afterEach } from 'vitest';
import { ApplicationStore } from '../../dialogs/application.ts';
import type { VerdictEntry } from '../../rules/index.ts';
import type { Reply } from '../../src/core/message.ts';
import { userKey } from '../../src/store/user-records.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/** A complete, eligible local NEC application as typed by someone, today being 2026-11-23. */
export const ELIGIBLE_LOCAL_NEC: Record<string, string> = {
  organizer_name: 'Association Les Liens',
  legal_entity: 'association',
  event_date: '23/03/2027',
  event_format: 'hybride',
  themes: '1, 7',
  goal: 'Réunir médiateurs, élus et associations pour partager leurs outils et construire un réseau local.',
  area: 'Métropole de Lyon',
  audience: 'médiateurs numériques et élus',
  expected_attendance: '150 personnes',
  venue_capacity: '200',
  partners: 'Ville de Lyon, La Base',
  local_authority_support: 'oui',
  local_authority_name: 'Ville de Lyon',
  session_formats: 'ateliers et tables rondes',
  resources: 'deux salariés, une salle, une campagne de communication',
  budget_total: '12 000 €',
  grant_requested: '9 600 €',
  charter: 'oui',
};

/** A complete meae-nir application as typed by someone (the call closed since 13 March 2024). */
export const MEAE: Record<string, string> = {
  authority_name: 'Ville de Nantes',
  applicant_type: 'collectivité',
  foreign_partner: 'oui',
  partner_name: 'Dakar, Sénégal',
  fields: '1, 2',
  project_title: 'Médiation numérique partagée',
  project_summary: 'passer',
};

/** The NEC ESS travel allowance's first steps as typed by someone (the call closed since November 2025). */
export const ESS: Record<string, string> = {
  organisation_name: 'Les Liens',
  first_participation: 'oui',
  venue: 'Bruxelles',
};

/** The slot a reply asks for (`dialog:<id>:<slot>`), if it is a step. */
export function askedSlot(replies: Reply[]): string | undefined {
  const step = replies.findLast((r) => typeof r.data?.slot === 'string' && r.intent.startsWith('dialog:'));
  return step?.data?.slot as string | undefined;
}

/** The reply of an intent, failing clearly when absent. */
export function reply(replies: Reply[], intent: string): Reply {
  const found = replies.find((r) => r.intent === intent);
  if (!found) throw new Error(`no reply ${intent} in ${replies.map((r) => r.intent).join(', ')}`);
  return found;
}

/** Answers each step asked from `answers` (by slot) until the summary comes; returns every reply seen. */
export async function driveToSummary(
  app: TestApp,
  user: string,
  start: Reply[],
  answers: Record<string, string>,
): Promise<{ summary: Reply; all: Reply[] }> {
  const all = [...start];
  let replies = start;
  for (let guard = 0; guard < 40; guard++) {
    const summary = replies.find((r) => r.intent.endsWith(':summary'));
    if (summary) return { summary, all };
    const slot = askedSlot(replies);
    if (!slot) throw new Error(`no step asked: ${replies.map((r) => `${r.intent}: ${r.text}`).join(' | ')}`);
    const text = answers[slot];
    if (text === undefined) throw new Error(`no answer given for ${slot}`);
    replies = await app.say(user, text);
    all.push(...replies);
  }
  throw new Error('the dialog did not reach its summary');
}

/** The verdict data of a summary reply. */
export function verdictOf(summary: Reply): Record<string, VerdictEntry> {
  return summary.data?.verdict as never;
}

/** The answers of a person's latest application (none: an empty record). */
export async function answersOf(app: TestApp, user: string): Promise<Record<string, unknown>> {
  return (await new ApplicationStore(app.records).list(userKey('shell', user)))[0]?.answers ?? {};
}

/**
 * Starts a dialog (saying yes to preparing a closed call anyway) and answers each step from `route` (by slot;
 * a plain sentence where it gives none) until `slot` is asked; returns the replies that ask it.
 */
export async function reachStep(
  app: TestApp,
  user: string,
  dialog: string,
  slot: string,
  route: Record<string, string>,
): Promise<Reply[]> {
  let r = await app.say(user, `candidater ${dialog}`);
  if (r.some((x) => x.intent === 'confirm:dialog-closed-call')) r = await app.say(user, 'oui');
  for (let guard = 0; guard < 30 && askedSlot(r) !== slot; guard++)
    r = await app.say(user, route[askedSlot(r) as string] ?? 'Rapprocher les habitants');
  if (askedSlot(r) !== slot) throw new Error(`step ${slot} never asked`);
  return r;
}

/** The intents of replies, in order. */
export const intentsOf = (replies: Reply[]): string[] => replies.map((r) => r.intent);

/** The texts of replies, one per line. */
export const textsOf = (replies: Reply[]): string => replies.map((r) => r.text).join('\n');

/**
 * A fresh app per test on the clock `now`, closed after each: `start()` makes it; `answers` and `reach` read and
 * drive the one started.
 */
export function appPerTest(now = '2026-12-01T10:00:00+01:00') {
  let app: TestApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });
  const started = (): TestApp => {
    if (!app) throw new Error('start() the app first');
    return app;
  };
  return {
    start: async (): Promise<TestApp> => {
      app = await createTestApp({ now });
      return app;
    },
    answers: (user: string) => answersOf(started(), user),
    reach: (user: string, dialog: string, slot: string, route: Record<string, string>) =>
      reachStep(started(), user, dialog, slot, route),
  };
}
