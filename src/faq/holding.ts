/**
 * What an entry holds: the kinds of fact it answers (its `answers:`, plus the e-mail addresses, phone numbers
 * and web addresses its answer shows — read from the text, so no entry forgets to list them) and the years it
 * speaks of. matching.ts answers a question only from an entry holding what it asks.
 */
import type { Ask } from './ask-cues.ts';
import type { FaqEntry, KnowledgeBase } from './knowledge-base.ts';
import type { FigureLookup } from './render.ts';
import { searchTerm, words } from './terms.ts';

// `{figure:<call>.<name>}` or `{date:YYYY-MM-DD}` (render.ts fills them for display).
const PLACEHOLDER_DAY = /\{(?:figure|date):([a-z0-9_.-]+)(?:\|\w+)?\}/g;
const PERIOD = /\d{4}\s*[-–]\s*\d{4}/g;
// A sum in euros: a number or a figure placeholder, then the sign or the word.
const EURO_SUM = /(?:\d|\})\s?(?:€|euros?\b|EUR\b)/u;

/** What an answer's text shows by itself: an e-mail address, a phone number, a web address. */
const SHOWN: [Ask, RegExp][] = [
  ['email', /[\w.+-]+@[\w-]+(\.[\w-]+)+/u],
  ['phone', /(?:\+33\s?|\b0)[1-9](?:[\s.]?\d\d){4}\b/u],
  ['web', /https?:\/\/|\bwww\./u],
];

/** The kinds of fact an answer's text shows by itself (knowledge-base.ts checks that a listed one is shown). */
export function shownFacts(answer: string): Ask[] {
  return SHOWN.filter(([, pattern]) => pattern.test(answer)).map(([ask]) => ask);
}

/** The facts of the knowledge base's entries, read once. */
export class Holdings {
  readonly #kb: KnowledgeBase;
  readonly #figure: FigureLookup;
  readonly #facts = new Map<string, ReadonlySet<Ask>>();
  /** For each entry, the terms its answer gives a number of (« 30 NEC locaux », "900 participants"). */
  readonly #numbered = new Map<string, ReadonlySet<string>>();

  constructor(kb: KnowledgeBase, figure: FigureLookup) {
    this.#kb = kb;
    this.#figure = figure;
    for (const e of kb.entries) {
      this.#facts.set(e.id, new Set([...e.answers, ...shownFacts(`${e.answer.fr}\n${e.answer.en}`)]));
      // A placeholder counts as a number when it stands for one, not for a day.
      const numbers = `${e.answer.fr}\n${e.answer.en}`.replace(PLACEHOLDER_DAY, (_, ref: string) =>
        typeof this.#value(ref) === 'number' ? ' 0 ' : ' ',
      );
      this.#numbered.set(e.id, numberedTerms(numbers));
    }
  }

  /**
   * Whether an entry gives a number of each thing counted (« combien de collectivités ont le label ? » is not
   * answered by the card on Nancy, which names one collectivité and counts its inhabitants).
   */
  counts(entry: FaqEntry, counted: string[]): boolean {
    const numbered = this.#numbered.get(entry.id);
    return counted.every((term) => numbered?.has(term));
  }

  /**
   * Whether an entry's answer gives a sum in euros (« 948 € », "{figure:…} €"): a question asking a sum in euros
   * (« c'est combien d'euros ? ») is not answered by a share of a budget.
   */
  givesEuros(entry: FaqEntry): boolean {
    return EURO_SUM.test(`${entry.answer.fr}\n${entry.answer.en}`);
  }

  /** Whether an entry holds the kind of fact asked for (a contact is also given by an e-mail or a phone, a sum by a price). */
  answers(entry: FaqEntry, ask: Ask): boolean {
    const facts = this.#facts.get(entry.id) ?? new Set(entry.answers);
    if (ask === 'contact') return facts.has('contact') || facts.has('email') || facts.has('phone');
    // A sum asked without saying which (« c'est combien ? ») may be a price.
    if (ask === 'amount') return facts.has('amount') || facts.has('price');
    return facts.has(ask);
  }

  /** Whether any entry holds that kind of fact. */
  anywhere(ask: Ask): boolean {
    return this.#kb.entries.some((e) => this.answers(e, ask));
  }

  /** Whether an entry holds one of the facts asked for (any entry, when nothing in particular is asked). */
  any(entry: FaqEntry, asks: Ask[]): boolean {
    return asks.length === 0 || asks.some((ask) => this.answers(entry, ask));
  }

  all(entry: FaqEntry, asks: Ask[]): boolean {
    return asks.every((ask) => this.answers(entry, ask));
  }

  /** Whether the fact asked for is the entry's main one (the first its `answers` lists). */
  mainly(entry: FaqEntry, asks: Ask[]): boolean {
    return asks.some((ask) => ask === entry.answers[0]);
  }

  /**
   * Whether an entry is about another edition than its topic's (its title names a year the topic's does not:
   * « L'édition NEC ESS Europe 2023 ») while the question names no year.
   */
  otherEdition(entry: FaqEntry, years: string[]): boolean {
    if (years.length > 0) return false;
    const topicTitle = this.#kb.topic(entry.topic)?.title.fr ?? '';
    return (entry.title.fr.match(/\b(19|20)\d\d\b/g) ?? []).some((year) => !topicTitle.includes(year));
  }

  /** Whether any entry of a topic holds that kind of fact. */
  topicHolds(topicId: string, ask: Ask): boolean {
    return (this.#kb.topic(topicId)?.entries ?? []).some((e) => !e.unknown && this.answers(e, ask));
  }

  /** Whether any entry of a topic speaks of a year. */
  topicHoldsYear(topicId: string, year: string): boolean {
    return (this.#kb.topic(topicId)?.entries ?? []).some((e) => this.years(e, [year]));
  }

  /** What a placeholder stands for: a call's figure (`<call>.<name>`), or the day a `{date:…}` gives. */
  #value(ref: string): number | string | undefined {
    const [call = '', name = ''] = ref.split('.');
    return ref.includes('.') ? this.#figure(call, name) : ref;
  }

  /** Whether an entry speaks of every year a question names (« NEC ESS 2026 » is not the 2025 edition). */
  years(entry: FaqEntry, years: string[]): boolean {
    if (years.length === 0) return true;
    // The days an answer's placeholders stand for count by their year; nothing needs formatting for that.
    const text = [entry.answer.fr, entry.answer.en, entry.title.fr, entry.title.en]
      .join(' ')
      .replace(PLACEHOLDER_DAY, (whole, ref: string) => {
        const value = this.#value(ref);
        return typeof value === 'string' ? value : whole;
      });
    // A period (« 2024-2026 ») is not an edition: only a year standing alone counts, unless the question names the
    // period itself (« en 2018-2019 »).
    const periods = text.match(PERIOD) ?? [];
    if (years.length > 1 && periods.some((period) => years.every((year) => period.includes(year))))
      return true;
    const standing = text.replace(PERIOD, ' ');
    return years.every((year) => standing.includes(year));
  }
}

// Numbers written as words (« trois fois par an », "four times").
const NUMBER_WORDS = new Set(
  (
    'deux trois quatre cinq six sept huit neuf dix onze douze quinze vingt trente cent cents mille ' +
    'two three four five six seven eight nine ten eleven twelve fifteen twenty thirty hundred thousand dozen'
  ).split(' '),
);
// How many words after a number may name what it counts (« 150 *personnes* », « 26 *labels* »).
const COUNTED_WITHIN = 2;
const MONTHS = new Set(
  (
    'janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre ' +
    'january february march april may june july august september october november december'
  ).split(' '),
);

/** The search terms an answer's numbers count: those of the few words after each number or figure. */
function numberedTerms(answer: string): Set<string> {
  const typed = words(answer);
  const terms = new Set<string>();
  typed.forEach((word, at) => {
    if (!/^\d/.test(word) && !NUMBER_WORDS.has(word)) return;
    // A day (« le 26 novembre ») counts nothing.
    if (MONTHS.has(typed[at + 1] ?? '')) return;
    for (const next of typed.slice(at + 1, at + 1 + COUNTED_WITHIN)) {
      const term = searchTerm(next);
      if (term !== null) terms.add(term);
    }
  });
  return terms;
}
