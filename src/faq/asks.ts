/**
 * What a question asks for: a date, a place, an amount, a contact… An entry answers a question only if it holds
 * that kind of fact, so "SOGA's e-mail?" is not answered with the SOGA card, and "the 2026 dates" not with 2025's.
 * Entries list the asks they answer in their YAML (`answers:`); questions are read here, from cue words.
 */
import { searchTerm } from './terms.ts';
import { withinOneTypo } from './typos.ts';

/** The kinds of fact a question can ask for. A question with none of them is matched on its subject alone. */
export const ASKS = [
  'date',
  'next',
  'deadline',
  'place',
  'address',
  'amount',
  'contact',
  'email',
  'phone',
  'who-may',
  'how',
  'figures',
  'winners',
] as const;
export type Ask = (typeof ASKS)[number];

/** What one question asks for. */
export interface Asked {
  asks: Set<Ask>;
  /** Years the question names (« en 2026 »): an entry that does not hold the year does not answer it. */
  years: string[];
  /** The question's words that said what is asked (« date », "email"): they are not its subject. */
  cueWords: string[];
  /**
   * Positions of the words the asked-for fact is of (« combien de *collectivités* », "phone number of the
   * *SCAC*"): an entry holding that kind of fact answers only if it speaks of them too.
   */
  objects: number[];
  /** The question asks what something is (« c'est quoi », "what is"): the thing, not a fact of it. */
  defines: boolean;
}

// Cue phrases, on folded words (no accents, lower case). A word ending in `*` is a prefix. Each phrase must be
// specific: a cue read where it is not meant turns an answerable question into a "the sources don't say".
const CUES: Record<Ask, string[]> = {
  date: [
    'quand',
    'when',
    'date',
    'dates',
    'quel jour',
    'quels jours',
    'which day',
    'which days',
    'what day',
    'what time',
    'calendrier',
    'calendar',
    'schedule',
    'en quelle annee',
    'what year',
    'which year',
    'depuis quand',
    'since when',
    'a quelle date',
    'what date',
    'quel mois',
    'which month',
    'what month',
  ],
  // The next occurrence: sources written in the past rarely hold it, and a past date does not answer it.
  next: [
    'prochain',
    'prochaine',
    'prochains',
    'prochaines',
    'a venir',
    'next',
    'upcoming',
    'coming up',
    'future',
    'nouvelle edition',
    'another edition',
    'autre edition',
    'edition suivante',
    'following edition',
    'future edition',
    'futures editions',
    'will there be another',
    'y aura t il une autre',
    'y aura t il un autre',
  ],
  deadline: [
    'date limite',
    'dates limites',
    'deadline',
    'deadlines',
    'jusqu a quand',
    'avant quand',
    'cloture',
    'closing',
    'close',
    'closes',
    'ferme',
    'fermeture',
    'delai',
    'delais',
    'dernier delai',
    'au plus tard',
    'at the latest',
    'last day',
    'encore ouvert',
    'encore ouverte',
    'still open',
    'how long before',
    'combien de temps avant',
    'combien de mois avant',
    'how many months before',
    'valable jusqu',
    'valid until',
    'too late',
    'trop tard',
    'date butoir',
    'echeance',
    'until when',
    'by when',
    'still time',
    'encore temps',
    'closing date',
    'expire',
    'expires',
  ],
  place: [
    'where',
    'quel lieu',
    'quels lieux',
    'which venue',
    'what venue',
    'quelle ville',
    'quelles villes',
    'which city',
    'which cities',
    'what location',
    'quel endroit',
    'c est a',
    'se deroule',
    'take place',
    'takes place',
    'quel pays',
    'which country',
    'what country',
    'in which city',
    'what city',
    'what place',
  ],
  address: [
    'adresse',
    'address',
    'rue',
    'street',
    'code postal',
    'postcode',
    'postal code',
    'zip code',
    'adresse postale',
    'siege social',
    'headquarters',
  ],
  amount: [
    'prix',
    'price',
    'prices',
    'cout',
    'couts',
    'coute',
    'coutent',
    'cost',
    'costs',
    'tarif',
    'tarifs',
    'fee',
    'fees',
    'payant',
    'payante',
    'gratuit',
    'gratuite',
    'free of charge',
    'for free',
    'is it free',
    'montant',
    'montants',
    'amount',
    'euros',
    'euro',
    'how much',
    'combien coute',
    'combien ca coute',
    'combien d argent',
    'combien finance',
    'combien donne',
    'combien rembourse',
    'combien touche',
    'cotisation',
    'membership fee',
    'plafond',
    'cap',
    'max',
    'maximum',
    'pourcentage',
    'percentage',
    'ceiling',
    'plafonne',
    'plafonnee',
    'upper limit',
    'percent',
    'payer',
    'pay',
    'paying',
    'c est combien',
    'ca coute combien',
    'ca fait combien',
  ],
  contact: [
    'contact',
    'contacts',
    'contacter',
    'contacte',
    'je contacte',
    'joindre',
    'interlocuteur',
    'referent',
    'referente',
    'ecrire a',
    'a qui ecrire',
    'write to',
    'get in touch',
    'reach',
    'a qui m adresser',
    'a qui s adresser',
    'a qui demander',
    'who do i ask',
    'who should i ask',
    'who to ask',
    'personne a contacter',
  ],
  email: ['email', 'emails', 'e mail', 'mail', 'mails', 'courriel', 'adresse mail', 'adresse electronique'],
  phone: [
    'telephone',
    'tel',
    'phone',
    'numero de telephone',
    'phone number',
    'appeler',
    'portable',
    'telephoner',
    'telephonique',
  ],
  'who-may': [
    'qui peut',
    'qui peuvent',
    'qui a le droit',
    'ai je le droit',
    'j ai le droit',
    'a le droit',
    'who can',
    'who may',
    'who is eligible',
    'eligible',
    'eligibles',
    'eligibilite',
    'eligibility',
    'ouvert a',
    'ouverte a',
    'open to',
    'reserve a',
    'reserved for',
    'allowed to',
    'peut repondre',
    'peuvent repondre',
    'peut candidater',
    'peuvent candidater',
    'peut postuler',
    'can apply',
    'may apply',
    'can respond',
    'peut participer',
    'peuvent participer',
    'ouvert au public',
    'open to the public',
    'grand public',
    'can anyone attend',
    'pour qui',
    'who is it for',
    'a qui s adresse',
    'public cible',
    'target audience',
    'who can attend',
    'who can take part',
  ],
  how: [
    'comment faire',
    'comment je fais',
    'comment on fait',
    'comment s inscrire',
    'comment candidater',
    'comment postuler',
    'comment deposer',
    'comment demander',
    'comment obtenir',
    'comment devenir',
    'comment adherer',
    'comment rejoindre',
    'how to',
    'how do i',
    'how do we',
    'how can i',
    'how can we',
    'how should i',
    'procedure',
    'demarche',
    'demarches',
    'etapes',
    'steps',
    'marche a suivre',
    'comment ca marche',
    'ca marche comment',
    'marche comment',
    'fonctionne comment',
    'comment ca fonctionne',
    'how does it work',
    'how does that work',
    'formulaire',
    'form',
    'comment participer',
    'comment m inscrire',
    'comment on s inscrit',
    'comment proceder',
    'que dois je faire',
    'que faut il faire',
    'what do i need to do',
    'what do we need to do',
    'how does one',
  ],
  figures: [
    'how many',
    'combien de',
    'nombre de',
    'number of',
    'chiffres',
    'chiffres cles',
    'figures',
    'key figures',
    'statistiques',
    'stats',
    'how big',
    'how large',
    'sont combien',
    'etaient combien',
    'combien etaient',
  ],
  winners: [
    'laureat',
    'laureats',
    'laureate',
    'laureates',
    'winner',
    'winners',
    'gagnant',
    'gagnants',
    'who won',
    'won',
    'remporte',
    'qui a gagne',
    'qui a remporte',
    'palmares',
    'projets retenus',
    'selected projects',
    'award winners',
    'awarded',
    'recompensee',
    'recompensees',
    'recompenses',
    'labellisees',
    'labellises',
    'qui a obtenu',
    'who got',
    'who received',
    'qui a eu',
  ],
};

// « combien de temps / de mois avant » is a deadline, « combien d'argent » an amount: not figures.
const NOT_FIGURES = new Set(['temps', 'mois', 'argent', 'jours', 'semaines']);
// « adresse mail » is an e-mail, "e-mail address" too: not a street address.
const MAIL_WORDS = new Set(['mail', 'email', 'e', 'courriel', 'electronique', 'mails', 'emails']);
// « où déposer », "where do I sign up": where to act, not a place.
const ACTION_WORDS = [
  'depos*',
  'envo*',
  'submit*',
  'send*',
  'sign*',
  'inscri*',
  'register*',
  'lire',
  'lis',
  'read*',
  'find*',
  'trouv*',
  'telecharg*',
  'download*',
  'formulaire',
  'form',
  'apply*',
  'candidat*',
  'postul*',
  'demand*',
  'adress*',
];

// Cues of a fact asked *of* something (« le numéro de téléphone de X », "how many X", « le prix du X »).
const OF_WHAT = new Set([
  'how many',
  'combien de',
  'nombre de',
  'number of',
  'telephone',
  'tel',
  'phone',
  'phone number',
  'numero de telephone',
  'email',
  'mail',
  'e mail',
  'courriel',
  'adresse',
  'address',
  'prix',
  'price',
  'cout',
  'cost',
  'tarif',
  'fee',
  'montant',
  'amount',
]);
// Small words between a cue and its object.
const OBJECT_SKIP = new Set(
  'de du des d la le l les un une au aux a en pour of the a an for to s is are was were'.split(' '),
);

// Asking what something is.
const DEFINITIONS = [
  'c est quoi',
  'c quoi',
  'qu est ce que',
  'qu est ce qu',
  'ca veut dire quoi',
  'what is',
  'what s',
  'whats',
  'what are',
  'wat is',
  'explique',
  'explain',
].map((phrase) => phrase.split(' '));

interface Cue {
  ask: Ask;
  words: string[];
}

const PHRASES: Cue[] = ASKS.flatMap((ask) => CUES[ask].map((phrase) => ({ ask, words: phrase.split(' ') })));
// Phrases by first word: a question's word is looked up, not compared with every phrase.
const BY_FIRST_WORD = Map.groupBy(PHRASES, (cue) => cue.words[0] ?? '');
const CUE_WORDS = [...new Set(PHRASES.flatMap((cue) => cue.words))];
const KNOWN_CUE_WORDS = new Set(CUE_WORDS);
const ONE_WORD_CUES = new Set(PHRASES.filter((cue) => cue.words.length === 1).map((cue) => cue.words[0]));

/**
 * The cue word a question's word stands for: itself, or the cue word it is one typo off (« telephnoe »). Short
 * cue words (« tel », "fee", « où ») only as typed: one letter off, they are other words; and a word the
 * knowledge base uses is never a typo.
 */
function asCueWord(word: string, isWord: (word: string) => boolean): string {
  if (KNOWN_CUE_WORDS.has(word) || word.length < 4 || isWord(word)) return word;
  return (
    CUE_WORDS.find(
      (cue) => cue.length >= 5 && Math.abs(cue.length - word.length) <= 1 && withinOneTypo(word, cue),
    ) ?? word
  );
}

/** Reads what a question asks for, from its folded words (`words()` of terms.ts). */
export function readAsks(typed: string[], isWord: (word: string) => boolean = () => false): Asked {
  const words = typed.map((w) => asCueWord(w, isWord));
  const asks = new Set<Ask>();
  const cueWords = new Set<string>();
  const objects = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    for (const cue of BY_FIRST_WORD.get(words[i] ?? '') ?? []) {
      if (!matchesAt(words, i, cue.words)) continue;
      // « c'est combien de mois avant ? » counts something: the « combien de » cue says what.
      const counts =
        cue.words.at(-1) === 'combien' && ['de', 'd'].includes(words[i + cue.words.length] ?? '');
      if (counts) continue;
      const ask = cueAsk(cue, words, i);
      asks.add(ask);
      for (const w of typed.slice(i, i + cue.words.length)) cueWords.add(w);
      const object = OF_WHAT.has(cue.words.join(' ')) ? objectAfter(words, i + cue.words.length) : undefined;
      if (object !== undefined) objects.add(object);
    }
    // « ou » is "or" as often as "where": it asks for a place only at the start, after « c'est », or last
    // (but for function words: « ça se passe où exactement ? »).
    const last = words.slice(i + 1).every((w) => searchTerm(w) === null);
    const asksWhere = i === 0 || words[i - 1] === 'est' || last;
    if (words[i] === 'ou' && asksWhere) asks.add(actsNext(words, i) ? 'how' : 'place');
  }
  const years = words.filter((w) => /^(19|20)\d\d$/.test(w));
  const defines = words.some((_, i) => DEFINITIONS.some((phrase) => matchesAt(words, i, phrase)));
  return { asks: refine(asks), years, cueWords: [...cueWords], objects: [...objects], defines };
}

/** The position of the word a fact is asked of, right after its cue and a few small words, if any. */
function objectAfter(words: string[], from: number): number | undefined {
  let at = from;
  // Another cue on the way (« le montant *max* de la subvention ») is skipped too.
  while (at < words.length && (OBJECT_SKIP.has(words[at] ?? '') || ONE_WORD_CUES.has(words[at] ?? ''))) at++;
  return at < words.length && searchTerm(words[at] ?? '') !== null ? at : undefined;
}

/** The ask a matched cue stands for, given the words around it. */
function cueAsk(cue: Cue, words: string[], at: number): Ask {
  const next = words[at + cue.words.length];
  const before = words[at - 1];
  if (cue.ask === 'place' && cue.words[0] === 'where' && actsNext(words, at)) return 'how';
  if (cue.ask === 'address' && ((next && MAIL_WORDS.has(next)) || (before && MAIL_WORDS.has(before))))
    return 'email';
  if (cue.ask === 'figures' && cue.words[0] === 'combien' && next && NOT_FIGURES.has(next)) {
    return next === 'argent' ? 'amount' : 'deadline';
  }
  return cue.ask;
}

/** Whether the few words after `at` say what to do there (« où déposer », "where do I sign up"). */
function actsNext(words: string[], at: number): boolean {
  return words.slice(at + 1, at + 5).some((w) => ACTION_WORDS.some((a) => sameWord(w, a)));
}

/** Folds asks that another one implies: a deadline or the next time is a date, an e-mail a contact. */
function refine(asks: Set<Ask>): Set<Ask> {
  if (asks.has('deadline') || asks.has('next')) asks.delete('date');
  if (asks.has('email') || asks.has('phone')) asks.delete('contact');
  if (asks.has('address') && asks.has('email')) asks.delete('address');
  // "phone number of": a number to call, not a count.
  if (asks.has('phone')) asks.delete('figures');
  return asks;
}

function matchesAt(words: string[], at: number, cue: string[]): boolean {
  return cue.every((c, k) => words[at + k] === c);
}

/** A word against an action word: a prefix when it ends in `*`. */
function sameWord(word: string, cue: string): boolean {
  return cue.endsWith('*') ? word.startsWith(cue.slice(0, -1)) : word === cue;
}
