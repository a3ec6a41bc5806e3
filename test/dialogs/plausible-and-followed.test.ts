/** Implausible answers refused with a clear message; reminders that follow the verdict; retention told first. */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { askedSlot, driveToSummary, ELIGIBLE_LOCAL_NEC, reply } from './support.ts';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Answers local-nec up to (not including) `slot`, from the eligible application. */
async function upTo(slot: string, answers: Record<string, string> = ELIGIBLE_LOCAL_NEC) {
  if (!app) throw new Error('no app');
  let r = await app.say('u', 'candidater local-nec');
  while (askedSlot(r) !== slot) {
    const asked = askedSlot(r);
    if (!asked) throw new Error('no step asked');
    r = await app.say('u', answers[asked] ?? '');
  }
  return r;
}

describe('plausibility', () => {
  it('refuses a budget of 0, a grant above the budget, a venue of 0 seats and an absurd attendance', async () => {
    app = await createTestApp();
    await upTo('expected_attendance');
    let r = await app.say('u', '2 000 000');
    expect(reply(r, 'dialog:local-nec:invalid').intent).toBeTruthy();
    expect(askedSlot(r)).toBe('expected_attendance');
    r = await app.say('u', '150');
    r = await app.say('u', '0');
    expect(reply(r, 'dialog:local-nec:invalid').intent).toBeTruthy();
    expect(askedSlot(r)).toBe('venue_capacity');
    for (const answer of ['200', 'Ville de Lyon', 'oui', 'Ville de Lyon', 'ateliers', 'deux salariés'])
      r = await app.say('u', answer);
    expect(askedSlot(r)).toBe('budget_total');
    r = await app.say('u', '0 €');
    expect(reply(r, 'dialog:local-nec:invalid').text).toContain(
      'Un budget total de 0 € ne décrit aucune dépense',
    );
    r = await app.say('u', '12 000 €');
    expect(askedSlot(r)).toBe('grant_requested');
    r = await app.say('u', '15 000 €');
    expect(reply(r, 'dialog:local-nec:invalid').text).toContain('Cette subvention dépasse le budget total');
    expect(askedSlot(r)).toBe('grant_requested');
    r = await app.say('u', '9 600 €');
    expect(askedSlot(r)).toBe('charter');
    // A budget edited below the grant already asked for is questioned too.
    r = await app.say('u', 'oui');
    await app.say('u', 'non');
    r = await app.say('u', 'modifier budget_total');
    r = await app.say('u', '5 000 €');
    expect(reply(r, 'dialog:local-nec:invalid').text).toContain('plus petit que la subvention demandée');
  });

  it('refuses a travel distance beyond any on Earth', async () => {
    app = await createTestApp();
    await app.say('t', 'apply nec-ess-travel', { langHint: 'en' });
    await app.say('t', 'yes');
    for (const answer of ['Open Lab', 'yes', 'paris']) await app.say('t', answer);
    const r = await app.say('t', '25000 km');
    expect(reply(r, 'dialog:nec-ess-travel:invalid').intent).toBeTruthy();
    expect(askedSlot(r)).toBe('distance_km');
  });
});

describe('reminders follow the verdict; retention is told before it happens', () => {
  it('an edit that rules the grant out removes its deadline reminders and says so; they come back with it', async () => {
    app = await createTestApp();
    const start = await app.say('u', 'candidater local-nec');
    // Event on 23 September 2027: the funding deadline (23 May 2027) and its reminders are ahead.
    const { summary, all } = await driveToSummary(app, 'u', start, {
      ...ELIGIBLE_LOCAL_NEC,
      event_date: '23/09/2027',
    });
    // Told in the completed summary: when it is erased and how to keep a copy.
    expect(summary.text).toContain('Je garde cette candidature jusqu’à son effacement, le 22 décembre 2027');
    expect(summary.text).toContain('« exporter »');
    const offer = reply(all, 'confirm:reminders:accept');
    const offered = Number(/(\d+) rappels/.exec(offer.text)?.[1]);
    await app.say('u', 'oui');
    let listed = reply(await app.say('u', 'rappels'), 'reminders');
    // Internal retention jobs are not the person's reminders: the count offered is the count listed.
    expect(listed.data?.reminders).toHaveLength(offered);
    expect(listed.text).not.toContain('effacé');
    expect(listed.text).toContain(`Vos rappels (${offered})`);
    const funding = (l: typeof listed) =>
      ((l.data?.reminders ?? []) as Array<{ kind: string }>).filter((j) => j.kind === 'funding-deadline')
        .length;
    expect(funding(listed)).toBe(3);

    await app.say('u', 'modifier expected_attendance');
    let r = await app.say('u', '140');
    expect(reply(r, 'reminder:followed').text).toContain('3 rappels retirés');
    listed = reply(await app.say('u', 'rappels'), 'reminders');
    expect(funding(listed)).toBe(0);
    expect(listed.data?.reminders).toHaveLength(offered - 3);

    await app.say('u', 'modifier expected_attendance');
    r = await app.say('u', '150');
    expect(reply(r, 'reminder:followed').text).toContain('3 rappels ajoutés');
    expect(funding(reply(await app.say('u', 'rappels'), 'reminders'))).toBe(3);

    // The event's duties are the label holder's: refusing the commitments rules the label out (and the grant
    // and duo it carries), so they go with the funding deadlines, said; they come back with the label.
    const owner = `application:${String(summary.data?.application)}`;
    const kindsNow = async () => (await app?.scheduler.listByOwner(owner))?.map((j) => j.kind).sort();
    expect(await kindsNow()).toEqual([
      'after-event',
      'event-eve',
      'funding-deadline',
      'funding-deadline',
      'funding-deadline',
      'national-nec',
    ]);
    await app.say('u', 'modifier charte');
    r = await app.say('u', 'non');
    expect(reply(r, 'reminder:followed').text).toContain('6 rappels retirés');
    expect(await kindsNow()).toEqual([]);
    await app.say('u', 'modifier charte');
    r = await app.say('u', 'oui');
    expect(reply(r, 'reminder:followed').text).toContain('6 rappels ajoutés');
    // A label to be confirmed (in person only) keeps them, each saying on which condition it holds.
    await app.say('u', 'modifier format');
    await app.say('u', 'uniquement en présentiel');
    const eve = (await app.scheduler.listByOwner(owner)).find((j) => j.kind === 'event-eve');
    expect(eve?.reply.text).toContain(
      'Valable si « label NEC local (usage de la marque) » vous est confirmé : ce n’est pas encore certain.',
    );
    expect(eve?.reply.text).toMatch(
      /source : ANCT — NEC locaux, 2023 \(page en anglais\), § Engagements des porteurs de projet/,
    );

    // « mes données » says when the application goes, and how to keep a copy.
    const mine = reply(await app.say('u', 'mes données'), 'privacy:export');
    expect(mine.text).toMatch(
      /— Association Les Liens : sera effacée le 22 décembre 2027 \(90 jours après son événement\)/,
    );
    expect(mine.text).toContain('Pour en garder une copie : « exporter »');
  });
});
