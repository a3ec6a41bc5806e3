/** The FAQ feature, assembled: knowledge base, search service, unanswered log, pipeline step and commands. */
import type { Config } from '../config.ts';
import type { Middleware } from '../core/bot.ts';
import type { Clock } from '../core/clock.ts';
import type { Command } from '../core/commands.ts';
import type { AtomicOps } from '../store/atomic.ts';
import type { UserRecords } from '../store/user-records.ts';
import { type CurrentCall, faqCommand, unansweredCommand } from './commands.ts';
import { loadKnowledgeBase } from './knowledge-base.ts';
import { answerQuestions } from './middleware.ts';
import type { FigureLookup } from './render.ts';
import { FaqService } from './service.ts';
import { UnansweredLog } from './unanswered.ts';

export { type CurrentCall, talkToPersonCommand } from './commands.ts';
export type { FaqEntry } from './knowledge-base.ts';
export type { FaqMatch } from './service.ts';
export { FaqService } from './service.ts';

/** What the app gets: the service (`App.faq`), its pipeline step and its commands. */
export interface FaqFeature {
  service: FaqService;
  unanswered: UnansweredLog;
  middleware: Middleware;
  commands: Command[];
}

export interface FaqFeatureOptions {
  atomic: AtomicOps;
  /** The people's records: each keeps which unanswered questions they asked, for "forget me". */
  records: UserRecords;
  clock: Clock;
  config: Config;
  /** Figures of the call files (`callFigure`), so FAQ answers and rules share one number. */
  figure: FigureLookup;
  /** The call the person is preparing (or choosing to), whose entries come first for a question asked then. */
  currentCall: CurrentCall;
  /** Where the entry files are (tests point elsewhere); the shipped `src/faq/entries` by default. */
  entriesDir?: string;
}

/** Loads the knowledge base (throws naming the faulty file) and builds the feature. */
export function createFaq({
  atomic,
  records,
  clock,
  config,
  figure,
  currentCall,
  entriesDir,
}: FaqFeatureOptions): FaqFeature {
  const service = new FaqService({
    kb: loadKnowledgeBase(entriesDir),
    clock,
    timezone: config.BOT_TIMEZONE,
    figure,
  });
  const unanswered = new UnansweredLog(atomic, clock, records);
  return {
    service,
    unanswered,
    middleware: answerQuestions(service, unanswered, currentCall),
    commands: [faqCommand(service, unanswered, currentCall), unansweredCommand(unanswered)],
  };
}
