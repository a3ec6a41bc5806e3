/**
 * What a fact is asked *of* (« combien de *collectivités* », "the *Forum's* opening hours", « dans quel
 * *cinéma* ? »): the positions of those words in a question, for asks.ts. An entry holding the kind of fact asked
 * answers only if it speaks of them too.
 */
import { ASKS, CUES, OBJECT_SKIP } from './ask-cues.ts';
import { searchTerm } from './terms.ts';

const CUE_PHRASES = ASKS.flatMap((ask) => CUES[ask].map((phrase) => phrase.split(' ')));
/** Every word of a cue phrase: such a word says what is asked, not what of. */
export const KNOWN_CUE_WORDS = new Set(CUE_PHRASES.flat());
// Cues of one word (« max », "fee"): skipped on the way to an object (« le montant *max* de la subvention »).
const ONE_WORD_CUES = new Set(CUE_PHRASES.filter((phrase) => phrase.length === 1).map(([word]) => word));
// What links an object to its complement, and the articles that may follow.
const COMPLEMENT_LINKS = new Set(['de', 'du', 'des', 'd', 'au', 'aux', 'a', 'pour', 'of', 'for']);
const ARTICLES = new Set([
  'la',
  'le',
  'l',
  'les',
  'un',
  'une',
  'the',
  'a',
  'an',
  'my',
  'our',
  'mon',
  'ma',
  'mes',
  'notre',
  'nos',
]);
// Words asking for one thing of a kind (« quel cinéma ? »), and the kinds said before the thing (« quel genre de »).
const WHICH = new Set(['quel', 'quelle', 'quels', 'quelles', 'which']);
const KINDS = new Set(['genre', 'type', 'types', 'sorte', 'kind', 'kinds', 'sort']);
// Nouns that only say how a thing is asked (« à quelle occasion » is when, « de quelle façon » how): no object.
const ASKING_NOUNS = new Set(
  'occasion facon maniere raison moment epoque mesure way reason extent point manner'.split(' '),
);
// What stands for no thing in particular (« quelque chose », "anything").
const UNNAMED = new Set(['anything', 'something', 'quelque', 'rien', 'nothing']);

/**
 * The positions of the things a question asks one of (« quel *cinéma* », "which *commissioner*", « quel genre
 * d'*organisme* »): the word of substance right after « quel » / "which" / "what", when no cue phrase holds it.
 */
export function whichObjects(words: string[], inCue: Set<number>): number[] {
  return words.flatMap((w, i) => {
    if (!WHICH.has(w) || inCue.has(i)) return [];
    let at = i + 1;
    if (KINDS.has(words[at] ?? '') && ['de', 'd', 'of'].includes(words[at + 1] ?? '')) at += 2;
    const word = words[at] ?? '';
    const meant =
      !inCue.has(at) && !KNOWN_CUE_WORDS.has(word) && !ASKING_NOUNS.has(word) && searchTerm(word) !== null;
    return meant ? [at] : [];
  });
}

/**
 * The position of the word completing an object (« l'aide *au déplacement* », « les frais *de transport* »,
 * "the cost *of travel*"): after a preposition and an article, a word of substance that is no cue.
 */
export function complementOf(words: string[], object: number): number | undefined {
  let at = object + 1;
  if (!COMPLEMENT_LINKS.has(words[at] ?? '')) return undefined;
  at++;
  while (ARTICLES.has(words[at] ?? '')) at++;
  const word = words[at] ?? '';
  return searchTerm(word) !== null && !KNOWN_CUE_WORDS.has(word) ? at : undefined;
}

/**
 * The position of the word an English cue is said of, right before it ("registration fee", "the Forum's
 * opening hours"), if it is a word of substance and no other cue.
 */
export function qualifierBefore(words: string[], at: number): number | undefined {
  let before = at - 1;
  if (words[before] === 's') before--;
  const word = words[before] ?? '';
  if (before < 0 || KNOWN_CUE_WORDS.has(word) || searchTerm(word) === null) return undefined;
  return before;
}

/**
 * The position of the word a fact is asked of, right after its cue and a few small words, if any. `counting`:
 * the cue counts something (« combien d'*étapes* », "how many *stages*"), and the next word is what is counted,
 * even when it is itself a cue word.
 */
export function objectAfter(words: string[], from: number, counting = false): number | undefined {
  let at = from;
  // Another cue on the way (« le montant *max* de la subvention ») is skipped too.
  const skipped = (w: string) => OBJECT_SKIP.has(w) || (!counting && ONE_WORD_CUES.has(w));
  while (at < words.length && skipped(words[at] ?? '')) at++;
  // A noun right after another cue is of its compound ("who's the contact *person*?"), no object.
  if (at > from && !OBJECT_SKIP.has(words[at - 1] ?? '')) return undefined;
  // « ça coûte quelque chose ? », "does it cost anything": a price of nothing named.
  if (UNNAMED.has(words[at] ?? '')) return undefined;
  // "who is the Social Good Accelerator's *treasurer*": what is asked is what follows the possessive.
  const possessive = words.slice(at + 1, at + 5).indexOf('s');
  const owned = possessive < 0 ? -1 : at + possessive + 2;
  // (« s'appelle » is no possessive: its verb is a cue.)
  const ownedWord = words[owned] ?? '';
  if (owned > 0 && searchTerm(ownedWord) !== null && !KNOWN_CUE_WORDS.has(ownedWord)) return owned;
  return at < words.length && searchTerm(words[at] ?? '') !== null ? at : undefined;
}

/**
 * An English noun phrase ends on its noun ("who directed the LOL free software *documentary*", "the SOGA
 * *treasurer*"): after an article, the last noun of the run of words that follows the cue — what the fact is
 * asked of, besides its first word (`objectAfter`), when they differ.
 */
export function phraseNoun(words: string[], from: number): number | undefined {
  let at = from;
  while (at < words.length && OBJECT_SKIP.has(words[at] ?? '')) at++;
  if (!words.slice(Math.max(0, from - 1), at).some((w) => ENGLISH_ARTICLES.has(w))) return undefined;
  let end = at;
  while (end + 1 < words.length && inPhrase(words[end + 1] ?? '')) end++;
  // (A noun right after a cue is of the cue's compound: "the contact *person*", "the phone *number*".)
  for (let last = end; last > at; last--)
    if (isNoun(words[last] ?? '')) return KNOWN_CUE_WORDS.has(words[last - 1] ?? '') ? undefined : last;
  return undefined;
}

const ENGLISH_ARTICLES = new Set(['the', 'a', 'an']);
// Words a noun phrase stops at: a preposition or an article begins another, a verb follows it.
const PHRASE_ENDS = new Set(
  'of for per to in on at by with from about and or s is are was were does do did has have will can'.split(
    ' ',
  ),
);
const inPhrase = (w: string): boolean => !PHRASE_ENDS.has(w) && !OBJECT_SKIP.has(w) && !/(ed|ing)$/.test(w);
/** A noun the phrase may end on: a content word saying no kind of fact. */
const isNoun = (w: string): boolean => searchTerm(w) !== null && !KNOWN_CUE_WORDS.has(w);
