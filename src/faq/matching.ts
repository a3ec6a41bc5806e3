/**
 * How the FAQ chooses the entry that answers a question: the topic it names (or leans on), what it asks for
 * (asks.ts) and the entries of that topic holding that kind of fact, ranked on the rest of its words
 * (retrieval.ts). When the topic is known but none of its entries holds the fact, the match says so.
 */
import type { Ask } from './ask-cues.ts';
import { readAsks } from './asks.ts';
import { sceneTopic } from './evidence.ts';
import { ASK_DEPTH, EntryFit } from './fit.ts';
import { Holdings } from './holding.ts';
import { isUnreadable, readableText } from './input.ts';
import type { FaqEntry, KnowledgeBase } from './knowledge-base.ts';
import { QuestionLanguage } from './language.ts';
import { isFragment, leaningTopic } from './leaning.ts';
import type { FaqContext, FaqMatch } from './match.ts';
import { twoParts, twoSentences } from './parts.ts';
import { properNames, type Question, QuestionReader } from './question.ts';
import type { FigureLookup } from './render.ts';
import { FaqIndex } from './retrieval.ts';
import { withoutFewWords, words } from './terms.ts';
import { TopicFinder } from './topics.ts';
import {
  chosenMatch,
  MAX_ALTERNATIVES,
  MIN_COVERAGE_NAMED,
  MIN_COVERAGE_UNNAMED,
  NO_MATCH,
  notInSources,
  sure,
  unsure,
} from './verdicts.ts';
import { TopicAnswers } from './within-topic.ts';

export type { FaqContext, FaqMatch } from './match.ts';

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
  readonly #topicAnswers: TopicAnswers;
  /** The language a question is written in, its topics' names set aside. */
  readonly language: QuestionLanguage;

  constructor(kb: KnowledgeBase, figure: FigureLookup) {
    this.kb = kb;
    this.#holds = new Holdings(kb, figure);
    this.#index = new FaqIndex(kb);
    this.#fit = new EntryFit(this.#holds, this.#index);
    this.#topics = new TopicFinder(kb);
    this.#reader = new QuestionReader(kb, this.#index, this.#topics);
    this.#topicAnswers = new TopicAnswers(kb, this.#index, this.#holds, this.#fit);
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
    if (named) return { ...this.#topicAnswers.answer(named, question), asks };
    const leaning = leaningTopic(this.kb, context, typed, question, followUp);
    let inCall: FaqMatch | undefined;
    if (leaning) {
      const match = this.#topicAnswers.answer(leaning, question);
      inCall = match;
      // A bare fragment after an answer (« Ouidah » after the ministry call): about that topic, whose contact
      // knows, not a guess from whichever card shares the word.
      if (!match.confident && leaning === context.previousTopic && isFragment(question))
        return { ...notInSources(this.#holds, leaning, question.asked, []), asks };
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
      const kept = this.#topicAnswers.answer(previous, question);
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
        return notInSources(this.#holds, scene, asked, onTopic.length > 0 && about ? onTopic : ranked);
      return unsure(ranked);
    }
    // Once the best match has settled the topic, another of its entries holding the fact asked for needs no more
    // than on a topic the question names.
    return chosenMatch(
      this.#fit,
      chosen,
      onTopic,
      asks,
      about === undefined ? MIN_COVERAGE_UNNAMED : MIN_COVERAGE_NAMED,
    );
  }

  /** The entries of a topic closest to some words, for the choices of a fallback. */
  #closestTo(text: string, topicId: string): FaqEntry[] {
    return this.#index
      .rank(text)
      .filter((r) => r.entry.topic === topicId)
      .slice(0, MAX_ALTERNATIVES)
      .map((r) => r.entry);
  }
}
