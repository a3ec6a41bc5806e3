/**
 * What a value in a sentence is said of, in French and English: « la location de la salle coûte 800 € » gives
 * the room's hire, not the budget; « notre AG a lieu le 12 janvier » the date of a general meeting, not of the
 * event; « la gare est à 3 km de chez nous » a distance to the station, not to the venue. A value is the step's
 * when its clause says it of nothing (« 12 000 € », « à 300 km »), of the applicant or the event (« on attend
 * 200 personnes », « notre budget est de… »), or of the step's own subject (its names: « le budget total est
 * de… », « la salle peut accueillir 250 personnes »); a value said of another thing named is asked about.
 * Read by the clause's form — a noun phrase before the value, with its determiner — not by phrases.
 */
import { normalize } from '../core/text.ts';

// Closed classes only, in both languages: determiners, and the nouns that stand for the applicant and its
// event at any step (a list of other things would never end; what is not one of these is another thing).

/** A determiner that opens a noun phrase. */
const DETERMINER =
  /^(?:l'|(?:le|la|les|un|une|des|du|notre|nos|votre|leur|leurs|son|sa|ses|cet|cette|ces|the|a(?! peu)|an|our|their|his|her|its|these|those|my|mon|ma|mes)\s+)/;
/** Words that stand for the applicant, its event or its whole: what every step's value may be said of. */
const OURS = new Set(
  'nous on we us ours evenement event nec journee rencontre edition manifestation projet project association asso structure organisation organization siege bureau office locaux premises headquarters total ensemble tout whole overall it ca cela'.split(
    ' ',
  ),
);
/** Words that belong to the value itself (« le jeudi 10 juin », "around 80", « au moins 200 »). */
const OF_THE_VALUE =
  /^(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|january|february|march|april|may|june|july|august|september|october|november|december|environ|about|around|approximately|roughly|pres|moins|plus|least|most|up|to|jusqu'a|vers|premier|first|1er|est|sera|sont|seront|serait|fait|fera|is|are|was|will|be|'ll|lieu|aura|takes|take|place)$/;
/** Fillers before the sentence proper. */
const OPENING = /^(?:(?:euh|bon|ok|okay|ah|oh|alors|donc|well|so|hmm|bah|ben)[\s,]+)+/;

/** The words of a noun phrase, without its determiners and linking words. */
const nounWords = (phrase: string): string[] =>
  phrase
    .split(/[\s,']+/)
    .filter((w) => w.length > 1 && !/^(?:de|du|des|la|le|les|of|the|a|an|at|a|au|aux|en|in|on)$/.test(w));

/**
 * The thing the sentence says its first value of, when that is neither the applicant, nor the event, nor the
 * step's subject (`stepWords`, normalized); undefined when the value may be the step's. With `ends`, the value is
 * a distance: the place it is measured from must be ours too (« à 3 km de chez nous » of the station is not).
 */
export function saidOfAnotherThing(text: string, stepWords: string[], ends = false): string | undefined {
  const typed = normalize(text).replace(OPENING, '');
  const value = /\d/.exec(typed);
  if (!value) return undefined;
  const clauseStart = Math.max(
    0,
    ...[',', ';', '.', ':', ' - '].map((s) => typed.lastIndexOf(s, value.index) + 1),
  );
  const before = typed.slice(clauseStart, value.index).trim();
  const known = (words: string[]) =>
    words.some((w) => OURS.has(w) || stepWords.some((s) => s === w || s === `${w}s` || w === `${s}s`));
  const subject = DETERMINER.test(before) ? nounWords(before.replace(DETERMINER, '')) : [];
  const things = subject.filter((w) => !OF_THE_VALUE.test(w));
  if (things.length > 0 && !known(things)) return before;
  if (!ends) return undefined;
  // « la gare est à 3 km de chez nous », "the venue is 2 km from the station": the distance between two other
  // things; « à 65 km de Bruxelles », "320 km from our office" measure from us or name the place.
  const after =
    /^[\d\s.,]*(?:km|kilometres?|kilometers?|m|miles?)?\s+(?:de|d'|du|des|depuis|from)\s*(.*)$/.exec(
      typed.slice(value.index),
    )?.[1];
  const from = after !== undefined && DETERMINER.test(after) ? nounWords(after.replace(DETERMINER, '')) : [];
  if (from.length > 0 && !known(from) && !/\bchez\b/.test(after ?? '')) return after;
  // Said of the venue but measured from something else than us: "the venue is 2 km from the station".
  if (things.length > 0 && from.length > 0 && !known(from)) return before;
  return undefined;
}
