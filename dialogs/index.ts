/** The guided application dialogs: the engine, its commands and its pipeline step, for the composition root. */
import type { Middleware } from '../src/core/bot.ts';
import type { Command } from '../src/core/commands.ts';
import { localNec } from './calls/local-nec.ts';
import { meaeNir } from './calls/meae-nir.ts';
import { necEssTravel } from './calls/nec-ess-travel.ts';
import { dialogCommands } from './commands.ts';
import type { DialogDeps } from './context.ts';
import { DialogEngine } from './engine.ts';
import { dialogMiddleware, openingMiddleware } from './middleware.ts';

export type { Answers, AnswerValue, Application } from './application.ts';
export type { DialogDeps, FaqPort, ReminderPort } from './context.ts';

/** Every dialog, one per call file it prepares an application to. */
export const DIALOGS = [localNec, meaeNir, necEssTravel];

export interface Dialogs {
  engine: DialogEngine;
  commands: Command[];
  middleware: Middleware;
  /** Before the commands: a greeting followed by what the person wants to do starts that dialog. */
  openings: Middleware;
}

/** Builds the dialogs over the app's store, confirmations, clock and calls. */
export function createDialogs(deps: DialogDeps): Dialogs {
  const engine = new DialogEngine(deps, DIALOGS);
  return {
    engine,
    commands: dialogCommands(engine, deps.timezone, () => deps.clock.now()),
    middleware: dialogMiddleware(engine),
    openings: openingMiddleware(engine),
  };
}
