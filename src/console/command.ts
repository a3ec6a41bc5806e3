/** `console` (the same word in French and English): a manager gets, privately, a single-use sign-in link. */
import type { Command } from '../core/commands.ts';
import type { ManagerScope } from './sign-in.ts';

export interface ConsoleCommandOptions {
  /** Mints the link for a manager; undefined when no HTTP server serves the console. */
  link(manager: ManagerScope, lang: 'fr' | 'en', zone: string): Promise<string | undefined>;
  /** Matrix managers named in MATRIX_MANAGERS manage every room; others only the room they asked from. */
  listedManagers: readonly string[];
  defaultZone: string;
}

export function consoleCommand(options: ConsoleCommandOptions): Command {
  return {
    id: 'console',
    aliases: { en: ['console'], fr: ['console'] },
    managerOnly: true,
    summary: {
      fr: 'un lien privé vers la console web',
      en: 'a private link to the web console',
    },
    async run(turn) {
      const { ref } = turn.message;
      const roomScoped = ref.platform === 'matrix' && !options.listedManagers.includes(turn.message.userId);
      const manager: ManagerScope = {
        platform: ref.platform,
        workspace: ref.workspace,
        userId: turn.message.userId,
        ...(roomScoped ? { rooms: [ref.roomId] } : {}),
      };
      const url = await options.link(manager, turn.lang, turn.timezone(options.defaultZone));
      if (!url) {
        turn.say({
          intent: 'console:unavailable',
          text: turn.t({
            fr: 'La console web n’est pas servie par ce bot : il lui faut un port HTTP (PORT ou METRICS_PORT, voir docs/console.md).',
            en: 'This bot does not serve the web console: it needs an HTTP port (PORT or METRICS_PORT, see docs/console.md).',
          }),
          toDirect: true,
          ephemeral: true,
        });
        return;
      }
      turn.say({
        intent: 'console:link',
        text: turn.t(
          {
            fr: 'Votre lien de connexion à la console (personnel, valable 10 minutes, une seule fois) : {url}',
            en: 'Your sign-in link to the console (personal, valid for 10 minutes, once): {url}',
          },
          { url },
        ),
        data: { url },
        toDirect: true,
        ephemeral: true,
      });
    },
  };
}
