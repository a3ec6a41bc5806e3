/** The pipeline step of the dialogs: an application in progress reads each message as an answer to its step. */
import type { Middleware } from '../src/core/bot.ts';
import { turnEvent } from '../src/core/once.ts';
import { asksProgress } from '../src/understanding/progress-asked.ts';
import { readsAsQuestion } from '../src/understanding/questions.ts';
import type { DialogEngine } from './engine.ts';
import { onlyAsksToApply } from './restart.ts';

/** Placed after `runCommands`: dialog-scoped words (help, status, cancel, back, skip) arrive here while a dialog runs. */
export function dialogMiddleware(engine: DialogEngine): Middleware {
  return async (turn, next) => {
    const application = await engine.active(turn);
    if (!application) {
      const dialog = turn.command ? undefined : engine.dialogForPhrase(turn);
      if (dialog) return engine.start(turn, dialog, turn.message.text);
      // « qu'est-ce qui manque ? » after the summary: the latest application's status, not the FAQ.
      const latest = !turn.command && asksProgress(turn.message.text) ? await engine.latest(turn) : undefined;
      return latest ? engine.status(turn, latest) : next();
    }
    // This event's turn already changed the application, then its process died before writing the person's
    // state (src/ops/inbox.ts runs it again): asked where it stands, not read again as the next step's answer.
    const event = turnEvent(turn.message);
    if (event && application.lastEvent === event) return engine.ask(turn, application);
    const match = turn.command;
    // A command word followed by text that does not fit it ("Open Lab Co", "Aide et Action") is an answer.
    if (
      match &&
      (match.bare ||
        match.command.accepts?.(match.args) ||
        (await engine.fitsCommand(turn, application, match.command.id, match.args)))
    )
      return match.command.run(turn, match.args);
    // « salut, je veux candidater pour un NEC local », back days later: where the application stands, not an answer.
    // The cheap test first: reading which dialog a message starts may read its facts.
    const text = turn.message.text;
    const restart =
      (!match || match.command.id === 'welcome') && engine.dialogs.some((d) => onlyAsksToApply(text, d))
        ? engine.dialogForPhrase(turn)
        : undefined;
    if (restart && onlyAsksToApply(text, restart)) return engine.start(turn, restart);
    // An answer (a name, a place) says nothing of the language wanted: the dialog keeps its language. A
    // question ("what counts as a partner?" in a French application) is answered in its own, this once.
    if (turn.state.lang && !turn.state.langChosen) {
      if (readsAsQuestion(turn.message.text)) turn.langThisTurnOnly = turn.lang !== turn.state.lang;
      else turn.lang = turn.state.lang;
    }
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
    if (!match || match.bare || match.command.id !== 'welcome' || turn.state.activeApplication) return next();
    const dialog = engine.dialogForPhrase(turn);
    if (!dialog) return next();
    turn.command = undefined;
    await engine.start(turn, dialog, turn.message.text);
  };
}

/**
 * Placed before the confirmations and the commands: whatever else a message in the middle of an application
 * was (a command, a question, a greeting, a declined « annuler »), the turn ends by asking the current step
 * again, in one line — unless the turn asked it already, or asks a yes/no question of its own.
 */
export function reaskMiddleware(engine: DialogEngine): Middleware {
  return async (turn, next) => {
    const before = turn.state.activeApplication;
    await next();
    if (!before || turn.discardState || turn.state.pending || turn.state.activeApplication !== before) return;
    const application = await engine.active(turn);
    if (!application?.currentSlot) return;
    const asked = turn.replies.some(
      (r) => r.data?.slot === application.currentSlot && r.data?.application === application.id,
    );
    if (!asked) engine.reask(turn, application);
  };
}
