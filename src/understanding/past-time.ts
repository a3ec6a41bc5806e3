/**
 * What a sentence says of a past time — « l'an dernier c'était en ligne », "last year we had 60", « la mairie
 * nous avait dit non l'an dernier » — is not the answer for the event being prepared: the words that date it
 * (« l'an dernier », "last time", « la précédente édition ») mark the clause, and a message whose every clause is
 * so marked gives no answer, however clear its value.
 */
import { normalize } from '../core/text.ts';

/** A time gone, as the words that date a fact say it. */
const PAST_TIME =
  /\b(?:l'an (?:dernier|passe)|l'annee (?:derniere|passee)|la derniere fois|(?:la |a la |lors de la )?(?:derniere|precedente) edition|l'edition (?:precedente|passee|derniere)|last (?:year|time|edition)|previous (?:year|time|edition)|the year before|a year ago|il y a (?:un|deux|\d+) ans?)\b/;

/** Where a message's clauses part: punctuation, « mais », "but". */
const CLAUSE_BREAK = /[,;.!?]|\b(?:mais|but)\b/g;

/** Whether a clause (normalised or not) is dated in the past. */
export function isDatedInThePast(clause: string): boolean {
  return PAST_TIME.test(normalize(clause));
}

/** The clause of `text` that holds the span [start, end): up to the punctuation or « mais », "but" around it. */
export function clauseAround(text: string, start: number, end: number): string {
  let from = 0;
  let to = text.length;
  for (const b of text.matchAll(CLAUSE_BREAK)) {
    if (b.index + b[0].length <= start) from = b.index + b[0].length;
    else if (b.index >= end) {
      to = b.index;
      break;
    }
  }
  return text.slice(from, to);
}

/** Whether every clause of a message that says something is dated in the past. */
export function speaksOfThePastOnly(text: string): boolean {
  const clauses = normalize(text)
    .split(CLAUSE_BREAK)
    .filter((c) => /\p{L}{3,}|\d/u.test(c));
  return clauses.length > 0 && clauses.every(isDatedInThePast);
}
