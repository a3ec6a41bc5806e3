/**
 * `aide` / `help`: what the person can do now, grouped by what they want (questions, applications, reminders,
 * their data), the community managers' commands in a group of their own shown only to managers. Inside an
 * application, `aide` is the current step's help, short (what is asked, an example, how to skip, edit or
 * leave); `aide tout` the whole list, the commands that move around the application first. `aide <sujet>`
 * details one group. The groups name command ids; every command keeps its French and English words.
 */
import type { Command, CommandRegistry } from '../core/commands.ts';
import type { Localized } from '../core/i18n.ts';
import type { Situation } from '../core/situation.ts';
import { normalize } from '../core/text.ts';
import type { Turn } from '../core/turn.ts';

interface HelpGroup {
  id: string;
  title: Localized;
  /** Words that name the group after `aide` / `help`, as typed without accents. */
  topics: string[];
  /** The group's commands, in the order shown. */
  commands: string[];
  /** Shown in the overview only when the person already has an application. */
  withApplications?: string[];
}

const GROUPS: HelpGroup[] = [
  {
    id: 'questions',
    title: { fr: 'Questions', en: 'Questions' },
    topics: ['questions', 'question', 'faq'],
    commands: ['faq', 'talk-to-person', 'calls', 'eligibility'],
  },
  {
    id: 'applications',
    title: { fr: 'Candidatures', en: 'Applications' },
    topics: ['candidatures', 'candidature', 'candidater', 'applications', 'application', 'apply'],
    commands: ['dialog-apply', 'dialog-list'],
    withApplications: ['dialog-open', 'dialog-summary', 'dialog-export', 'dialog-delete'],
  },
  {
    id: 'reminders',
    title: { fr: 'Rappels', en: 'Reminders' },
    topics: ['rappels', 'rappel', 'reminders', 'reminder'],
    commands: ['remind', 'reminders', 'cancel-reminder', 'snooze', 'timezone'],
  },
  {
    id: 'data',
    title: { fr: 'Mes données', en: 'My data' },
    topics: ['donnees', 'mes donnees', 'data', 'my data', 'langue', 'language', 'vie privee', 'privacy'],
    commands: ['my-data', 'keep-application', 'forget-me', 'language'],
  },
];

/** The commands that move around an application, shown first while one is in progress. */
const IN_APPLICATION: HelpGroup = {
  id: 'application',
  title: { fr: 'Pendant la candidature', en: 'During the application' },
  topics: [],
  commands: ['dialog-back', 'dialog-skip', 'dialog-edit', 'dialog-status', 'dialog-cancel'],
};

const MANAGERS: Omit<HelpGroup, 'commands'> = {
  id: 'managers',
  title: { fr: 'Gestion (community managers)', en: 'Managing (community managers)' },
  // The group's own words and those of what it holds: « aide diffusions » and "help broadcasts" lead here.
  topics: [
    'gestion',
    'gestionnaires',
    'managers',
    'manager',
    'community managers',
    'community manager',
    'diffusions',
    'diffusion',
    'diffuser',
    'broadcasts',
    'broadcast',
    'abonnements',
    'abonnement',
    'subscriptions',
    'subscription',
    'accueil',
    'welcome',
  ],
};

/** What asks for every command, in an application too: « aide tout », "help all". */
const EVERYTHING = ['tout', 'tous', 'toutes', 'all', 'everything'];
const FOR_EXAMPLE: Localized = { fr: 'Par exemple : {example}.', en: 'For example: {example}.' };
const AT_A_STEP: Localized = {
  fr: '« passer » laisse cette étape pour plus tard, « modifier <élément> » change une autre réponse, « annuler » abandonne la candidature ; tout le reste : « aide tout ».',
  en: '“skip” leaves this step for later, “edit <item>” changes another answer, “cancel” abandons the application; everything else: “help all”.',
};

const DETAIL_HINT: Localized = {
  fr: 'Le détail d’un groupe : « aide candidatures », « aide rappels »… Pour une question, posez-la simplement.',
  en: 'One group in detail: “help applications”, “help reminders”… For a question, just ask it.',
};

export function helpCommand(registry: CommandRegistry, situation: Situation): Command {
  /** The group a topic typed after `aide` names, among those this person may see. */
  const groupNamed = (turn: Turn, typed: string): HelpGroup | undefined => {
    const wanted = normalize(typed);
    return groupsFor(turn).find((g) => g.topics.includes(wanted) || normalize(g.title.fr) === wanted);
  };
  const groupsFor = (turn: Turn): HelpGroup[] => {
    const managers = registry
      .list()
      .filter((c) => c.managerOnly)
      .map((c) => c.id);
    return turn.message.isManager ? [...GROUPS, { ...MANAGERS, commands: managers }] : GROUPS;
  };
  const usage = (turn: Turn, id: string): string | undefined => {
    const command = registry.get(id);
    if (!command) return undefined;
    const words = command.aliases[turn.lang][0] ?? command.id;
    return `\`${words}${command.usage ? ` ${turn.t(command.usage)}` : ''}\``;
  };
  /** `• `words` — summary` for each command of a list the registry has. */
  const detailed = (turn: Turn, ids: string[]): string[] =>
    ids.flatMap((id) => {
      const command = registry.get(id);
      return command ? [`• ${usage(turn, id)} — ${turn.t(command.summary)}`] : [];
    });

  return {
    id: 'help',
    aliases: {
      en: ['help', 'commands', 'what can you do'],
      fr: ['aide', 'commandes', 'aidez-moi', 'que sais-tu faire'],
    },
    summary: { fr: 'ce que vous pouvez faire maintenant', en: 'what you can do now' },
    usage: { fr: '[sujet]', en: '[topic]' },
    dialogScoped: true,
    accepts: (args) =>
      EVERYTHING.includes(normalize(args)) ||
      GROUPS.concat({ ...MANAGERS, commands: [] }).some((g) => g.topics.includes(normalize(args))),
    async run(turn, args) {
      const topic = args ? groupNamed(turn, args) : undefined;
      if (topic) {
        const ids = [...topic.commands, ...(topic.withApplications ?? [])];
        turn.say({
          intent: 'help',
          text: [`**${turn.t(topic.title)}**`, ...detailed(turn, ids)].join('\n'),
          data: { topic: topic.id },
        });
        return;
      }
      const [current, hasApplications] = await Promise.all([
        situation.inProgress(turn),
        situation.hasApplications(turn),
      ]);
      // At a step, its help in a few lines (the question comes back after it); everything on « aide tout ».
      if (current && !EVERYTHING.includes(normalize(args))) {
        const { label, help, example } = current.step;
        turn.say({
          intent: 'dialog:help',
          text: [
            `**${label}** — ${help}`,
            ...(example ? [turn.t(FOR_EXAMPLE, { example })] : []),
            turn.t(AT_A_STEP),
          ].join('\n'),
        });
        return;
      }
      const lines: string[] = [];
      if (current) {
        lines.push(
          `**${current.step.label}** — ${current.step.help}`,
          '',
          `**${turn.t(IN_APPLICATION.title)}**`,
          ...detailed(turn, IN_APPLICATION.commands),
          '',
        );
      }
      lines.push(turn.t({ fr: '**Ce que vous pouvez faire**', en: '**What you can do**' }));
      for (const group of groupsFor(turn)) {
        const ids = [...group.commands, ...(hasApplications ? (group.withApplications ?? []) : [])];
        const words = ids.flatMap((id) => usage(turn, id) ?? []);
        if (words.length > 0) lines.push(`• **${turn.t(group.title)}** — ${words.join(', ')}`);
      }
      lines.push('', turn.t(DETAIL_HINT));
      turn.say({
        intent: current ? 'dialog:help' : 'help',
        text: lines.join('\n'),
        choices: groupsFor(turn).map((g) => ({
          id: `${turn.lang === 'fr' ? 'aide' : 'help'} ${g.topics[0]}`,
          label: turn.t(g.title),
        })),
      });
    },
  };
}
