/**
 * What an entry holds: the kinds of fact it answers (its `answers:`, plus the e-mail addresses, phone numbers
 * and web addresses its answer shows — read from the text, so no entry forgets to list them) and the years it
 * speaks of. matching.ts answers a question only from an entry holding what it asks.
 */
import type { Ask } from './ask-cues.ts';
import type { FaqEntry, KnowledgeBase } from './knowledge-base.ts';
import type { FigureLookup } from './render.ts';

// `{figure:<call>.<name>}` or `{date:YYYY-MM-DD}` (render.ts fills them for display).
const PLACEHOLDER_DAY = /\{(?:figure|date):([a-z0-9_.-]+)(?:\|\w+)?\}/g;
const PERIOD = /\d{4}\s*[-–]\s*\d{4}/g;

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

  constructor(kb: KnowledgeBase, figure: FigureLookup) {
    this.#kb = kb;
    this.#figure = figure;
    for (const e of kb.entries)
      this.#facts.set(e.id, new Set([...e.answers, ...shownFacts(`${e.answer.fr}\n${e.answer.en}`)]));
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

  /** Whether an entry speaks of every year a question names (« NEC ESS 2026 » is not the 2025 edition). */
  years(entry: FaqEntry, years: string[]): boolean {
    if (years.length === 0) return true;
    // The days an answer's placeholders stand for count by their year; nothing needs formatting for that.
    const text = [entry.answer.fr, entry.answer.en, entry.title.fr, entry.title.en]
      .join(' ')
      .replace(PLACEHOLDER_DAY, (whole, ref: string) => {
        const [call = '', name = ''] = ref.split('.');
        const value = ref.includes('.') ? this.#figure(call, name) : ref;
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
