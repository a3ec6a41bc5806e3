/**
 * The answer on a topic the question names or leans on: of that topic's entries, the one holding the kind of fact
 * asked (for the year named, of the thing it is asked of), ranked on the rest of the question's words — or "the
 * sources don't say" when none holds it. matching.ts decides the topic; this module chooses within it.
 */
import { finerUnknown, mostlyStrange } from './evidence.ts';
import { ASK_DEPTH, type EntryFit } from './fit.ts';
import type { Holdings } from './holding.ts';
import type { FaqEntry, KnowledgeBase } from './knowledge-base.ts';
import type { FaqMatch } from './match.ts';
import { QUESTION_WORDS, type Question } from './question.ts';
import { type FaqIndex, isContext } from './retrieval.ts';
import { searchTerm, searchTerms, words } from './terms.ts';
import { chosenMatch, MIN_COVERAGE_NAMED, NO_MATCH, notInSources, sure, unsure } from './verdicts.ts';

export class TopicAnswers {
  readonly #kb: KnowledgeBase;
  readonly #index: FaqIndex;
  readonly #holds: Holdings;
  readonly #fit: EntryFit;

  constructor(kb: KnowledgeBase, index: FaqIndex, holds: Holdings, fit: EntryFit) {
    this.#kb = kb;
    this.#index = index;
    this.#holds = holds;
    this.#fit = fit;
  }

  /** The answer on a known topic: its entry holding the fact asked for, or "the sources don't say". */
  answer(topicId: string, question: Question): FaqMatch {
    const topic = this.#kb.topic(topicId);
    if (!topic) return NO_MATCH;
    const { asked } = question;
    // « c'est où, l'adresse ? » on a topic giving places and no street address: the place, and the address is
    // said to be missing.
    const finer = finerUnknown(asked, (ask) => this.#holds.topicHolds(topicId, ask));
    if (finer.length > 0) {
      const broader = new Set([...asked.asks].filter((ask) => !finer.includes(ask)));
      const primary = new Set([...asked.primary].filter((ask) => broader.has(ask)));
      const match = this.answer(topicId, { ...question, asked: { ...asked, asks: broader, primary } });
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
      return notInSources(this.#holds, topicId, asked, ranked);
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
          this.#fit.givesWhatIsMeasured(e, question) &&
          this.#holds.years(e, asked.years) &&
          this.#fit.speaksOf(e, question.objectTerms) &&
          this.#holds.counts(e, question.countTerms),
      );
      const holder =
        dated.find((e) => this.#holds.all(e, asks)) ?? dated.find((e) => this.#fit.holdsAsked(e, asked));
      if (!holder) return notInSources(this.#holds, topicId, asked, ranked);
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
      if (asks.length > 0 || !yearKnown) return notInSources(this.#holds, topicId, asked, ranked);
      return { ...unsure(ranked), topic: topicId };
    }
    // The one entry of the topic holding the fact asked for is evidence enough (« combien d'euros peut-on obtenir
    // avec l'appel ? »): the topic and the ask point to it, whatever the other words.
    const holders = topic.entries.filter((e) => this.#holds.all(e, asks));
    const only =
      asks.length > 0 &&
      question.objectTerms.length === 0 &&
      holders.length === 1 &&
      holders[0] === chosen.entry;
    return chosenMatch(this.#fit, chosen, ranked, asks, only ? 0 : MIN_COVERAGE_NAMED);
  }
}
