/**
 * What the greeting and `help` know of the person they speak to: an application in progress and where it
 * stands, whether they have any application, the last one finished, the calls open today. The composition root builds it from the
 * dialogs and the calls, so neither the greeting nor `help` reaches into them.
 */
import type { Turn } from './turn.ts';

/** An application in progress, as the greeting and `help` describe it. */
export interface ApplicationInProgress {
  id: string;
  callId: string;
  callName: string;
  answered: number;
  /** Step k, and the questions left after it. */
  index: number;
  remaining: number;
  /** The current step: its label, its help and what an answer looks like (none for free text). */
  step: { label: string; help: string; example?: string };
}

/** A finished application, as the greeting names it. */
export interface CompletedApplication {
  id: string;
  callName: string;
}

export interface Situation {
  inProgress(turn: Turn): Promise<ApplicationInProgress | undefined>;
  hasApplications(turn: Turn): Promise<boolean>;
  /** The person's most recently finished application, if any. */
  lastCompleted(turn: Turn): Promise<CompletedApplication | undefined>;
  /** The calls open today, by name in the turn's language, with their id (what `candidater <id>` takes). */
  openCalls(turn: Turn): Array<{ id: string; name: string }>;
}
