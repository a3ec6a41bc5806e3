/** Words of a sentence as the understanding layer compares them: no accents, no small words, light typos forgiven. */
import { distance } from 'fastest-levenshtein';
import { isCommonWord } from '../core/common-words.ts';
import { normalize } from '../core/text.ts';

/** Words that carry no meaning for matching an answer (articles, "c'est", "nous sommes", fillers). */
const SMALL_WORDS = new Set(
  (
    'le la les l un une des du de d au aux a en et ou c est s sont ce cette cet nous sommes on je suis j ' +
    'notre nos votre vos mon ma mes sa son ses pour avec par sur dans plutot surtout peu aussi tres bien ' +
    'principalement essentiellement surtout alors euh bah ben donc qui que y il elle ils elles ' +
    'the an of and or for with we re are is it s our my their to in on at by mostly mainly mainly also ' +
    'some bit very i m am be will would like ' +
    // « en visio uniquement », "online only": how much, not what (« uniquement » names no option).
    'uniquement seulement exclusivement only exclusively solely purement purely'
  ).split(' '),
);

/** Ordinals written in figures, as their words: « notre 1ère participation » is « notre première participation ». */
const ORDINALS: Record<string, string> = {
  '1ere': 'premiere',
  '1re': 'premiere',
  '1er': 'premier',
  '1st': 'first',
  '2e': 'deuxieme',
  '2eme': 'deuxieme',
  '2nd': 'second',
};

/**
 * The meaningful words of a text, in order (accents dropped, elisions split: `l'inclusion` → `inclusion`;
 * ordinals in figures written out).
 */
export function contentWords(text: string): string[] {
  return normalize(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '' && !SMALL_WORDS.has(w))
    .map((w) => ORDINALS[w] ?? w);
}

/** Words that may stand beside a quantity said alone (« on attend environ 200 personnes », "it's 180"). */
export const AROUND_A_QUANTITY = new Set(
  (
    'ca fait sera seront serons serait attend attendons attendu attendus prevoit prevoyons prevu prevus compte ' +
    'comptons environ approximativement peu pres presque autour quelque chose comme plus moins moins max ' +
    'maximum maxi minimum mini total tout tous finalement fait exactement pile voila disons dire ' +
    'about around approximately approx roughly nearly almost maybe least most max total expect expecting ' +
    'expected there ll all say exactly just only sorry meant mean make'
  ).split(' '),
);

/** Words of what is counted, beside a number (« 120 personnes », "300 seats"): they name no option. */
const COUNTED = new Set(
  (
    'personnes participants participantes inscrits inscrites invites visiteurs spectateurs places sieges ' +
    'euros kilometres people persons attendees visitors guests seats kilometers miles'
  ).split(' '),
);

/**
 * A word of its own — a common word of either language, a hedge or a word beside a quantity, a word of what is
 * counted — is never a typo of another word: « environ » is no « environnement », « commune » no « communs ».
 */
export function isWordOfItsOwn(word: string): boolean {
  return isCommonWord(word) || AROUND_A_QUANTITY.has(word) || COUNTED.has(word);
}

/**
 * How a typed word matches a word of a name: exactly, nearly (a typo, a plural, a shared stem), or not. A word
 * of its own (`isWordOfItsOwn`) is taken as written: only its plural or a shared stem may still meet the name.
 */
export function wordMatch(typed: string, known: string): 'exact' | 'near' | undefined {
  if (typed === known) return 'exact';
  // A plural of a short word (« lieux », « lieu »; "rooms", "room").
  if (typed.length >= 4 && typed.replace(/[sx]$/, '') === known.replace(/[sx]$/, '')) return 'near';
  const shorter = Math.min(typed.length, known.length);
  if (shorter < 5) return undefined;
  const typo = !isWordOfItsOwn(typed);
  if (typo && distance(typed, known) <= (shorter >= 8 ? 2 : 1)) return 'near';
  // A distinctive start typed for the whole word (`accessib`); not a short word of its own (« média » is no
  // « médiation », « accès » no « accessibilité »).
  // Nor a word of its own ("access" is no "accessibility"): seven letters at least.
  if (typo && typed.length >= 7 && known.startsWith(typed)) return 'near';
  let common = 0;
  while (common < shorter && typed[common] === known[common]) common++;
  // A shared stem (`inclusion` / `inclusif`), not a short word inside a long one (`access` / `accessibility`).
  return common >= 6 && common >= Math.max(typed.length, known.length) - 3 ? 'near' : undefined;
}
