/**
 * What a sentence says is not meant: « en présentiel, pas de diffusion en ligne », « 14 000 et pas 12 000 »,
 * "Paris, not Brussels", « sans retransmission », « 100 % en ligne et non hybride », « la date n'est plus le
 * 23 mars », « tout sauf la cybersécurité ». The readers of choices, numbers and dates look past it, so that the value said is the one kept.
 * « pas plus de 200 », « pas loin de 160 », "no more than", « non seulement », « sans oublier » are not
 * negations of a value; a « non » that opens the message is an answer or a correction, read elsewhere.
 */

import { normalize } from '../core/text.ts';

const NEGATION =
  /(?<=^|[\s,;:(])(?:(?:pas|not|sans|without|sauf|except|hormis|excepte|[àa]\s+part|other\s+than|but\s+not|instead\s+of|au\s+lieu\s+d(?:e|u|es|['’])|plut[oô]t\s+que|rather\s+than|no\s+longer|n['’](?:est|[ée]tait|sera)\s+(?:plus|pas)|ne\s+(?:sont|seront|sera)\s+(?:plus|pas)|(?:is|was)\s+not|isn['’]t|wasn['’]t)|(?<=\S[\s,;:(]+)(?:non|no))\s+(?!(?:doute|doubt|plus|moins|loin|au[\s-]+del[aà]|encore|seulement|oublier|compter|more|less|fewer|over|under|beyond|far|later|yet|only|forgetting)\b)[^,;.!?()]*?(?=$|[,;.!?()]|\s(?:mais|but|et|and|ou|or|&|\+)\s)/giu;

/** The text with what it says is not meant blanked out (same length: positions and the rest stay as typed). */
export function withoutNegated(text: string): string {
  return text.replace(NEGATION, (negated) => ' '.repeat(negated.length));
}

/** What a text says is not meant, alone (« tout sauf la cybersécurité » → « sauf la cybersécurité »). */
export function negatedIn(text: string): string {
  return [...text.matchAll(NEGATION)].map((m) => m[0]).join(' , ');
}

/**
 * A sentence whose subject is nobody of the person's side — "none of us has been to NEC ESS before", « aucun de
 * nous n'est jamais venu », "nobody from our team came" — says the opposite of its clause: the clause after the
 * subject, and whether it carries a negation of its own (French says « aucun… n'est jamais venu » where English
 * says "none… has ever been": the clause's own « jamais » is then the subject's negation, not a second one).
 */
const NOBODY =
  /^(?:(?:euh+|hmm+|well|alors|bon|ben|so)[\s,]+)?(?:none of us|none of them|nobody|no one|no-one|aucune? (?:de nous|d'entre nous|de notre \S+|de nos \S+)|personne (?:de chez nous|chez nous|de notre \S+|d'entre nous|de nous)|personne(?= n'))(?:\s+(?:from|in|at|of)\s+(?:our|my|the)\s+\S+)?\s+(?<clause>.+)$/;
const OWN_NEGATION = /\b(?:jamais|never|pas|not|plus)\b|\bn'|\bne\b/;

export function saidOfNobody(text: string): { clause: string; negated: boolean } | undefined {
  const clause = NOBODY.exec(normalize(text))?.groups?.clause;
  return clause === undefined ? undefined : { clause, negated: OWN_NEGATION.test(clause) };
}
