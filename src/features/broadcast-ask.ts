/**
 * A broadcast asked for in words (`askedAction` of the understanding layer: « je voudrais envoyer un message à tout
 * le monde pour la date limite »): a manager gets the managers' commands (`aide diffusions`), anyone else is told
 * who may broadcast and how to get a reminder of their own. Placed after the dialogs (at a step the words are the
 * step's) and before the FAQ, which has no card for it and would answer with the nearest deadline.
 */
import type { Middleware } from '../core/bot.ts';
import type { Command } from '../core/commands.ts';
import { askedAction } from '../understanding/asked-actions.ts';

export function broadcastAsks(help: Command): Middleware {
  return async (turn, next) => {
    if (turn.dropped || askedAction(turn.message.text) !== 'broadcast') return next();
    if (turn.message.isManager) {
      await help.run(turn, turn.lang === 'fr' ? 'diffusions' : 'broadcasts');
      return;
    }
    turn.say({
      intent: 'broadcast-ask',
      text: turn.t({
        fr: 'Programmer un message pour tout un canal est réservé aux community managers de l’espace : demandez à l’un d’eux. Pour un rappel à vous seul·e : « rappelle-moi <quand> de <quoi> », par exemple « rappelle-moi demain à 10h de relire le dossier ».',
        en: 'Scheduling a message for a whole channel is for the workspace’s community managers: ask one of them. For a reminder of your own: “remind me <when> to <what>”, for example “remind me tomorrow at 10am to reread the file”.',
      }),
    });
  };
}
