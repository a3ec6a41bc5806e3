/**
 * French/English term normalisation for FAQ search: accents folded, function and question words dropped,
 * synonyms across the two languages folded, and the Snowball stemmers of both languages so inflections meet
 * (« organisez » / « organiser », "applying" / "apply", « financées » / « financé »).
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as french } from '@orama/stemmers/french';
import { parse } from 'yaml';
import { z } from 'zod';
import { isCommonWord } from '../core/common-words.ts';
import { normalize } from '../core/text.ts';

/**
 * Whether a (folded) word is one of the languages' common words. Such lists hold content words too (« premier »,
 * "date", "free"), so the search drops one only when the knowledge base does not use it.
 */
export function isFiller(word: string): boolean {
  return isCommonWord(word);
}

// Words the common-word lists hold that still say what a question is about (« il fait beau »): a question made
// of them and a topic's mention is not about the topic.
const CONTENT_WORDS = new Set(
  'beau belle beaux bon bonne bons bonnes mauvais nouveau nouvelle nouveaux premier premiere dernier derniere'.split(
    ' ',
  ),
);

/** Whether a common word (`isFiller`) still carries meaning. */
export function isContentWord(word: string): boolean {
  return CONTENT_WORDS.has(word);
}

// Question words and function words carry no topic; dropping them keeps "what is X?" about X.
const STOP_WORDS = new Set(
  // French
  (
    'a au aux avec ce ces cet cette c ca d de des du dans donc elle en est et etre eu il ils j je l la le les leur ' +
    'leurs lui m ma mais me mes moi mon n ne nos notre nous on ou par pas pour qu que quel quelle quelles quels qui quoi ' +
    'sa se ses si son sont sur t ta te tes toi ton tu un une vos votre vous y est-ce estce ' +
    'ou-est peut peux puis-je puisje faut il-faut dois doit doivent avoir ai as a ont fait faire sais savoir ' +
    'voudrais veux aimerais svp stp merci bonjour salut hello ok alors aussi tout tous toute toutes tres bien ya ' +
    'va vais vas ' +
    'c-est cest s sil quoi-faire existe-t-il y-a-t-il t-il ils-elles est-il est-elle dire dites ' +
    // fragments left by the apostrophe and hyphen split (« jusqu'à », « lorsqu'on », "e-mail") and slang for "what is it"
    'jusqu lorsqu puisqu quoiqu presqu e kesako ' +
    // question words: what a question asks for is read separately (asks.ts), not as a topic word
    'question questions petite ' +
    'comment quand combien etait etaient sera seront ete exactement exactly vraiment really precisement ' +
    // discourse words: how a question is said, not what it is about
    'concretement juste truc trucs deja already nutshell bref liste list lol mdr ptdr haha gist briefly resume summary ' +
    // what a pasted link says around it (« cliquez ici », "click here")
    'ici cliquez cliquer clique click clicking ' +
    // English
    'the an and or is are was were be been am i me my mine you your yours we our us he she it its they them their ' +
    'what which whom whose do does did doing done can could would should will shall may might ' +
    'must to of in on at by for with from about into as this that these those there here any some please thanks ' +
    'thank hi hey tell know want need get got have has had s t don doesn isn aren so if than then just also very ' +
    'much many not no yes one ok okay how when where whats up'
  ).split(' '),
);

// People name one concept with different words, and the two languages' words do not share a stem: each group of
// synonyms.yaml folds to its first word, on both the index and the question side, so « financement » meets
// "funding". Groups are looked up by stem, so a group need not list a word's inflections.
const SYNONYM_FILE = z.strictObject({ groups: z.array(z.array(z.string().min(1)).min(2)) });
const SYNONYMS = (() => {
  const file = join(import.meta.dirname, 'synonyms.yaml');
  const { groups } = SYNONYM_FILE.parse(parse(readFileSync(file, 'utf8')));
  const byWord = new Map<string, string>();
  const byStem = new Map<string, string>();
  for (const [canonical = '', ...others] of groups) {
    const target = stem(normalize(canonical));
    for (const word of others.map(normalize)) {
      const from = stem(word);
      const taken = byStem.get(from);
      if (taken !== undefined && taken !== target)
        throw new Error(`${file}: « ${word} » is in two groups (${taken}, ${target})`);
      byWord.set(word, target);
      if (from !== target) byStem.set(from, target);
    }
  }
  // The word as listed, else its stem (the stemmers do not always give a word's inflections one stem).
  return { get: (folded: string, stemmed: string) => byWord.get(folded) ?? byStem.get(stemmed) };
})();

/** Folds a raw word to its search form, or `null` when it is a function word (dropped). */
export function searchTerm(word: string): string | null {
  const folded = normalize(word);
  if (folded === '' || STOP_WORDS.has(folded)) return null;
  if (/^\d/.test(folded)) return folded;
  const stemmed = stem(folded);
  return SYNONYMS.get(folded, stemmed) ?? stemmed;
}

// An e-mail or web address is not words people type about a subject, and split up it would put « com » or
// « gouv » in the index, where « comment » or « gouvernance » could meet them.
export const ADDRESSES =
  /[\w.+-]+@[\w-]+(\.[\w-]+)+|https?:\/\/\S+|\b[\w-]+(\.[\w-]+)*\.(fr|com|net|org|eu)\b\/?\S*/giu;

// The chat spellings of question words (« c koi », « kan », "u") and the clipped words of speech (« gratos »,
// « matos », « visio »): read as the words they stand for, so that the asks, the function words and the subject
// are recognised. None of them is a word of the sources.
const CHAT_SPELLINGS = new Map(
  (
    'koi:quoi kwa:quoi kel:quel kelle:quelle kels:quels kelles:quelles kan:quand qd:quand ki:qui ke:que ' +
    'pk:pourquoi pq:pourquoi cb:combien cmb:combien cmt:comment cest:c_est kesk:qu_est_ce_que keske:qu_est_ce_que ' +
    'u:you r:are ur:your pls:please plz:please wen:when whn:when wher:where hw:how mch:much wat:what wut:what ' +
    'gratos:gratuit matos:materiel sceno:scenographie ' +
    'visio:visioconference dispo:disponible infos:informations info:information'
  )
    .split(' ')
    .map((pair) => {
      const [typed = '', meant = ''] = pair.split(':');
      return [typed, meant.split('_')] as const;
    }),
);

/** Splits a text into words the way the index does (apostrophes and hyphens split: « l'appel », "e-mail"). */
export function words(text: string): string[] {
  return normalize(text.replace(ADDRESSES, ' '))
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .flatMap((word) => CHAT_SPELLINGS.get(word) ?? [word]);
}

/** The search terms of a text, in order (duplicates kept, as BM25 counts them). */
export function searchTerms(text: string): string[] {
  return words(text)
    .map(searchTerm)
    .filter((term): term is string => term !== null);
}

/**
 * The Snowball stemmers of both languages, one after the other, on the folded word: people type French
 * without accents, so both sides are folded first and meet whatever the stemmers make of them; a word of
 * either language goes through both, so the question's language need not be known word by word.
 */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  return english(french(word));
}

// How a question says « in a few words » (« en deux mots », "in two lines"): how to answer, not what about.
const IN_FEW_WORDS = [
  ['en', 'deux', 'mots'],
  ['en', 'quelques', 'mots'],
  ['en', 'une', 'phrase'],
  ['in', 'two', 'lines'],
  ['in', 'a', 'few', 'words'],
  ['in', 'one', 'sentence'],
  ['in', 'short'],
];

/** The question's words without the phrases saying it is to be answered in a few words. */
export function withoutFewWords(typed: string[]): string[] {
  const kept = [...typed];
  for (let i = 0; i < kept.length; i++)
    for (const phrase of IN_FEW_WORDS)
      if (phrase.every((w, k) => kept[i + k] === w)) kept.splice(i, phrase.length);
  return kept;
}
