import { describe, expect, it } from 'vitest';
import { parseLeadingWhen, parseWhen } from '../../src/scheduler/when.ts';

const now = new Date('2026-11-23T10:00:00+01:00');
const at = (text: string, zone = 'Europe/Paris') => parseWhen(text, now, zone);

describe('parseWhen', () => {
  it.each([
    ['to send the budget on 12 March at 9:00', '2027-03-12T08:00:00.000Z', 'send the budget'],
    ['on March 12, 2027 at 9am to call Anne', '2027-03-12T08:00:00.000Z', 'call Anne'],
    ['tomorrow at 3pm to call the town hall', '2026-11-24T14:00:00.000Z', 'call the town hall'],
    ['in 2 weeks to check the venue', '2026-12-07T09:00:00.000Z', 'check the venue'],
    ['in 30 minutes stretch', '2026-11-23T09:30:00.000Z', 'stretch'],
    ['demain à 10h de relire le dossier', '2026-11-24T09:00:00.000Z', 'relire le dossier'],
    ['dans 2 semaines de relancer la mairie', '2026-12-07T09:00:00.000Z', 'relancer la mairie'],
    ['le 12/03 à 14h30 d’envoyer le budget', '2027-03-12T13:30:00.000Z', 'envoyer le budget'],
    ['lundi prochain de préparer la salle', '2026-11-30T08:00:00.000Z', 'préparer la salle'],
    ['le 2 avril 2027 de déposer le dossier', '2027-04-02T07:00:00.000Z', 'déposer le dossier'],
    ['to publish Deadline soon on 1 December', '2026-12-01T08:00:00.000Z', 'publish Deadline soon'],
  ])('%s', (text, iso, rest) => {
    const when = at(text);
    expect(when).toMatchObject({ ok: true, rest });
    expect(when.ok && when.at.toISOString()).toBe(iso);
  });

  it('keeps 9:00 local on both sides of the change of hour', () => {
    expect(at('on 27 March 2027 at 9:00 x')).toMatchObject({ at: new Date('2027-03-27T08:00:00Z') });
    expect(at('on 29 March 2027 at 9:00 x')).toMatchObject({ at: new Date('2027-03-29T07:00:00Z') });
  });

  it('gives a named day without a time 9:00 local', () => {
    expect(at('on 7 December to x')).toMatchObject({ at: new Date('2026-12-07T08:00:00Z') });
  });

  it('reads times in the person’s zone (Guadeloupe, UTC−4)', () => {
    expect(at('demain à 9h x', 'America/Guadeloupe')).toMatchObject({ at: new Date('2026-11-24T13:00:00Z') });
  });

  it.each([
    ['on 1 March 2025 to send it', 'past'],
    ['aujourd’hui à 8h de partir', 'past'],
    ['on 31/02 to do it', 'invalid-date'],
    ['at 25:00 x', 'invalid-date'],
    ['to send the budget', 'missing'],
  ])('refuses %s (%s)', (text, reason) => {
    expect(at(text)).toMatchObject({ ok: false, reason });
  });
});

describe('parseLeadingWhen', () => {
  it('takes the time from the start and leaves time words of the message alone', () => {
    expect(parseLeadingWhen('demain 8h Clôture vendredi 13 mars', now, 'Europe/Paris')).toMatchObject({
      ok: true,
      at: new Date('2026-11-24T07:00:00Z'),
      rest: 'Clôture vendredi 13 mars',
    });
    expect(parseLeadingWhen('Deadline soon', now, 'Europe/Paris')).toMatchObject({
      ok: false,
      reason: 'missing',
    });
  });
});
