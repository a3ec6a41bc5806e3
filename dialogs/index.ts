/** The guided application dialogs: the engine, its commands and its pipeline step, for the composition root. */
import type { Middleware } from '../src/core/bot.ts';
import type { Command } from '../src/core/commands.ts';
import type { Lang } from '../src/core/i18n.ts';
import type { ApplicationForm } from '../src/core/message.ts';
import type { UserKey } from '../src/store/user-records.ts';
import { localNec } from './calls/local-nec.ts';
import { meaeNir } from './calls/meae-nir.ts';
import { necEssTravel } from './calls/nec-ess-travel.ts';
import { dialogCommands } from './commands.ts';
import { DialogContext, type DialogDeps } from './context.ts';
import { DialogEngine } from './engine.ts';
import { applicationForm, formMiddleware } from './form.ts';
import { dialogMiddleware, openingMiddleware, reaskMiddleware } from './middleware.ts';
import { nativeAnswers } from './native-answer.ts';

export type { Answers, AnswerValue, Application } from './application.ts';
export type { DialogDeps, FaqPort, ReminderPort } from './context.ts';
export { FORM_INVALID } from './form.ts';

/** Every dialog, one per call file it prepares an application to. */
export const DIALOGS = [localNec, meaeNir, necEssTravel];

export interface Dialogs {
  engine: DialogEngine;
  commands: Command[];
  middleware: Middleware;
  /** Before the commands: a greeting followed by what the person wants to do starts that dialog. */
  openings: Middleware;
  /** Before the confirmations: a turn mid-application that did not ask its step ends by asking it again. */
  reask: Middleware;
  /**
   * Native inputs: `form` reads an application as one form (Slack's modal); `middleware` saves a submitted
   * form and refuses an answer from an older question's control (a date picker, a poll).
   */
  native: {
    form(user: UserKey, applicationId: string, lang: Lang): Promise<ApplicationForm | undefined>;
    middleware: Middleware[];
  };
}

/** Builds the dialogs over the app's store, confirmations, clock and calls. */
export function createDialogs(deps: DialogDeps): Dialogs {
  const engine = new DialogEngine(deps, DIALOGS);
  const forms = new DialogContext(deps, DIALOGS);
  return {
    engine,
    commands: dialogCommands(engine, deps.timezone, () => deps.clock.now()),
    middleware: dialogMiddleware(engine),
    openings: openingMiddleware(engine),
    reask: reaskMiddleware(engine),
    native: {
      form: (user, applicationId, lang) => applicationForm(forms, user, applicationId, lang),
      middleware: [formMiddleware(forms), nativeAnswers(forms)],
    },
  };
}
