/**
 * FAQ retrieval: a MiniSearch (BM25) index over each entry's questions, keywords, title and answer in both
 * languages, with fuzzy and prefix matching, plus a coverage measure that tells a real match from a
 * coincidence on one common word.
 */

import MiniSearch, { type SearchOptions, type SearchResult } from 'minisearch';
import type { FaqEntry, KnowledgeBase } from './knowledge-base.ts';
import { NearWords } from './near-words.ts';
import { searchTerm, searchTerms, words } from './terms.ts';

/** One ranked entry. */
export interface Ranked {
  entry: FaqEntry;
  /** BM25 score (unbounded; only comparable within one query). */
  score: number;
  /**
   * Share of the question's meaning the entry matches, 0–1: each search term weighs by its rarity in the
   * knowledge base (a word found nowhere weighs most), so "weather in Paris" does not match on "Paris" alone.
   */
  coverage: number;
  /** The question's search terms the entry matched (exactly, by a typo or by a prefix). */
  terms: string[];
}

interface IndexedEntry {
  id: string;
  questions: string;
  keywords: string;
  title: string;
  /** The topic's name, so a programme's name points to all its entries alike and the rest of the question decides. */
  topic: string;
  answer: string;
}

const SEARCH_OPTIONS: SearchOptions = {
  boost: { keywords: 2, questions: 2, title: 1.5, topic: 0.5, answer: 0.3 },
  // One typo in a 4–9 letter word, two beyond; shorter words must be exact (or a prefix).
  fuzzy: (term) => (term.length >= 10 ? 2 : term.length >= 4 ? 1 : false),
  prefix: (term) => term.length >= 4,
  weights: { fuzzy: 0.6, prefix: 0.5 },
};

// A word met only through a typo or a prefix ("election" ~ "selection") is weaker evidence than the word itself.
const INEXACT_CREDIT = 0.6;

// Words that only set the scene of a question (where, when, which public body, what kind of scheme, how
// much): the knowledge base uses them, but so does every question about something else (« concert à Bruxelles
// en novembre », "ministry of agriculture call"). Words that are themselves an entry's subject (grant, contact)
// are not listed: « contact ? » is a real question.
const PLACES_AND_TIMES = new Set(
  searchTerms(
    // places
    'paris bruxelles brussels lyon lille marseille nantes bordeaux strasbourg montpellier toulouse rennes nice ' +
      'ville city france french francais belgique belgium belge europe european europeen europeenne ' +
      // times
      'lieu lieux where venue quand when date dates jour day semaine week weekend mois month annee year demain tomorrow soir tonight ' +
      'temps time heure heures hour hours printemps spring ete summer automne autumn fall hiver winter lundi mardi mercredi jeudi vendredi samedi dimanche ' +
      'monday tuesday wednesday thursday friday saturday sunday ' +
      'janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre ' +
      'january february march april june july august september october november december',
  ),
);
// Public bodies and kinds of scheme: part of a programme's name as often as not (« l'appel du ministère »).
const SCHEMES = new Set(searchTerms('ministere appel call aap projet project reseau network'));
const KINDS_AND_PRICES = new Set(searchTerms('inscription label prix price cout coute cost combien'));

/**
 * Whether a search term is a place, a time, a year or a kind of scheme: once the question's topic is known,
 * context rather than what it asks about.
 */
export function isContext(term: string): boolean {
  return PLACES_AND_TIMES.has(term) || SCHEMES.has(term) || /^(19|20)\d\d$/.test(term);
}

/**
 * Whether a search term only sets the scene (a place, a date or year, a kind of body or scheme, a price). An
 * entry that shares nothing but such words with a question is a coincidence, not an answer.
 */
function setsTheSceneOnly(term: string): boolean {
  return isContext(term) || KINDS_AND_PRICES.has(term);
}

// Query words are unbounded; the cache of their weights is not allowed to grow without limit.
const MAX_CACHED_TERMS = 10_000;

/**
 * Whether a question is nothing but a topic's name (« interconnectés ? », "c'est quoi NEC ESS"): every word of
 * it matched, and matched in the topic field. Such a question asks for the overview, not for whichever entry
 * happens to repeat the name most.
 */
function namesOnlyTheTopic(result: SearchResult, terms: string[]): boolean {
  return (
    result.queryTerms.length === terms.length &&
    Object.values(result.match).every((fields) => fields.includes('topic'))
  );
}

/** The entries a search term reaches: by the term itself, or (weaker evidence) as a typo or a word's start. */
interface Reach {
  exact: ReadonlySet<string>;
  near: ReadonlySet<string>;
}

/** The search index of a knowledge base. */
export class FaqIndex {
  readonly #search: MiniSearch<IndexedEntry>;
  readonly #kb: KnowledgeBase;
  /** The entries each search term reaches, for the term weights and the coverage. */
  readonly #reach = new Map<string, Reach>();
  /** The entries holding each search term of the knowledge base. */
  readonly #byTerm = new Map<string, Set<string>>();
  /** The same terms, for the typos and word starts a question's term may stand for. */
  readonly #terms: NearWords;

  constructor(kb: KnowledgeBase) {
    this.#kb = kb;
    this.#search = new MiniSearch<IndexedEntry>({
      fields: ['questions', 'keywords', 'title', 'topic', 'answer'],
      tokenize: words,
      processTerm: searchTerm,
      searchOptions: SEARCH_OPTIONS,
    });
    const topicNames = new Map(kb.topics.map((t) => [t.id, `${t.title.fr}\n${t.title.en}`]));
    const documents = kb.entries.map(
      (e): IndexedEntry => ({
        id: e.id,
        questions: [...e.questions.fr, ...e.questions.en].join('\n'),
        keywords: [...e.keywords.fr, ...e.keywords.en].join('\n'),
        title: `${e.title.fr}\n${e.title.en}`,
        topic: topicNames.get(e.topic) ?? '',
        // Placeholders are not words people type.
        answer: `${e.answer.fr}\n${e.answer.en}`.replace(/\{[^}]*\}/g, ' '),
      }),
    );
    this.#search.addAll(documents);
    for (const d of documents) {
      const text = [d.questions, d.keywords, d.title, d.topic, d.answer].join('\n');
      for (const term of searchTerms(text)) {
        const holders = this.#byTerm.get(term) ?? new Set<string>();
        holders.add(d.id);
        this.#byTerm.set(term, holders);
      }
    }
    this.#terms = new NearWords(this.#byTerm.keys());
  }

  /**
   * Entries ranked for a question, best first; empty when no word of it matches anything. Terms in `askTerms`
   * (the words saying what is asked: « date », "email") rank entries but are left out of the coverage: whether an
   * entry holds that kind of fact is decided on its `answers`, and the coverage measures the subject alone.
   * `onTopic`: the question names the topic, so words that only set the scene are neither credited nor counted.
   * `optional`: terms credited to an entry holding them, not counted against one lacking them.
   */
  rank(
    text: string,
    askTerms: ReadonlySet<string> = new Set(),
    {
      onTopic = false,
      optional = new Set<string>(),
    }: { onTopic?: boolean; optional?: ReadonlySet<string> } = {},
  ): Ranked[] {
    const all = [...new Set(searchTerms(text))];
    if (all.length === 0) return [];
    // On a topic the question names, the scene (« à Paris », « cette année ») is context, not its subject.
    const subject = all.filter((term) => !askTerms.has(term) && !(onTopic && isContext(term)));
    // A question made only of ask words (« date limite ? », "email?") is measured on them.
    const terms = subject.length > 0 ? subject : all;
    const weights = new Map(terms.map((term) => [term, this.#weight(term)]));
    const total = [...weights.values()].reduce((a, b) => a + b, 0);
    const results = this.#search.search(text);
    const ranked = results.flatMap((result) => {
      const id = String(result.id);
      const entry = this.#kb.get(id);
      if (!entry) return [];
      // Nothing in common but the scene: no credit, however rare the place or month is in the knowledge base.
      const shared = all.filter((term) => this.#credit(term, id) > 0);
      if (!onTopic && shared.every(setsTheSceneOnly))
        return [{ entry, score: result.score, coverage: 0, terms: shared }];
      const matched = terms.reduce((sum, term) => sum + (weights.get(term) ?? 0) * this.#credit(term, id), 0);
      // An optional term the entry lacks is not counted against it.
      const lacking = terms
        .filter((term) => optional.has(term) && this.#credit(term, id) === 0)
        .reduce((sum, term) => sum + (weights.get(term) ?? 0), 0);
      const asked = total - lacking;
      return [{ entry, score: result.score, coverage: asked <= 0 ? 0 : matched / asked, terms: shared }];
    });
    const named = results.find((result) => namesOnlyTheTopic(result, all));
    const topic = named && this.#kb.get(String(named.id))?.topic;
    return topic ? this.#overviewFirst(ranked, topic) : ranked;
  }

  /** The ranking with a topic's overview (its file's first entry) moved to the front. */
  #overviewFirst(ranked: Ranked[], topicId: string): Ranked[] {
    const overviewId = this.#kb.topic(topicId)?.entries[0]?.id;
    const overview = ranked.find((r) => r.entry.id === overviewId);
    return overview ? [overview, ...ranked.filter((r) => r !== overview)] : ranked;
  }

  /** Whether any entry holds a (processed) term, or a typo or the start of it. */
  knows(term: string): boolean {
    const { exact, near } = this.#reachOf(term);
    return exact.size > 0 || near.size > 0;
  }

  /** Whether an entry holds a (processed) term, or a typo or the start of it. */
  holds(entryId: string, term: string): boolean {
    return this.#credit(term, entryId) > 0;
  }

  /** What a question's term is worth as evidence for an entry: 1 when it holds it, less for a typo or a start. */
  #credit(term: string, entryId: string): number {
    const { exact, near } = this.#reachOf(term);
    if (exact.has(entryId)) return 1;
    return near.has(entryId) ? INEXACT_CREDIT : 0;
  }

  /** Inverse document frequency of a term, over the entries it reaches. */
  #weight(term: string): number {
    const { exact, near } = this.#reachOf(term);
    const reach = exact.size + [...near].filter((id) => !exact.has(id)).length;
    return Math.log(1 + this.#kb.entries.length / (reach + 0.5));
  }

  /**
   * The entries a (processed) term reaches. Typos are judged more strictly than the ranking's fuzzy search: on
   * terms of five letters or more, keeping the first letter — a stem of four letters one edit off is another
   * word (« plan » / « plac », "louvr" / « ouvr »), and so is a word differing by its first letter.
   */
  #reachOf(term: string): Reach {
    const known = this.#reach.get(term);
    if (known) return known;
    const near = new Set<string>();
    for (const other of this.#nearTerms(term)) for (const id of this.#byTerm.get(other) ?? []) near.add(id);
    const reach = { exact: this.#byTerm.get(term) ?? new Set<string>(), near };
    if (this.#reach.size >= MAX_CACHED_TERMS) this.#reach.clear();
    this.#reach.set(term, reach);
    return reach;
  }

  /**
   * The knowledge base's terms a question's term stands for: those it starts (four letters or more), and those
   * one typo off (two from ten letters), the first letter kept — found through the index, not by a scan.
   */
  #nearTerms(term: string): string[] {
    const starts = term.length >= 4 ? this.#terms.startingWith(term) : [];
    if (term.length < 5) return starts;
    const typos = this.#terms.typos(term, term.length >= 10 ? 2 : 1).filter((other) => other[0] === term[0]);
    return [...starts, ...typos];
  }
}
