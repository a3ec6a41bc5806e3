/** `help` / `aide`: what the bot can do, in the person's language. */
import type { Command, CommandRegistry } from '../core/commands.ts';

export function helpCommand(registry: CommandRegistry): Command {
  return {
    id: 'help',
    aliases: {
      en: ['help', 'hello', 'hi', 'commands'],
      fr: ['aide', 'bonjour', 'salut', 'commandes', 'aidez-moi'],
    },
    summary: { fr: 'ce que je sais faire', en: 'what I can do' },
    dialogScoped: true,
    async run(turn) {
      const lines = registry
        .list()
        .filter((c) => !c.managerOnly || turn.message.isManager)
        .map((c) => {
          const words = c.aliases[turn.lang][0] ?? c.id;
          const usage = c.usage ? ` ${turn.t(c.usage)}` : '';
          return `• \`${words}${usage}\` — ${turn.t(c.summary)}`;
        });
      turn.say({
        intent: 'help',
        text: [
          turn.t({
            fr: 'Bonjour ! Je suis nec-bot, l’assistant de la communauté Numérique en Commun[s]. Je réponds à vos questions (posez-les simplement), je vous guide pour préparer une candidature et je vous rappelle les échéances.',
            en: 'Hello! I am nec-bot, the Numérique en Commun[s] community assistant. I answer your questions (just ask), guide you through an application and remind you of deadlines.',
          }),
          '',
          turn.t({ fr: '**Commandes**', en: '**Commands**' }),
          ...lines,
        ].join('\n'),
      });
    },
  };
}
