/**
 * What a question asks for: a date, a place, an amount, a contact… An entry answers a question only if it holds
 * that kind of fact, so "SOGA's e-mail?" is not answered with the SOGA card, and "the 2026 dates" not with 2025's.
 * Entries list the asks they answer in their YAML (`answers:`); questions are read here, from the cue words of
 * ask-cues.ts.
 */
import {
  ACTION_WORDS,
  ASKS,
  type Ask,
  BUDGET_DOCUMENTS,
  CUES,
  DEFINITIONS,
  FREE_PRICE_NEXT,
  LANGUAGE_ACTS,
  LANGUAGE_OF_ACTS,
  MAIL_WORDS,
  MONEY_WORDS,
  NOT_FIGURES,
  OF_WHAT,
  QUALIFIED_CUES,
} from './ask-cues.ts';
import {
  complementOf,
  KNOWN_CUE_WORDS,
  objectAfter,
  phraseNoun,
  qualifierBefore,
  whichObjects,
} from './ask-objects.ts';
import { NearWords } from './near-words.ts';
import { searchTerm, words } from './terms.ts';

export type { Ask } from './ask-cues.ts';

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
  /**
   * For an object followed by its complement (« le montant de l'*aide* au *déplacement* », "the *cost* of
   * *travel*"), the complement's position: the entry speaks of the object when it speaks of either word.
   */
  complements: Map<number, number>;
  /**
   * The asks said of something (« le numéro de téléphone *de Villes Internet* »): the fact the question is
   * about, which the entry must hold, whatever else it asks.
   */
  primary: Set<Ask>;
  /** The question asks what something is (« c'est quoi », "what is"): the thing, not a fact of it. */
  defines: boolean;
  /**
   * The words of a candidate asking whether it may take part, with the modal and the verb (« une SCOP
   * peut-elle porter »): evidence for a card speaking of it, none against one that does not.
   */
  candidates: string[];
  /** Positions of the things counted (« combien de *collectivités* »): the entry must give a number of them. */
  counted: number[];
}

interface Cue {
  ask: Ask;
  words: string[];
}

const PHRASES: Cue[] = ASKS.flatMap((ask) => CUES[ask].map((phrase) => ({ ask, words: phrase.split(' ') })));
// Phrases by first word: a question's word is looked up, not compared with every phrase.
const BY_FIRST_WORD = Map.groupBy(PHRASES, (cue) => cue.words[0] ?? '');
// Only cue words of five letters or more may be met through a typo.
const LONG_CUE_WORDS = new NearWords([...KNOWN_CUE_WORDS].filter((cue) => cue.length >= 5));
// The most words a `*` of a cue phrase stands for.
const MAX_GAP = 4;
// Places counted (« combien de villes ») are asked as places.
const PLACE_NOUNS = new Set(
  'ville villes pays lieu lieux etape etapes city cities country countries venue venues stop stops'.split(
    ' ',
  ),
);

/**
 * The cue word a question's word stands for: itself, or the cue word it is one typo off (« telephnoe »). Short
 * cue words (« tel », "fee", « où ») only as typed: one letter off, they are other words; and a word the
 * knowledge base uses is never a typo.
 */
function asCueWord(word: string, isWord: (word: string) => boolean): string {
  if (KNOWN_CUE_WORDS.has(word) || word.length < 4 || isWord(word)) return word;
  // Another form of a cue word is no typo of it: a cue lists the forms it means (« récompensés », not
  // « récompense quoi ? »; « étapes » to follow, not « l'étape espagnole »).
  // A letter changed in a five-letter word makes another word as often as a typo (« chose » / "close").
  return (
    LONG_CUE_WORDS.typos(word).find((cue) => !inflects(word, cue) && !changesShortWord(word, cue)) ?? word
  );
}

/** Whether two words of the same length under six letters differ by a letter changed (not two swapped). */
function changesShortWord(a: string, b: string): boolean {
  if (a.length !== b.length || a.length >= 6) return false;
  const at = [...a].findIndex((c, i) => c !== b[i]);
  return !(a[at] === b[at + 1] && a[at + 1] === b[at] && a.slice(at + 2) === b.slice(at + 2));
}

/** Whether one word is the other with a plural or feminine ending (« etape » / « etapes », "fee" / "fees"). */
function inflects(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return long.startsWith(short) && ['s', 'e', 'x', 'es'].includes(long.slice(short.length));
}

// « quand » / "when" joining two clauses (« … quand on a fait un NEC local », "… when selecting", « quand
// même ») asks no date: followed by a subject, « même » or an -ing word anywhere but at the question's start.
const CLAUSE_SUBJECTS = new Set(
  'on je j nous vous il ils elle elles tu meme we i you they he she there'.split(' '),
);
function joinsClauses(words: string[], at: number): boolean {
  const next = words[at + 1] ?? '';
  if (!['quand', 'when'].includes(words[at] ?? '') || at === 0 || next === '') return false;
  return CLAUSE_SUBJECTS.has(next) || (words[at] === 'when' && next.endsWith('ing'));
}

// "who can I get in touch with", « qui je peux contacter »: whom the asker may reach, not who may take part.
const ASKER = new Set(['i', 'we', 'je', 'j', 'on', 'nous']);

/** Reads what a question asks for, from its folded words (`words()` of terms.ts). */
export function readAsks(typed: string[], isWord: (word: string) => boolean = () => false): Asked {
  const words = typed.map((w) => asCueWord(w, isWord));
  const asks = new Set<Ask>();
  const cueWords = new Set<string>();
  const objects = new Set<number>();
  const complements = new Map<number, number>();
  const primary = new Set<Ask>();
  // What a count is of is no cue of its own (« combien d'*étapes* » asks no steps).
  const counted = new Set<number>();
  // Positions of the words of a cue phrase met (« quel jour » is a date: its « jour » is no object).
  const inCue = new Set<number>();
  let placesCounted = false;
  for (let i = 0; i < words.length; i++) {
    // (Winners counted are still winners asked for: « combien de lauréats ».)
    const cues = (BY_FIRST_WORD.get(words[i] ?? '') ?? []).filter(
      (c) => !counted.has(i) || c.ask === 'winners',
    );
    for (const cue of cues) {
      const said = matchAt(words, i, cue.words);
      if (!said) continue;
      const end = (said.at(-1) ?? i) + 1;
      // « c'est combien de mois avant ? » counts something: the « combien de » cue says what.
      const counts = cue.words.at(-1) === 'combien' && ['de', 'd'].includes(words[end] ?? '');
      if (counts) continue;
      const ask = joinsClauses(words, i) ? undefined : cueAsk(cue, words, i);
      if (!ask) continue;
      asks.add(ask);
      for (const at of said) {
        cueWords.add(typed[at] ?? '');
        inCue.add(at);
      }
      const phrase = cue.words.join(' ');
      // « combien de temps avant » is a deadline: not one of time.
      const converted = cue.ask === 'figures' && ask !== 'figures';
      const after =
        OF_WHAT.has(phrase) && !converted ? objectAfter(words, end, ask === 'figures') : undefined;
      if (after !== undefined && ask === 'figures') counted.add(after);
      // « dans combien de villes ? », "how many countries": places, which a card naming them answers too.
      if (after !== undefined && ask === 'figures' && PLACE_NOUNS.has(words[after] ?? ''))
        placesCounted = true;
      const before = QUALIFIED_CUES.has(phrase) ? qualifierBefore(words, i) : undefined;
      // (Not for a count: "how many people attended the Nantes NEC" counts people.)
      const noun =
        OF_WHAT.has(phrase) && !converted && ask !== 'figures' ? phraseNoun(words, end) : undefined;
      for (const object of [after, before, noun])
        if (object !== undefined) {
          objects.add(object);
          primary.add(ask);
          const complement = complementOf(words, object);
          if (complement !== undefined) complements.set(object, complement);
        }
    }
    // « ou » is "or" as often as "where": it asks for a place only at the start, after « c'est », or last
    // (but for function words: « ça se passe où exactement ? »).
    const last = words.slice(i + 1).every((w) => searchTerm(w) === null);
    const asksWhere = i === 0 || words[i - 1] === 'est' || last;
    if (words[i] === 'ou' && asksWhere)
      asks.add(actsNext(words, i) || actsBefore(words, i) ? 'how' : 'place');
    if (words[i] === 'free' && (last || FREE_PRICE_NEXT.has(words[i + 1] ?? ''))) {
      asks.add('price');
      cueWords.add(typed[i] ?? '');
    }
  }
  // « notre événement est dans 3 mois », "our event is in 6 weeks": whether it is still time, a deadline.
  // Its words say what is asked, not what about.
  words.forEach((w, at) => {
    if (!['dans', 'in'].includes(w) || !/^\d+$/.test(words[at + 1] ?? '') || !SPANS.has(words[at + 2] ?? ''))
      return;
    asks.add('deadline');
    for (const said of typed.slice(at, at + 3)) cueWords.add(said);
  });
  // "can a cooperative send staff…?", « la région peut-elle candidater… ? »: whether someone may take part.
  if (maySomeoneTakePart(words)) asks.add('who-may');
  // The candidate named in it (« une SCOP peut-elle porter… », "can a private individual organise…"), which the
  // rules name by its kind (« toute personne morale »): a card may speak of it, and need not.
  const candidates = asks.has('who-may') ? candidateWords(words).map((at) => typed[at] ?? '') : [];
  // « dans quel cinéma ? », "what level did…", « quelle plateforme ? »: the question asks for one of these things,
  // so the entry must speak of them, whatever kind of fact it holds.
  for (const at of whichObjects(words, inCue)) objects.add(at);
  const years = words.filter((w) => /^(19|20)\d\d$/.test(w));
  const defines = words.some((_, i) => DEFINITIONS.some((phrase) => matchAt(words, i, phrase)));
  // A count of places (« combien d'étapes », "how many cities") is answered by the count or by the places named.
  if (placesCounted && primary.delete('figures')) asks.add('place');
  const refined = refine(
    asks,
    words.some((w) => VALIDITY.has(w)),
  );
  const said = new Set([...primary].filter((ask) => refined.has(ask)));
  return {
    asks: refined,
    years,
    cueWords: [...cueWords],
    objects: [...objects],
    complements,
    primary: said,
    defines,
    candidates,
    counted: refined.has('figures') || placesCounted ? [...counted] : [],
  };
}

/** The ask a matched cue stands for, given the words around it; none when it is not meant as one. */
function cueAsk(cue: Cue, words: string[], at: number): Ask | undefined {
  const next = words[(matchAt(words, at, cue.words)?.at(-1) ?? at) + 1];
  const before = words[at - 1];
  if (cue.ask === 'place' && cue.words[0] === 'where' && actsNext(words, at)) return 'how';
  // « c'est à partir de combien de km ? »: from where a count starts, not a place.
  if (cue.ask === 'place' && next === 'partir') return undefined;
  if (cue.ask === 'who-may' && ASKER.has(next ?? '')) return undefined;
  // « pour qui est le défraiement ? », "who is the allowance for?": whom it is for, not someone's name.
  const forWhom =
    ['pour', 'a', 'de', 'avec', 'par'].includes(before ?? '') ||
    words.at(-1) === 'for' ||
    words.some((w) => AIMED.has(w));
  if (cue.ask === 'name' && ['qui', 'who'].includes(cue.words[0] ?? '') && forWhom) return undefined;
  if (cue.words[0]?.startsWith('budget') && [next, before].some((w) => w && BUDGET_DOCUMENTS.has(w)))
    return undefined;
  if (LANGUAGE_OF_ACTS.has(cue.words.join(' ')))
    return words.some((w) => LANGUAGE_ACTS.some((a) => sameWord(w, a))) ? 'language' : undefined;
  if (cue.ask === 'address' && ((next && MAIL_WORDS.has(next)) || (before && MAIL_WORDS.has(before))))
    return 'email';
  // « l'appel s'adresse à qui ? », « je m'adresse à qui ? »: the verb, whom it is for or whom to ask.
  if (cue.ask === 'address' && cue.words.length === 1 && before && REFLEXIVES.has(before))
    return before === 's' ? 'who-may' : 'contact';
  // « faut-il joindre un budget ? », « joindre au dossier »: a document attached, no one reached.
  if (cue.words[0] === 'joindre' && attaches(words, at)) return undefined;
  if (cue.ask === 'figures' && cue.words[0] === 'combien' && next && NOT_FIGURES.has(next)) {
    if (MONEY_WORDS.has(next)) return 'amount';
    // « combien de mois avant » is a deadline, « en combien de temps » a duration.
    const after = words[(matchAt(words, at, cue.words)?.at(-1) ?? at) + 2];
    return after === 'avant' ? 'deadline' : 'duration';
  }
  return cue.ask;
}

// The pronouns of a reflexive verb (« s'adresser », « je m'adresse »).
const REFLEXIVES = new Set(['s', 'm', 't', 'nous', 'vous']);
// Saying a document must be attached (« faut-il joindre… », « joindre au dossier »).
const MUST = new Set(['faut', 'faudra', 'doit', 'dois', 'doivent', 'devons', 'devez']);
const FILES = new Set(['dossier', 'candidature', 'demande', 'formulaire', 'mail', 'courriel']);

/** Whether « joindre » attaches something: after a word of obligation, or to a file of the application. */
function attaches(words: string[], at: number): boolean {
  const before = words.slice(Math.max(0, at - 3), at);
  const after = words.slice(at + 1, at + 6);
  return before.some((w) => MUST.has(w)) || after.some((w) => FILES.has(w));
}

// "who is the Forum aimed at?": whom it is for.
const AIMED = new Set(['aimed', 'intended', 'meant']);

// Spans of time before an event.
const SPANS = new Set(['mois', 'semaines', 'semaine', 'jours', 'months', 'month', 'weeks', 'week', 'days']);
// Saying someone may do something, and what taking part is (« peut-elle candidater », "can a town council send").
const MODALS = new Set([
  'can',
  'could',
  'may',
  'peut',
  'peuvent',
  'pourrait',
  'pourraient',
  'pouvons',
  'puis',
]);
const TAKING_PART = (
  'attend* send* apply* join* participat* host* organis* organiz* come register* submit* respond* ' +
  'candidat* postul* particip* veni* repond* porte* inscri*'
).split(' ');

/** Whether a modal is followed, within a few words, by a word of taking part (the who-may of a sentence). */
function maySomeoneTakePart(words: string[]): boolean {
  return words.some(
    (w, at) =>
      MODALS.has(w) &&
      asksWhether(words, at) &&
      // « peut-on venir avec son chien ? », "can we submit in English?": what the asker may do, not who may.
      !ASKER.has(words[at + 1] ?? '') &&
      words.slice(at + 1, at + 7).some((next) => TAKING_PART.some((a) => sameWord(next, a))),
  );
}

// The modals of English, which come before the candidate ("can a cooperative send…"); French ones come after it.
const ENGLISH_MODALS = new Set(['can', 'could', 'may']);

/**
 * Positions of the candidate, the modal and the verb of taking part of a question asking whether someone may
 * take part: in French the words before the modal (« notre SCOP peut-elle porter »), in English those between
 * it and the verb ("can a town council send").
 */
function candidateWords(words: string[]): number[] {
  return words.flatMap((w, at) => {
    if (!MODALS.has(w) || ASKER.has(words[at + 1] ?? '')) return [];
    const verb = words.findIndex(
      (next, i) => i > at && i <= at + 6 && TAKING_PART.some((a) => sameWord(next, a)),
    );
    if (verb < 0) return [];
    const from = ENGLISH_MODALS.has(w) ? at : Math.max(0, at - 3);
    return Array.from({ length: verb - from + 1 }, (_, k) => from + k);
  });
}

/**
 * Whether a modal asks whether one may: in French anywhere (« la région peut-elle candidater ? »), in English
 * only opening a clause ("can a cooperative send…", not "the pair ANCT can send").
 */
function asksWhether(words: string[], at: number): boolean {
  if (!['can', 'could', 'may'].includes(words[at] ?? '')) return true;
  const before = words[at - 1];
  return before === undefined || searchTerm(before) === null;
}

/** Whether the few words after `at` say what to do there (« où déposer », "where do I sign up"). */
function actsNext(words: string[], at: number): boolean {
  // ("where are we supposed to upload…": the verb may come five words on.)
  return words.slice(at + 1, at + 6).some((w) => ACTION_WORDS.some((a) => sameWord(w, a)));
}

/** Whether the few words before a last « où » say what to do there (« la charte, on la trouve où ? »). */
function actsBefore(words: string[], at: number): boolean {
  return words.slice(Math.max(0, at - 3), at).some((w) => ACTION_WORDS.some((a) => sameWord(w, a)));
}

// Words saying something holds for a time (« valable », "valid"): its duration is its end date.
const VALIDITY = new Set(['valable', 'valide', 'validite', 'valid', 'validity']);

/** Folds asks that another one implies: a deadline or the next time is a date, an e-mail a contact. */
function refine(asks: Set<Ask>, valid: boolean): Set<Ask> {
  if (asks.has('deadline') || asks.has('next')) asks.delete('date');
  // « combien de temps après la clôture » is a time from the deadline: the deadline's card gives it.
  if (asks.has('deadline')) asks.delete('duration');
  // "how long is the agreement valid?": how long it holds is when it ends.
  if (asks.has('duration') && valid) {
    asks.delete('duration');
    asks.add('deadline');
  }
  // "how many days does it last": a duration, not a count.
  if (asks.has('duration')) asks.delete('figures');
  if (asks.has('email') || asks.has('phone')) asks.delete('contact');
  // "who's the contact", « qui est la personne à qui écrire » : whom to reach, whose card names them.
  if (['contact', 'email', 'phone'].some((ask) => asks.has(ask as Ask))) asks.delete('name');
  // « faut-il payer ? »: what one pays, not any sum.
  if (asks.has('price')) asks.delete('amount');
  if (asks.has('address') && asks.has('email')) asks.delete('address');
  // "which projects won": the projects asked for are the winners, not what the scheme funds.
  if (asks.has('winners')) asks.delete('scope');
  // "phone number of": a number to call, not a count.
  if (asks.has('phone')) asks.delete('figures');
  return asks;
}

/**
 * Where a cue phrase is met at `at`: the positions of its words, or none. A `*` in it stands for one to four
 * words of the question (« qu'est-ce que * finance » meets « qu'est-ce que l'appel finance »).
 */
function matchAt(words: string[], at: number, cue: string[], from = 0): number[] | undefined {
  if (from === cue.length) return [];
  if (cue[from] === '*') {
    for (let skip = 1; skip <= MAX_GAP; skip++) {
      const rest = matchAt(words, at + skip, cue, from + 1);
      if (rest) return rest;
    }
    return undefined;
  }
  if (words[at] !== cue[from]) return undefined;
  const rest = matchAt(words, at + 1, cue, from + 1);
  return rest && [at, ...rest];
}

/** A word against an action word: a prefix when it ends in `*`. */
function sameWord(word: string, cue: string): boolean {
  return cue.endsWith('*') ? word.startsWith(cue.slice(0, -1)) : word === cue;
}

/** Whether a text asks some kind of fact (« et où ? », "and when?"), even with no subject word of its own. */
export function asksAFact(text: string): boolean {
  return readAsks(words(text)).asks.size > 0;
}
