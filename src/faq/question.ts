/**
 * What the search works on, read once from a question's words: what it asks (asks.ts), the topics it names
 * (topics.ts), its subject without them, and what the fact is asked of — which the chosen entry must speak of.
 */
import type { Ask } from './ask-cues.ts';
import { type Asked, readAsks } from './asks.ts';
import type { KnowledgeBase } from './knowledge-base.ts';
import { listedOnly } from './listed.ts';
import { NearWords } from './near-words.ts';
import { type FaqIndex, isContext } from './retrieval.ts';
import { scaledEntries, scalesNearName } from './scales.ts';
import { isFiller, searchTerm, searchTerms, words } from './terms.ts';
import type { TopicFinder, TopicsFound } from './topics.ts';

// Question words the search keeps as terms (entries are asked "who…?"), which say nothing of a subject.
export const QUESTION_WORDS = new Set(['who']);

/** What the search works on, read once from the question. */
export interface Question {
  text: string;
  /** The question without the topic's names. */
  subject: string;
  asked: Asked;
  /** Search terms of the words saying what is asked, and of years: not the question's subject. */
  askTerms: Set<string>;
  /** Search terms an entry is credited for holding, and not counted against for lacking (a candidate's). */
  optionalTerms: Set<string>;
  /**
   * What a fact is asked of (asks.ts `objects`), each as the search terms that name it: the object, and its
   * complement if any (« l'aide au déplacement »); an entry speaks of it when it holds one of them.
   */
  objectTerms: string[][];
  /** The fact is asked of the topic itself (« combien de NEC locaux »). */
  ofTopic: boolean;
  /** A fact or a thing is asked of something named besides the topic (« quel *cinéma* », « le prix du *repas* »). */
  asksOf: boolean;
  /** The search terms of what is counted (« combien de *collectivités* »), the topic's own names apart. */
  countTerms: string[];
  /** The question's words but the topic's names, fillers included (« il fait beau à »). */
  said: string[];
  /** Search terms of what the question mentions of a topic (« Musée Social », « Nancy »): it points to a topic. */
  mentionTerms: Set<string>;
  /**
   * Search terms of the things the question names (a noun after a determiner: « le salaire », "the dress code",
   * "my dog") that the knowledge base has nowhere, not even one typo off: the question is about something the
   * sources never speak of, whatever else it shares with an entry.
   */
  strangeThings: string[];
  /**
   * Search terms of the names the question asks a precise fact of (a date, a count, an organiser) that the
   * knowledge base only lists (« le NEC local de *Chambéry*, c'était quand ? »): no card holds that fact of them.
   */
  listedThings: string[];
  /**
   * The entries that may answer, when the question says which event of the topic's kind it means (« le NEC
   * *national* »): those saying that scale next to the topic's name (scales.ts). Undefined: any.
   */
  scaledTo?: Set<string>;
  /** It asks a sum in euros (« c'est combien d'euros ? »): a card giving only a share of a budget does not say. */
  inEuros: boolean;
}

// The facts a list of names never gives of one of them (a list of places says where, not when nor how many;
// where is left out: the list says that much).
const FACTS_OF_ONE: ReadonlySet<Ask> = new Set<Ask>([
  'date',
  'next',
  'deadline',
  'hours',
  'address',
  'figures',
  'name',
  'head',
  'role',
  'amount',
  'price',
  'contact',
  'email',
  'phone',
  'winners',
]);

export class QuestionReader {
  readonly #index: FaqIndex;
  readonly #topics: TopicFinder;
  /** Whether a word is one the knowledge base uses: such a word is no typo of an ask's cue (« contract »). */
  readonly #isWord: (word: string) => boolean;
  /** The same words, for the typos a word the knowledge base has nowhere may be of. */
  readonly #nearWords: NearWords;
  /** The terms the knowledge base only lists (listed.ts). */
  readonly #listed: Set<string>;
  /** The entries saying each scale next to their topic's name (scales.ts). */
  readonly #scaled: Map<string, Set<string>>;

  constructor(kb: KnowledgeBase, index: FaqIndex, topics: TopicFinder) {
    this.#index = index;
    this.#listed = listedOnly(kb);
    this.#scaled = scaledEntries(kb, topics);
    this.#topics = topics;
    const vocabulary = vocabularyOf(kb);
    this.#isWord = (word) => vocabulary.has(word);
    this.#nearWords = new NearWords(vocabulary);
  }

  /** Reads a question's folded words; `names`: the words it writes as proper names (`properNames`). */
  read(typed: string[], names: Set<string>): { question: Question; found: TopicsFound } {
    const asked = readAsks(typed, this.#isWord);
    const found = this.#topics.find(typed);
    // Filler (« genre », "basically", « je découvre ») the knowledge base never uses is no subject either.
    const meant = (w: string, i: number) => !found.nameWords.has(i) && !(isFiller(w) && !this.#isWord(w));
    const question: Question = {
      text: typed.filter((w) => !(isFiller(w) && !this.#isWord(w))).join(' '),
      subject: typed.filter(meant).join(' '),
      asked,
      askTerms: new Set([...asked.cueWords, ...asked.years].flatMap((w) => searchTerms(w))),
      optionalTerms: new Set(asked.candidates.flatMap((w) => searchTerms(w))),
      objectTerms: [],
      mentionTerms: new Set(),
      said: typed.filter((_, i) => !found.nameWords.has(i)),
      ofTopic: asked.objects.some((at) => found.nameWords.has(at)),
      asksOf: false,
      countTerms: [],
      strangeThings: [],
      listedThings: [],
      inEuros: asked.asks.has('amount') && typed.some((w) => EUROS.has(w)),
    };
    // What a fact is asked of (« combien de collectivités », « le téléphone de Villes Internet ») must be in the
    // entry; a topic's name is the topic itself.
    // So must what the question mentions of the topic (« Villes Internet », "SOGA"): it points to its own entry.
    const mentioned = [...found.spans].filter((at) => !found.nameWords.has(at));
    question.mentionTerms = new Set(mentioned.flatMap((at) => searchTerms(typed[at] ?? '')));
    // A name the knowledge base has nowhere, in a question asking a fact (« combien de NEC locaux en Bretagne ? »,
    // "do we need a SIRET number?"): the fact is asked of something the sources never speak of.
    // Not when it asks who may take part: the name is then the candidate (« la région Bretagne peut-elle
    // candidater ? »), which the rules name by its kind.
    const candidate = asked.asks.size > 0 && [...asked.asks].every((ask) => ask === 'who-may');
    const strangeNames =
      (asked.asks.size === 0 && asked.objects.length === 0) || candidate
        ? []
        : typed.flatMap((w, at) => {
            const term = searchTerm(w);
            const strange = term !== null && !isContext(term) && !this.#index.knows(term);
            return names.has(w) && !found.spans.has(at) && strange ? [at] : [];
          });
    const termAt = (at: number | undefined): string[] => {
      const term = at === undefined || found.nameWords.has(at) ? null : searchTerm(typed[at] ?? '');
      return term === null || question.askTerms.has(term) ? [] : [term];
    };
    question.asksOf = asked.objects.some((at) => termAt(at).length > 0);
    question.countTerms = asked.counted.flatMap(termAt);
    question.objectTerms = [...new Set([...asked.objects, ...mentioned, ...strangeNames])]
      .filter((at) => termAt(at).length > 0)
      .map((at) => [...termAt(at), ...termAt(asked.complements.get(at))]);
    // A number naming one of a series (« le niveau 4 », "level 4", « l'étape 2 »): the entry must speak of that one.
    question.objectTerms.push(...numberedOnes(typed).map((number) => [number]));
    question.strangeThings = typed.flatMap((w, at) => {
      const before = typed[at - 1] ?? '';
      if (found.nameWords.has(at) || !namesAThing(w, before)) return [];
      if (!DETERMINERS.has(before) && !(COVERING.has(before) || COVERING.has(typed[at - 2] ?? ''))) return [];
      const term = searchTerm(w);
      const strange =
        term !== null &&
        !question.askTerms.has(term) &&
        !question.optionalTerms.has(term) &&
        !isContext(term) &&
        !this.#index.knows(term) &&
        !this.#typoOfAWord(w);
      return strange ? [term] : [];
    });
    for (const scale of scalesNearName(typed, found.nameWords)) {
      const saying = this.#scaled.get(scale) ?? new Set<string>();
      question.scaledTo = new Set([...saying].filter((id) => question.scaledTo?.has(id) ?? true));
    }
    if ([...asked.asks].some((ask) => FACTS_OF_ONE.has(ask)))
      question.listedThings = searchTerms(question.subject).filter((term) => this.#listed.has(term));
    return { question, found };
  }

  /**
   * Whether a word is a typo of one the knowledge base has, judged loosely (one edit from four letters, two from
   * eight) on the words as typed, before stems and synonyms: before a word is taken for something the sources
   * never speak of, « locl » and « alowance » are given the benefit of the doubt.
   */
  #typoOfAWord(word: string): boolean {
    return word.length >= 4 && this.#nearWords.typos(word, word.length >= 8 ? 2 : 1).length > 0;
  }
}

const EUROS = new Set(['euro', 'euros', 'eur']);

// Verbs of what a scheme covers, whose object is often a bare noun ("does it cover *staff salaries*"): the one or
// two words after them name the thing covered. (Not "fund" or "pay": "fund e-waste projects", "pay royalties" ask
// whether an action or a duty is in the scheme, in words of its own, which the cards paraphrase.)
const COVERING = new Set('cover covers covered include includes couvre couvrent inclut comprend'.split(' '));

// Words a thing is named after (« le », « du », "the", "my"): what follows is a noun, or an adjective before one.
const DETERMINERS = new Set(
  (
    'le la les l un une des du au aux mon ma mes ton ta son sa ses notre nos votre vos leur leurs ce cet cette ' +
    'the a an my our your their his her its this'
  ).split(' '),
);

/**
 * Whether a word after a determiner names a thing: not a number (« les 150 personnes » is a quantity the card
 * compares), not an English participle or adjective ("an *accepted* theme"), not a French infinitive after « à »
 * (« a concevoir »: folded, « à » is the English article).
 */
function namesAThing(word: string, before: string): boolean {
  if (/^\d/.test(word) || /(ed|able|ible|ing)$/.test(word)) return false;
  return !(before === 'a' && /(er|ir|oir|re)$/.test(word));
}

// Nouns a number after them names one of a series by (« niveau 5 », "stage 3"), not a quantity.
const SERIES = new Set(
  'niveau niveaux level levels etape etapes stage stages article articles chapitre chapter phase edition numero volet axe odd issue tome saison season'.split(
    ' ',
  ),
);

/** The numbers a question names one of a series by (« le niveau 4 »), years apart (they are read as years). */
function numberedOnes(typed: string[]): string[] {
  return typed.flatMap((w, at) => {
    const next = typed[at + 1] ?? '';
    return SERIES.has(w) && /^\d{1,3}$/.test(next) ? [next] : [];
  });
}

/**
 * The folded words a text writes with a capital letter other than at a sentence's start: proper names
 * (« la Bretagne », "a SIRET number"), which a question does not capitalise by chance.
 */
export function properNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const found of text.matchAll(/(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}]*/gu)) {
    const before = text.slice(0, found.index).trimEnd();
    if (before === '' || /[.!?:«"“]$/u.test(before)) continue;
    for (const w of words(found[0])) names.add(w);
  }
  return names;
}

/** The words of the knowledge base (in its questions, keywords, titles and answers). */
function vocabularyOf(kb: KnowledgeBase): Set<string> {
  const vocabulary = new Set(
    kb.entries.flatMap((e) =>
      words(
        [
          ...e.questions.fr,
          ...e.questions.en,
          ...e.keywords.fr,
          ...e.keywords.en,
          e.answer.fr,
          e.answer.en,
          e.title.fr,
          e.title.en,
        ].join(' '),
      ),
    ),
  );
  return vocabulary;
}
