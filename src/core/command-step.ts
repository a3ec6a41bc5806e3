/** The pipeline step that runs commands, checking the community-manager role where a command needs it. */
import type { Middleware } from './bot.ts';

export const runCommands: Middleware = async (turn, next) => {
  const match = turn.command;
  if (!match) return next();
  if (!match.bare && match.command.accepts && !match.command.accepts(match.args)) return next();
  // A dialog in progress answers help / status / cancel about itself.
  if (match.command.dialogScoped && turn.state.activeApplication) return next();
  if (match.command.managerOnly && !turn.message.isManager) {
    turn.say({
      intent: 'forbidden',
      // What the command does, so the refusal says what was asked of whom (« abonner ce canal aux échéances… »).
      text: turn.t(
        {
          fr: 'Seuls les community managers peuvent utiliser cette commande ({does}). Demandez à l’un d’eux si besoin.',
          en: 'Only community managers can use this command ({does}). Ask one of them if needed.',
        },
        { does: turn.t(match.command.summary) },
      ),
    });
    return;
  }
  await match.command.run(turn, match.args);
};
