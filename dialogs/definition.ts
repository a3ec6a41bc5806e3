/** What a dialog is: data (ordered steps, prompts, help) plus a few small functions (conditions). */
import type { Localized } from '../src/core/i18n.ts';
import type { Answers } from './application.ts';

/** One step: asks for one slot of the call. The slot's type, label and choices come from the call file. */
export interface StepDefinition {
  slot: string;
  prompt: Localized;
  /** The prompt once the call is closed, for a step about its (now past) event: in the past tense. */
  pastPrompt?: Localized;
  /** What `help` says at this step: why it is asked and what fits. */
  help: Localized;
  /** The step is asked only when this holds (e.g. which local authority, only if there is one). */
  onlyIf?: (answers: Answers) => boolean;
  /** Whether `skip` may leave it missing; defaults to the call file's `optional`. */
  optional?: boolean;
  /** Bounds of a count. */
  min?: number;
  max?: number;
  /** A date that must be today or later (an event to come). */
  future?: boolean;
  /** Other words for a choice, by choice id, typed without accents (`mairie` → local_authority). */
  keywords?: Record<string, string[]>;
}

/** A part of the exported dossier: a heading and the slots it shows. */
export interface DossierSection {
  title: Localized;
  slots: string[];
}

export interface DialogDefinition {
  /** The call it prepares an application to (same id as the call file). */
  id: string;
  /** Plain phrases that start it (on normalised text), besides `apply <id>`. */
  startPhrases: RegExp[];
  steps: StepDefinition[];
  /** The application file's structure as the source asks for it. */
  dossier: DossierSection[];
}

/** Words that say someone wants to do something now, rather than asking about it. */
export const WANTS =
  /\b(je veux|je voudrais|j'aimerais|je souhaite|nous voulons|nous souhaitons|on veut|on voudrait|nous aimerions|i want|i'd like|i would like|we want|we'd like|we would like|let's|let us|help me|aidez-moi a|commencer|demarrer)\b/;
