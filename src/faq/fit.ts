/**
 * Whether an entry fits what a question asks: it holds the kind of fact asked (its `answers:`), for the year
 * named, of the thing the fact is asked of, with a number of what is counted. matching.ts ranks; this judges.
 */
import type { Ask } from './ask-cues.ts';
import type { Asked } from './asks.ts';
import type { Holdings } from './holding.ts';
import type { FaqEntry } from './knowledge-base.ts';
import type { Question } from './question.ts';
import type { FaqIndex, Ranked } from './retrieval.ts';

// How far down the lexical ranking an entry holding the asked-for fact is looked for.
export const ASK_DEPTH = 12;

export class EntryFit {
  readonly #holds: Holdings;
  readonly #index: FaqIndex;

  constructor(holds: Holdings, index: FaqIndex) {
    this.#holds = holds;
    this.#index = index;
  }

  /**
   * Whether an entry holds what a question asks of it: the fact, for the year it names, of what it is asked of,
   * with a number of what is counted. `yearsIfAsked`: the year binds only when a kind of fact is asked; with none,
   * the year is one of the words the ranking weighs.
   */
  holds(entry: FaqEntry, question: Question, { yearsIfAsked = false } = {}): boolean {
    const { asked } = question;
    const yearBinds = !yearsIfAsked || asked.asks.size > 0;
    return (
      this.givesWhatIsMeasured(entry, question) &&
      this.holdsAsked(entry, asked) &&
      (!yearBinds || this.#holds.years(entry, asked.years)) &&
      this.speaksOf(entry, question.objectTerms) &&
      this.#holds.counts(entry, question.countTerms)
    );
  }

  /**
   * Whether an entry holds a fact the question asks, and every fact it asks *of* something, and every fact it
   * asks that no entry holds (« à quelle heure peut-on appeler Morgane Millon ? »: the sources give no hours, so
   * her phone number is no answer).
   */
  holdsAsked(entry: FaqEntry, asked: Asked): boolean {
    // The next edition is never answered by a past one, whatever else it holds ("where will the next one be?").
    const required = [...asked.asks].filter(
      (ask) => ask === 'next' || asked.primary.has(ask) || !this.#holds.anywhere(ask),
    );
    return this.#holds.any(entry, [...asked.asks]) && this.#holds.all(entry, required);
  }

  /**
   * Whether an entry speaks of the event of the scale asked (« le NEC *national* ») and, for a sum asked in euros,
   * gives one (an entry recording what the sources lack answers that it is not there).
   */
  givesWhatIsMeasured(entry: FaqEntry, question: Question): boolean {
    const scaled = question.scaledTo?.has(entry.id) ?? true;
    return scaled && (!question.inEuros || entry.unknown || this.#holds.givesEuros(entry));
  }

  /** Whether an entry speaks of every thing a fact is asked of (a word naming it, or a typo of one). */
  speaksOf(entry: FaqEntry, objects: string[][]): boolean {
    return objects.every((terms) => terms.some((term) => this.#index.holds(entry.id, term)));
  }

  /**
   * For a fact asked of the topic itself (« combien de NEC locaux ont été organisés ? »), the entry holding it
   * with the best evidence: the best-ranked, unless one covering as much of the question gives that fact as its
   * main one (the figures card, not the card on who may organise one that gives a count in passing).
   */
  mainHolder(holding: Ranked[], asks: Ask[]): Ranked | undefined {
    const [first] = holding;
    if (!first || this.#holds.mainly(first.entry, asks)) return first;
    return holding.find((r) => this.#holds.mainly(r.entry, asks) && r.coverage >= first.coverage) ?? first;
  }

  /** For a question asking two things, an entry of the same topic answering what the chosen one does not. */
  secondPart(chosen: FaqEntry, asks: Ask[], others: FaqEntry[]): FaqEntry | undefined {
    // A count of places (« combien d'étapes ? ») asks figures or places: either one answers it.
    const countOfPlaces = asks.includes('figures') && asks.includes('place');
    const placesHeld =
      countOfPlaces && (this.#holds.answers(chosen, 'figures') || this.#holds.answers(chosen, 'place'));
    const missing = asks.filter(
      (ask) => !this.#holds.answers(chosen, ask) && !(placesHeld && (ask === 'figures' || ask === 'place')),
    );
    if (missing.length === 0 || missing.length === asks.length) return undefined;
    return others
      .slice(0, ASK_DEPTH)
      .find((e) => e !== chosen && e.topic === chosen.topic && this.#holds.all(e, missing));
  }
}
