/**
 * A value said under a condition (« si on a la fibre d'ici là, hybride », "yes if the council votes it through",
 * « 5 000 € à condition d'avoir le label »): it is not the answer yet, whatever value it holds, so the step asks
 * back (or offers to come back later) rather than storing it. Read by the form of the clause — a conditional
 * conjunction that opens a clause with its subject — not by the values around it: the politeness that borrows the
 * same words (« s'il vous plaît », « si possible », "if that helps", "if that works for you") puts no condition.
 */
import { normalize } from '../core/text.ts';

/**
 * Conjunctions that make what follows a condition. French « si » only before a subject or an article (« si on »,
 * « si la mairie », « s'il ») — « si » alone is also the yes to a negative question (« si, ils nous soutiennent »)
 * and « aussi », « si peu » are no conditions; English "if" except "even if", "as if" and "what if" (a question,
 * read as one elsewhere).
 */
const CONDITION =
  /(?:^|[\s,;(])(?:(?<!\bmeme\s)(?:si|sauf si)\s+(?:on|nous|je|j'|vous|tu|ils?|elles?|la|le|les|l'|un|une|des|ca|cela|c'|notre|nos|votre|vos|leur|leurs|tout|toutes?|tous|jamais)\b|s'ils?\b|a condition\s+(?:que|qu'|d'|de)|pourvu qu|sous reserve\b|en fonction d|selon qu|(?<!\b(?:even|as|what)\s)if\b|unless\b|provided (?:that\b)?|providing\b|as long as\b|so long as\b|depending on\b|subject to\b|on condition)/;

/** Politeness in the form of a condition: no condition on the value. */
const POLITE =
  /\bs'il (?:vous|te) pla[iî]t\b|\bsi (?:possible|besoin|necessaire|jamais ca (?:aide|sert))\b|\bsi (?:ca|cela) (?:peut|vous) (?:aider|aide|sert|servir|interesse|convient|va)\b|\bsi (?:vous|tu) (?:voulez|veux|preferez|le souhaitez)\b|\bif (?:that|this|it) (?:helps|works|matters|makes sense|is ok(?:ay)?|counts|suits)\b|\bif (?:needed|necessary|possible|so|not|any|anything|you (?:like|want|prefer|need|ask me|will))\b|\bif i (?:may|can|remember (?:well|right|correctly)|recall)\b/g;

/** Whether the message puts a condition on what it says (politeness left aside). */
export function putsACondition(text: string): boolean {
  return CONDITION.test(normalize(text).replace(POLITE, ' '));
}
