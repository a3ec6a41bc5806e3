/** The pipeline step of the dialogs: an application in progress reads each message as an answer to its step. */
import type { Middleware } from '../src/core/bot.ts';
import type { DialogEngine } from './engine.ts';

/** Placed after `runCommands`: dialog-scoped words (help, status, cancel, back, skip) arrive here while a dialog runs. */
export function dialogMiddleware(engine: DialogEngine): Middleware {
  return async (turn, next) => {
    const application = await engine.active(turn);
    if (!application) {
      const dialog = turn.command ? undefined : engine.dialogForPhrase(turn.message.text);
      return dialog ? engine.start(turn, dialog, turn.message.text) : next();
    }
    const match = turn.command;
    if (match?.bare && match.command.id === 'help') return engine.help(turn, application);
    // A command word followed by text that does not fit it ("Open Lab Co", "Aide et Action") is an answer.
    if (match && (match.bare || (await engine.fitsCommand(turn, application, match.command.id, match.args))))
      return match.command.run(turn, match.args);
    // An answer (a name, a place) says nothing of the language wanted: the dialog keeps its language.
    if (turn.state.lang && !turn.state.langChosen) turn.lang = turn.state.lang;
    await engine.answer(turn, application, turn.message.text);
  };
}

/**
 * Placed before `runCommands`: a greeting that goes on to say what the person wants (« Bonjour, nous voulons
 * organiser un NEC local… ») starts that dialog rather than the greeting's help.
 */
export function openingMiddleware(engine: DialogEngine): Middleware {
  return async (turn, next) => {
    const match = turn.command;
    if (!match || match.bare || match.command.id !== 'help' || turn.state.activeApplication) return next();
    const dialog = engine.dialogForPhrase(turn.message.text);
    if (!dialog) return next();
    turn.command = undefined;
    await engine.start(turn, dialog, turn.message.text);
  };
}
