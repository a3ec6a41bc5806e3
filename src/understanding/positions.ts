/**
 * Options named by their place in the list: `2`, « la 2 », « le premier », "the second one", "option 3", and
 * spans (« 1 à 3 », « les 3 premiers », "the first three"), in French and English.
 */
import { normalize } from '../core/text.ts';

const ORDINALS: Record<string, number> = {
  premier: 1,
  premiere: 1,
  '1er': 1,
  '1ere': 1,
  first: 1,
  '1st': 1,
  deuxieme: 2,
  second: 2,
  seconde: 2,
  '2e': 2,
  '2eme': 2,
  '2nd': 2,
  troisieme: 3,
  third: 3,
  '3e': 3,
  '3eme': 3,
  '3rd': 3,
  quatrieme: 4,
  fourth: 4,
  '4e': 4,
  '4th': 4,
  cinquieme: 5,
  fifth: 5,
  '5e': 5,
  '5th': 5,
  sixieme: 6,
  sixth: 6,
  septieme: 7,
  seventh: 7,
  huitieme: 8,
  eighth: 8,
  neuvieme: 9,
  ninth: 9,
  // "option three", "number two": a number word after a word naming the options (« deux » alone is « les deux »).
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
};
// « peut-être 2 », "maybe the second one", « plutôt la 2 »: the position with a hedge before it (the step asks
// back a doubted answer, `doubtsItsValue`).
const BY_POSITION = new RegExp(
  `^(?:(?:peut-etre|peut etre|maybe|perhaps|probably|probablement|plutot|rather|sans doute)[\\s,]+)?(?:(?:la|le|l'|les|the|option|choix|choice|number|numero|n°|no|#|reponse|answer|theme|themes)\\s*)*(\\d{1,2}|${Object.keys(ORDINALS).join('|')}|dernier|derniere|last)(?:\\s*(?:one|option|choix|choice|reponse|answer))?[.)]?$`,
);

/** Words around a position or « les deux » that change nothing (« number 5 only », "both fields please"). */
export const POLITE =
  /\b(?:only|seulement|uniquement|just|juste|please|svp|stp|merci|thanks|s'il (?:vous|te) plait)\b/g;

/** The position a piece names (`2`, `la 2`, `le premier`, `the second one`, `option 3`), 1-based; `last` = -1. */
export function positionIn(piece: string): number | undefined {
  const typed = normalize(piece).replace(POLITE, ' ').replace(/\s+/g, ' ').trim();
  const word = BY_POSITION.exec(typed.replace(/[.!]+$/, ''))?.[1];
  if (word === undefined) return undefined;
  if (/^\d+$/.test(word)) return Number(word);
  return ORDINALS[word] ?? -1;
}

/** « 1 à 3 », « de 2 à 4 », "1-3", « les 3 premiers », "the first three": the positions, 1-based. */
export function positionsIn(text: string, count: number): number[] | undefined {
  const typed = normalize(text)
    .replace(POLITE, ' ')
    .replace(/\s+/g, ' ')
    .replace(/[.!]+$/, '')
    .trim();
  const span =
    /^(?:(?:les |the )?(?:themes |options )?(?:de |from )?)(\d{1,2})\s*(?:a|-|–|to|au)\s*(\d{1,2})$/.exec(
      typed,
    );
  const first =
    /^(?:les |the )?(?:(\d{1,2}|deux|trois|quatre|cinq|two|three|four|five) premi(?:ers|eres)|first (\d{1,2}|two|three|four|five))$/.exec(
      typed,
    );
  const words: Record<string, number> = {
    deux: 2,
    two: 2,
    trois: 3,
    three: 3,
    quatre: 4,
    four: 4,
    cinq: 5,
    five: 5,
  };
  const [from, to] = span
    ? [Number(span[1]), Number(span[2])]
    : first
      ? [1, Number(first[1] ?? first[2]) || (words[first[1] ?? first[2] ?? ''] ?? 0)]
      : [0, 0];
  if (from < 1 || to <= from || to > count) return undefined;
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
