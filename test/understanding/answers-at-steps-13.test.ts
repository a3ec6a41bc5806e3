/**
 * What file 13's answers at steps needed of the understanding layer: street addresses (`addresses.ts`), pasted
 * diary lines (`agenda-lines.ts`), a clause said of nobody (`saidOfNobody`), several days of one month, a
 * likely-only yes, a hedged position, a count said by the words before it — by example, and under random input
 * (fast-check): no exception escapes, an address's number is never read as a quantity.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/core/text.ts';
import { addressesIn, withoutAddresses } from '../../src/understanding/addresses.ts';
import { readsAsAgendaLine } from '../../src/understanding/agenda-lines.ts';
import { dateIn } from '../../src/understanding/dates.ts';
import { saidOfNobody } from '../../src/understanding/negation.ts';
import { numbersIn } from '../../src/understanding/numbers.ts';
import { positionIn } from '../../src/understanding/positions.ts';
import { quantityOnly } from '../../src/understanding/quantities.ts';
import { saysLikelyOnly } from '../../src/understanding/yes-no.ts';
import { anyText } from '../support/arbitraries.ts';

const values = (text: string) => numbersIn(text).numbers.map((n) => n.value);

describe('street addresses', () => {
  it.each([
    ['3 place de la mairie', []],
    ['salle polyvalente, 2 rue des Écoles', []],
    ['12 bis avenue Jean Jaurès', []],
    ['our office at 12 Station Road is 95 km from Brussels', [95]],
    ['notre siège est au 3 place de la mairie à Lille, à 230 km de Paris', [230]],
    ['12 Market Street, Lille', []],
    ['le bus 12 passe juste devant', []],
    ['the number 7 bus stops outside, we expect 90 people', [90]],
  ])('« %s »: the address’s number is no quantity (%j)', (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it.each([
    ['on sera 200 sur place', [200]],
    ['200 people by road', [200]],
    ['12 km de route', [12]],
    ['la salle fait 300 places', [300]],
    ['we expect 120 people and the hall holds 200', [120, 200]],
  ])('« %s » has no address: its numbers stay (%j)', (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  const STREET = fc.constantFrom('rue', 'place', 'avenue', 'boulevard', 'chemin', 'allée', 'impasse', 'quai');
  const NAME = fc.constantFrom('de la mairie', 'des Écoles', 'Jean Jaurès', 'du Port', 'Victor Hugo');

  it('any French address in any sentence: its number is left out, the sentence’s own number kept', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999 }),
        STREET,
        NAME,
        fc.integer({ min: 1000, max: 9999 }),
        (n, street, name, count) => {
          const text = `nous serons ${count} personnes au ${n} ${street} ${name}`;
          expect(values(text)).toEqual([count]);
        },
      ),
    );
  });

  it('never throws, and what it leaves out lies inside the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const typed = normalize(text);
        for (const { start, end } of addressesIn(typed)) {
          expect(start).toBeGreaterThanOrEqual(0);
          expect(end).toBeLessThanOrEqual(typed.length);
        }
        expect(typeof withoutAddresses(typed)).toBe('string');
      }),
    );
  });
});

describe('lines pasted from a diary', () => {
  it.each([
    'Rdv chez le dentiste jeudi 14h30',
    'Reminder: dentist Thursday 2:30pm',
    'Réunion CA mardi 18h',
    'appointment with the GP friday 10am',
  ])('« %s » is a diary line', (text) => {
    expect(readsAsAgendaLine(text)).toBe(true);
  });

  it.each([
    'le 12 juin 2027 à 9h30',
    'réunion de lancement le 3 mars 2027 à 14h',
    'de 9h à 18h',
    'des ateliers et une table ronde',
    'jeudi',
  ])('« %s » is no diary line', (text) => {
    expect(readsAsAgendaLine(text)).toBe(false);
  });

  it('never throws on any text', () => {
    fc.assert(fc.property(anyText, (text) => typeof readsAsAgendaLine(text) === 'boolean'));
  });
});

describe('a clause said of nobody', () => {
  it('reads the clause and whether it carries its own negation', () => {
    expect(saidOfNobody('none of us has been to NEC ESS before')).toEqual({
      clause: 'has been to nec ess before',
      negated: false,
    });
    expect(saidOfNobody("aucun de nous n'est jamais venu")?.negated).toBe(true);
    expect(saidOfNobody('nobody from our team came last year')?.clause).toBe('came last year');
    expect(saidOfNobody('non, jamais')).toBeUndefined();
    expect(saidOfNobody('personne')).toBeUndefined();
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(
        anyText,
        (text) => saidOfNobody(text) === undefined || typeof saidOfNobody(text)?.clause === 'string',
      ),
    );
  });
});

describe('several days of one month', () => {
  it.each([
    ['les 14 et 15 octobre', '2027-10-14'],
    ['14th and 15th of October', '2027-10-14'],
    ['les 14, 15 et 16 octobre 2027', '2027-10-14'],
  ])('« %s » is its first day, %s', (text, day) => {
    expect(dateIn(text, '2026-12-01')).toEqual({ kind: 'day', day });
  });

  it('any two days of a month: the first one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 27 }), fc.constantFrom('et', 'and'), (first, and) => {
        const reading = dateIn(`les ${first} ${and} ${first + 1} mars 2027`, '2026-12-01');
        expect(reading).toEqual({ kind: 'day', day: `2027-03-${String(first).padStart(2, '0')}` });
      }),
    );
  });
});

describe('a yes or a no said as likely only', () => {
  it.each(['probably yes', 'probablement oui', 'sans doute non', 'euh, most likely yes'])(
    '« %s »',
    (text) => {
      expect(saysLikelyOnly(text)).toBe(true);
    },
  );
  it.each(['a priori oui', 'oui', 'yes probably not', 'normalement oui'])('not « %s »', (text) => {
    expect(saysLikelyOnly(text)).toBe(false);
  });
});

describe('a position with a hedge before it', () => {
  it('any hedge before any position reads the position', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('peut-être', 'maybe', 'probably', 'plutôt', 'sans doute'),
        fc.constantFrom('', 'la ', 'option '),
        fc.integer({ min: 1, max: 9 }),
        (hedge, lead, n) => {
          expect(positionIn(`${hedge} ${lead}${n}`)).toBe(n);
        },
      ),
    );
  });
});

describe('a count said by the words before it', () => {
  it.each(['on sera 200', "we'll be 200", 'Participants : 120', 'nous serons 80'])(
    '« %s » counts people',
    (text) => {
      expect(quantityOnly(text)).toBe('count');
    },
  );
  it.each(['200', 'on a 200'])('« %s » says no unit', (text) => {
    expect(quantityOnly(text)).not.toBe('count');
  });
  it('never throws on any text', () => {
    fc.assert(
      fc.property(anyText, (text) =>
        ['count', 'money', 'distance', 'bare', undefined].includes(quantityOnly(text)),
      ),
    );
  });
});
