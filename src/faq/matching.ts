/**
 * How the FAQ chooses the entry that answers a question: the topic it names (or leans on), what it asks for
 * (asks.ts) and the entries of that topic holding that kind of fact, ranked on the rest of its words
 * (retrieval.ts). When the topic is known but none of its entries holds the fact, the match says so.
 */
import type { Ask } from './ask-cues.ts';
import { type Asked, readAsks } from './asks.ts';
import { finerUnknown, mostlyStrange, sceneTopic } from './evidence.ts';
import { ASK_DEPTH, EntryFit } from './fit.ts';
import { Holdings } from './holding.ts';
import { isUnreadable, readableText } from './input.ts';
import type { FaqEntry, KnowledgeBase } from './knowledge-base.ts';
import { QuestionLanguage } from './language.ts';
import type { FaqContext, FaqMatch } from './match.ts';
import { twoParts, twoSentences } from './parts.ts';
import { properNames, type Question, QuestionReader } from './question.ts';
import type { FigureLookup } from './render.ts';
import { FaqIndex, isContext, type Ranked } from './retrieval.ts';
import { searchTerm, searchTerms, withoutFewWords, words } from './terms.ts';
import { TopicFinder } from './topics.ts';

export type { FaqContext, FaqMatch } from './match.ts';

const NO_MATCH: FaqMatch = { score: 0, coverage: 0, confident: false, alternatives: [] };
// Words opening a follow-up question (« et la date limite ? », "and the fee?").
const FOLLOW_UP_OPENERS = new Set(['et', 'and', 'also', 'aussi', 'sinon']);
// Question words the search keeps as terms (entries are asked "who…?"), which say nothing of a subject.
const QUESTION_WORDS = new Set(['who']);

// Tuned on eval/faq-questions.yaml: below this share of the question's (weighted) subject words, the bot does
// not guess. On a topic the question names, fewer words need to match: the topic is already certain.
const MIN_COVERAGE_NAMED = 0.3;
const MAX_ALTERNATIVES = 3;
// A question naming no topic must match more of its words: a near miss shares a word or two with an entry
// ("train ticket to Lyon") but is about something else.
const MIN_COVERAGE_UNNAMED = 0.45;
// What an entry recording a fact the sources lack must cover of a question that asks no fact.
const MIN_COVERAGE_RECORDED_UNKNOWN = 0.5;
const CONTACTS_TOPIC = 'contacts';
const CONTACT_ASKS = new Set<Ask>(['contact', 'email', 'phone']);
// Facts of one edition (a count, a date, a place), which a year asked for must be held for.
const YEARLY = new Set<Ask>(['date', 'place', 'figures', 'winners', 'amount', 'price', 'deadline']);
// Words asking for all of something (« tous les contacts », "the whole list", "each programme").
const ALL_OF = new Set(['tous', 'toutes', 'chaque', 'liste', 'all', 'every', 'each', 'whole', 'list']);

export class FaqMatcher {
  readonly kb: KnowledgeBase;
  readonly #index: FaqIndex;
  readonly #topics: TopicFinder;
  readonly #reader: QuestionReader;
  readonly #holds: Holdings;
  readonly #fit: EntryFit;
  /** The language a question is written in, its topics' names set aside. */
  readonly language: QuestionLanguage;

  constructor(kb: KnowledgeBase, figure: FigureLookup) {
    this.kb = kb;
    this.#holds = new Holdings(kb, figure);
    this.#index = new FaqIndex(kb);
    this.#fit = new EntryFit(this.#holds, this.#index);
    this.#topics = new TopicFinder(kb);
    this.#reader = new QuestionReader(kb, this.#index, this.#topics);
    this.language = new QuestionLanguage(kb, this.#topics);
  }

  /**
   * Finds the entry that answers a question: on the topic it names (or, failing that, the current call's or the
   * previous question's, or that of the best match), the best-ranked entry holding the kind of fact asked for.
   * Searches both languages' questions whatever `lang` is (people mix them).
   */
  match(asked: string, context: FaqContext = {}): FaqMatch {
    if (isUnreadable(asked)) return NO_MATCH;
    const text = readableText(asked);
    const typed = withoutFewWords(words(text));
    const names = properNames(text);
    const whole = this.#matchWords(typed, names, context);
    // Two sentences are two questions only when the whole is not one the sources answer as it is (« c'est qui
    // l'ANCT ? elle fait quoi d'autre ? » is one card).
    const parts = twoParts(typed, this.#topics) ?? (whole.confident ? undefined : twoSentences(text));
    if (!parts) return whole;
    // A two-part question (« c'est quand le nec ess et c'est sur quel thème ? »): each part on its own, the
    // second leaning on the first's topic as a follow-up would; both answered only when both are sure.
    const [left, rightAsked] = parts;
    // The second part is of the year the first names, unless it names its own (« le NEC ESS 2025, c'était où,
    // et il y avait combien de participants ? » asks 2025's count).
    // (A fact that changes with each edition: who may take part, how, whom to ask do not.)
    const isYear = (w: string) => /^(19|20)\d\d$/.test(w);
    const yearly = [...readAsks(rightAsked).asks].some((ask) => YEARLY.has(ask));
    const right = rightAsked.some(isYear) || !yearly ? rightAsked : [...rightAsked, ...left.filter(isYear)];
    const first = this.#matchWords(left, names, context);
    const second = this.#matchWords(
      right,
      names,
      { ...context, previousTopic: first.topic ?? context.previousTopic },
      true,
    );
    // One part the sources answer, the other they do not hold (« c'est quand et ça coûte combien ? » with no
    // price anywhere): the part they answer, saying the other is not in them.
    const known = [first, second].find((m) => m.confident && m.entry && !m.entry.unknown);
    const lacking = [first, second].find((m) => m.unknown && m.topic === known?.topic);
    if (known && lacking?.unknown && !whole.confident) return { ...known, missing: lacking.unknown };
    if (!first.confident || !second.confident || !first.entry || !second.entry) return whole;
    if (first.entry === second.entry || this.#answersToo(first.entry, second, right)) return whole;
    return { ...first, second: second.entry, coverage: Math.min(first.coverage, second.coverage) };
  }

  /**
   * Whether the first part's entry answers the second part as well as the second's own (« quand a eu lieu EUSES
   * et combien de participants ? »: the EUSES card gives both): it holds the kind of fact asked and covers as
   * much of the part.
   */
  #answersToo(entry: FaqEntry, second: FaqMatch, right: string[]): boolean {
    // A part asking no kind of fact (« et c'est quoi le magazine ? ») is about its own subject.
    const asks = second.asks ?? [];
    if (asks.length === 0 || !this.#holds.all(entry, asks)) return false;
    const coverage = this.#index.rank(right.join(' ')).find((r) => r.entry === entry)?.coverage ?? 0;
    return coverage >= second.coverage;
  }

  /** The match of one question, from its folded words; `followUp`: it continues the previous question. */
  #matchWords(typed: string[], names: Set<string>, context: FaqContext, followUp = false): FaqMatch {
    const { question, found } = this.#reader.read(typed, names);
    const match = this.#matchQuestion(question, found.topics, typed, context, followUp);
    // A thing the sources never speak of (« le salaire du duo », "the wifi password at the Musée Social"), or
    // only list (« le NEC local de Chambéry, c'était quand ? »): the card sharing the question's other words does
    // not answer it; on a known topic, "the sources don't say".
    const unheld = question.strangeThings.length + question.listedThings.length;
    if (!match.confident || unheld === 0) return match;
    const asks = match.asks ?? [];
    const unsure = { ...match, confident: false, second: undefined };
    return match.topic ? { ...unsure, unknown: { asks, years: [] } } : unsure;
  }

  /** The match of a question read (`topics`: those it names, in order). */
  #matchQuestion(
    question: Question,
    topics: string[],
    typed: string[],
    context: FaqContext,
    followUp: boolean,
  ): FaqMatch {
    const { asked } = question;
    const asks = [...asked.asks];
    const [named] = topics;
    if (named) return { ...this.#within(named, question), asks };
    const leaning = this.#leaning(context, typed, question, followUp);
    let inCall: FaqMatch | undefined;
    if (leaning) {
      const match = this.#within(leaning, question);
      inCall = match;
      // A bare fragment after an answer (« Ouidah » after the ministry call): about that topic, whose contact
      // knows, not a guess from whichever card shares the word.
      if (!match.confident && leaning === context.previousTopic && isFragment(question))
        return { ...this.#notInSources(leaning, question.asked, []), asks };
      // The second part of a question is about the first part's topic, or about nothing it can tell.
      if (match.unknown && context.step)
        return {
          ...match,
          asks,
          alternatives: this.#closestTo(`${question.subject} ${context.step}`, leaning),
        };
      if (match.confident || match.unknown || followUp) return { ...match, asks };
    }
    // A new question naming no topic is still the person's previous topic when a card of it answers (« comment
    // je m'inscris ? » after a local NEC question is how to apply, not the NEC ESS registration).
    const previous = context.previousTopic;
    if (previous !== undefined && previous !== leaning) {
      // (On words of its own that a card of that topic holds: a question of nothing but the scene, « quel temps
      // fait-il à Paris ? », is not that topic's overview.)
      const kept = this.#within(previous, question);
      if (kept.confident && (kept.matched?.length ?? 0) > 0) return { ...kept, asks };
    }
    // Every contact, on no topic in particular (« tous les mails de contact », "list all the contacts"): the card
    // giving them all.
    const contacts = this.kb.topic(CONTACTS_TOPIC)?.entries[0];
    const everyContact =
      asks.length > 0 && asks.every((ask) => CONTACT_ASKS.has(ask)) && typed.some((w) => ALL_OF.has(w));
    if (contacts && everyContact) return { ...sure(contacts), topic: CONTACTS_TOPIC, asks };
    // Inside an application, a question naming no topic is about the call: another topic's card that happens to
    // share its words ("the page limit for the application" is no local NEC card) is no answer.
    const anywhere = this.#anywhere(question);
    if (inCall && context.callId !== undefined && anywhere.confident && anywhere.topic !== leaning)
      return { ...inCall, asks };
    return { ...anywhere, asks };
  }

  /** The answer on a known topic: its entry holding the fact asked for, or "the sources don't say". */
  #within(topicId: string, question: Question): FaqMatch {
    const topic = this.kb.topic(topicId);
    if (!topic) return NO_MATCH;
    const { asked } = question;
    // « c'est où, l'adresse ? » on a topic giving places and no street address: the place, and the address is
    // said to be missing.
    const finer = finerUnknown(asked, (ask) => this.#holds.topicHolds(topicId, ask));
    if (finer.length > 0) {
      const broader = new Set([...asked.asks].filter((ask) => !finer.includes(ask)));
      const primary = new Set([...asked.primary].filter((ask) => broader.has(ask)));
      const match = this.#within(topicId, { ...question, asked: { ...asked, asks: broader, primary } });
      if (match.confident) return { ...match, missing: { asks: finer, years: [] } };
    }
    const asks = [...asked.asks];
    // On a known topic, when a kind of fact is asked, words the knowledge base has nowhere (« si j'ai un doute »)
    // cannot tell its entries apart: the topic and the ask decide; what the fact is asked *of* is checked apart
    // (objectTerms). So when it asks what the topic is (« c'est quoi concrètement ? ») or one thing of a kind
    // (« quels thèmes sont acceptés ? »: the entry must speak of themes). With nothing asked, such a word may be the
    // whole point (« le repas est compris ? »).
    const known = (w: string) => {
      const term = searchTerm(w);
      return term === null || this.#index.knows(term);
    };
    const asksNothing = asks.length === 0 && !asked.defines && !question.asksOf;
    const subject = asksNothing ? question.subject : words(question.subject).filter(known).join(' ');
    const ranked = this.#index
      .rank(subject, question.askTerms, { onTopic: true, optional: question.optionalTerms })
      .filter((r) => r.entry.topic === topicId);
    const subjectTerms = searchTerms(subject).filter(
      (term) =>
        !question.askTerms.has(term) &&
        !isContext(term) &&
        !question.optionalTerms.has(term) &&
        !QUESTION_WORDS.has(term),
    );
    // Nothing asked, and the question says more of what the sources never speak of than of what they do, the
    // topic apart (« il fait beau à Nancy ? », "is there parking at the Musée Social?"): not in the sources.
    if (asksNothing && !asked.defines && mostlyStrange(question, this.#index))
      return this.#notInSources(topicId, asked, ranked);
    if (subjectTerms.length === 0) {
      // Nothing but the topic's name, what is asked, a year or the scene: the overview, or the topic's entry that
      // holds the fact (the words there were, for the order).
      const [overview] = topic.entries;
      // (Not when it asks one thing of a kind the overview does not speak of: « quel hôtel réserver ? ».)
      if (
        asks.length === 0 &&
        asked.years.length === 0 &&
        overview &&
        this.#fit.speaksOf(overview, question.objectTerms)
      )
        return { ...sure(overview), topic: topicId };
      // No year named: the edition the topic is about, not an earlier one that happens to share the scene
      // (« le nec ess c'est à Bruxelles ? » is the 2025 edition, though 2023 was there too).
      // A fact asked for is better answered by the entry given to it (the first kind its `answers` lists) than by
      // one that touches on it, the overview least.
      const aside = (e: FaqEntry) =>
        Number(this.#holds.otherEdition(e, asked.years)) * 4 +
        Number(!asks.some((ask) => ask === e.answers[0])) * 2 +
        Number(e === overview);
      const entries = [...new Set([...ranked.map((r) => r.entry), ...topic.entries])].sort(
        (a, b) => aside(a) - aside(b),
      );
      const dated = entries.filter(
        (e) =>
          this.#holds.years(e, asked.years) &&
          this.#fit.speaksOf(e, question.objectTerms) &&
          this.#holds.counts(e, question.countTerms),
      );
      const holder =
        dated.find((e) => this.#holds.all(e, asks)) ?? dated.find((e) => this.#fit.holdsAsked(e, asked));
      if (!holder) return this.#notInSources(topicId, asked, ranked);
      return { ...sure(holder), topic: topicId, second: this.#fit.secondPart(holder, asks, entries) };
    }
    const yearKnown =
      asked.years.length === 0 || topic.entries.some((e) => this.#holds.years(e, asked.years));
    // A fact asked for a year (« combien de participants en 2023 ») must be held for that year.
    const holding = ranked
      .slice(0, ASK_DEPTH)
      .filter((r) => this.#fit.holds(r.entry, question, { yearsIfAsked: true }));
    const chosen = !yearKnown
      ? undefined
      : question.ofTopic
        ? this.#fit.mainHolder(holding, asks)
        : holding[0];
    if (!chosen) {
      if (asks.length > 0 || !yearKnown) return this.#notInSources(topicId, asked, ranked);
      return { ...this.#unsure(ranked), topic: topicId };
    }
    // The one entry of the topic holding the fact asked for is evidence enough (« combien d'euros peut-on obtenir
    // avec l'appel ? »): the topic and the ask point to it, whatever the other words.
    const holders = topic.entries.filter((e) => this.#holds.all(e, asks));
    const only =
      asks.length > 0 &&
      question.objectTerms.length === 0 &&
      holders.length === 1 &&
      holders[0] === chosen.entry;
    return this.#chosen(chosen, ranked, asks, only ? 0 : MIN_COVERAGE_NAMED);
  }

  /** The answer when the question names no topic: the best match, on its own topic, holding the fact asked. */
  #anywhere(question: Question): FaqMatch {
    const { asked } = question;
    const asks = [...asked.asks];
    const ranked = this.#index.rank(question.text, question.askTerms, { optional: question.optionalTerms });
    const [top] = ranked;
    if (!top) return NO_MATCH;
    const about = top.coverage >= MIN_COVERAGE_UNNAMED ? top.entry.topic : undefined;
    const onTopic = ranked.filter((r) => about === undefined || r.entry.topic === about);
    const chosen = onTopic.slice(0, ASK_DEPTH).find((r) => this.#fit.holds(r.entry, question));
    if (!chosen) {
      // Asked a fact of something only one topic's scene holds (« the address of the Brussels venue »): that
      // topic's "the sources don't say", with its contact.
      const scene = about ?? (asks.length > 0 ? sceneTopic(question, ranked, this.#index) : undefined);
      if (scene !== undefined && scene !== CONTACTS_TOPIC && (asks.length > 0 || asked.years.length > 0))
        return this.#notInSources(scene, asked, onTopic.length > 0 && about ? onTopic : ranked);
      return this.#unsure(ranked);
    }
    // Once the best match has settled the topic, another of its entries holding the fact asked for needs no more
    // than on a topic the question names.
    return this.#chosen(
      chosen,
      onTopic,
      asks,
      about === undefined ? MIN_COVERAGE_UNNAMED : MIN_COVERAGE_NAMED,
    );
  }

  /** A match on `chosen`, confident when it covers enough of the question, with a second part if asked. */
  #chosen(chosen: Ranked, ranked: Ranked[], asks: Ask[], minCoverage: number): FaqMatch {
    // An entry recording what the sources lack answers the question asking that fact, or one it matches well: not
    // one sharing a word with it (« peut-on *venir* avec son chien ? » is not about the NEC events « à venir »).
    const needed =
      chosen.entry.unknown && asks.length === 0
        ? Math.max(minCoverage, MIN_COVERAGE_RECORDED_UNKNOWN)
        : minCoverage;
    const confident = chosen.coverage >= needed;
    const rest = ranked.filter((r) => r !== chosen);
    return {
      entry: chosen.entry,
      second: confident
        ? this.#fit.secondPart(
            chosen.entry,
            asks,
            rest.map((r) => r.entry),
          )
        : undefined,
      score: chosen.score,
      coverage: chosen.coverage,
      matched: chosen.terms,
      threshold: needed,
      confident,
      alternatives: (confident ? rest : ranked)
        .filter(relevant)
        .slice(0, MAX_ALTERNATIVES)
        .map((r) => r.entry),
      topic: chosen.entry.topic,
    };
  }

  /** "The sources don't say": the topic is known, the fact asked for is not in it. */
  #notInSources(topicId: string, asked: Asked, ranked: Ranked[]): FaqMatch {
    return {
      ...this.#unsure(ranked),
      confident: false,
      topic: topicId,
      unknown: {
        asks: [...asked.asks],
        years: asked.years.filter((y) => !this.#holds.topicHoldsYear(topicId, y)),
      },
    };
  }

  /**
   * The topic a question that names none leans on: the previous question's for a follow-up (« et la date
   * limite ? »: nothing but what is asked, or opening with « et » / "and"), else the current call's.
   */
  #leaning(context: FaqContext, typed: string[], question: Question, followUp: boolean): string | undefined {
    const subjectless = searchTerms(question.subject).every(
      (term) => question.askTerms.has(term) || QUESTION_WORDS.has(term),
    );
    const continues =
      followUp || FOLLOW_UP_OPENERS.has(typed[0] ?? '') || subjectless || isFragment(question);
    if (context.previousTopic !== undefined && continues) return context.previousTopic;
    if (context.callId === undefined) return undefined;
    return this.kb.topics.find((t) => t.calls.includes(context.callId ?? ''))?.id;
  }

  /** The entries of a topic closest to some words, for the choices of a fallback. */
  #closestTo(text: string, topicId: string): FaqEntry[] {
    return this.#index
      .rank(text)
      .filter((r) => r.entry.topic === topicId)
      .slice(0, MAX_ALTERNATIVES)
      .map((r) => r.entry);
  }

  /** No sure answer: the closest entries, for the choices of the fallback. */
  #unsure(ranked: Ranked[]): FaqMatch {
    const [best] = ranked;
    return {
      entry: best?.entry,
      score: best?.score ?? 0,
      coverage: best?.coverage ?? 0,
      matched: best?.terms,
      confident: false,
      alternatives: ranked
        .filter(relevant)
        .slice(0, MAX_ALTERNATIVES)
        .map((r) => r.entry),
    };
  }
}

/** A bare fragment (« Ouidah », "the fee"): one word of subject, no kind of fact asked. */
function isFragment(question: Question): boolean {
  return (
    question.asked.asks.size === 0 &&
    searchTerms(question.subject).length === 1 &&
    words(question.said.join(' ')).length <= 2
  );
}

/** An alternative worth offering: it shares more than a stray common word with the question. */
function relevant(ranked: Ranked): boolean {
  return ranked.coverage >= 0.3;
}

/** A sure match on an entry found by what is asked alone (the question names the topic and nothing else). */
function sure(entry: FaqEntry): FaqMatch {
  return { entry, score: 0, coverage: 1, confident: true, alternatives: [] };
}
