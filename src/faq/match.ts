/**
 * What the FAQ's matching tells of a question (the entry chosen, how sure, what the sources lack) and where the
 * question is asked (an application, a previous question): the seam between matching.ts and the replies.
 */
import type { Ask } from './ask-cues.ts';
import type { FaqEntry } from './knowledge-base.ts';

/** What a question matched. `confident: false` means the bot must not answer with `entry`. */
export interface FaqMatch {
  /** The chosen entry, if any word matched at all. */
  entry?: FaqEntry;
  /** A second entry, for a question asking two things that two entries answer. */
  second?: FaqEntry;
  score: number;
  /** Share of the question's subject the chosen entry covers (0–1). */
  coverage: number;
  confident: boolean;
  /** The next closest entries (up to three), offered when the bot is not sure. */
  alternatives: FaqEntry[];
  /** The topic the question is about, when it is known (named, or that of a confident entry). */
  topic?: string;
  /** The topic is known but none of its entries holds the fact asked for: the sources do not say it. */
  unknown?: { asks: Ask[]; years: string[] };
  /**
   * Answered in part: what the question also asks that the sources do not hold (« c'est où, l'adresse ? »: the
   * venue is answered, the street address is not in them), said after the answer.
   */
  missing?: { asks: Ask[]; years: string[] };
  /** The evidence, for a manager trying a question: the kinds of fact it asks for (date, contact…). */
  asks?: Ask[];
  /** The question's search terms the chosen entry matched. */
  matched?: string[];
  /** The coverage the chosen entry needed to be answered with, when coverage decided. */
  threshold?: number;
}

/** Where a question is asked: it may lean on what came before. */
export interface FaqContext {
  /** The call whose application is in progress: its topic's entries come first. */
  callId?: string;
  /** The topic of the person's previous question: a follow-up (« et la date limite ? ») stays on it. */
  previousTopic?: string;
  /**
   * The words of the application's current step (its label and help): when the sources do not hold what is
   * asked there (« ça compte les intervenants ? » at the attendance step), what they say of that step is offered.
   */
  step?: string;
}
