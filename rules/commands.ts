/** The rules' commands: `calls` / `appels`, `eligibility <call-id>` / `éligibilité <call-id>`, and a manager's `reload`. */
import type { Clock } from '../src/core/clock.ts';
import type { Command } from '../src/core/commands.ts';
import type { Logger } from '../src/logger.ts';
import { callStatus } from './dates.ts';
import { CallFileError } from './loader.ts';
import type { CallRegistry } from './registry.ts';
import { renderCallRules, renderStatus } from './render.ts';
import type { CallDefinition } from './schema.ts';

export interface RuleCommandsOptions {
  calls: CallRegistry;
  clock: Clock;
  /** BOT_TIMEZONE: "today" is the person's own day when their zone is known, else the bot's. */
  timezone: string;
  logger: Logger;
}

/** Every command of the rules, for the composition root. */
export function ruleCommands(options: RuleCommandsOptions): Command[] {
  return [callsCommand(options), eligibilityCommand(options), reloadCommand(options)];
}

/** `calls` / `appels`: every call with its status today (open, closed since …, a past year's edition). */
export function callsCommand({ calls, clock, timezone }: RuleCommandsOptions): Command {
  return {
    id: 'calls',
    aliases: { en: ['calls', 'list calls'], fr: ['appels', 'liste des appels'] },
    summary: {
      fr: 'les appels connus et leur état (ouvert, clos…)',
      en: 'the calls I know and their status (open, closed…)',
    },
    async run(turn) {
      const now = clock.now();
      const zone = turn.timezone(timezone);
      const statusOf = (call: CallDefinition) => renderStatus(call, callStatus(call, now, zone), turn.lang);
      const lines = calls.list().map((call) => {
        const name = call.name[turn.lang];
        // The organiser after the name, not in parentheses: names and organisers often hold their own
        // (« MEAE (DAECT) »), and a name that already says who organises it (« … de l’ANCT ») needs no repeat.
        const by = name.includes(call.organiser)
          ? ''
          : turn.t({ fr: ', par {organiser}', en: ', by {organiser}' }, { organiser: call.organiser });
        const colon = turn.lang === 'fr' ? ' :' : ':';
        return `• \`${call.id}\` — **${name}**${by}${colon} ${statusOf(call)}`;
      });
      turn.say({
        intent: 'calls',
        text: [
          turn.t({ fr: '**Appels**', en: '**Calls**' }),
          ...lines,
          '',
          turn.t({
            fr: 'Pour les règles d’un appel et leurs sources : « éligibilité <appel> ».',
            en: 'For a call’s rules and their sources: “eligibility <call>”.',
          }),
        ].join('\n'),
        choices: calls.list().map((c) => ({
          id: `${turn.lang === 'fr' ? 'éligibilité' : 'eligibility'} ${c.id}`,
          label: `${c.name[turn.lang]} — ${statusOf(c)}`,
        })),
      });
    },
  };
}

/** `eligibility <call-id>` / `éligibilité <call-id>`: a call's rules in plain words, with their sources. */
export function eligibilityCommand({ calls, clock, timezone }: RuleCommandsOptions): Command {
  return {
    id: 'eligibility',
    aliases: { en: ['eligibility'], fr: ['éligibilité'] },
    summary: {
      fr: 'les conditions d’un appel, expliquées et sourcées',
      en: 'a call’s requirements, explained with their sources',
    },
    usage: { fr: '<appel>', en: '<call>' },
    async run(turn, args) {
      const call = calls.get(args.trim().toLowerCase());
      if (!call) {
        const known = calls.list();
        turn.say({
          intent: 'eligibility',
          text: turn.t(
            args.trim() === ''
              ? { fr: 'Quel appel ? Choisissez-en un :', en: 'Which call? Pick one:' }
              : {
                  fr: 'Je ne connais pas l’appel « {id} ». Voici ceux que je connais :',
                  en: 'I do not know the call “{id}”. Here are the ones I know:',
                },
            { id: args.trim() },
          ),
          choices: known.map((c) => ({
            id: `${turn.lang === 'fr' ? 'éligibilité' : 'eligibility'} ${c.id}`,
            label: c.name[turn.lang],
          })),
        });
        return;
      }
      const status = callStatus(call, clock.now(), turn.timezone(timezone));
      turn.say({
        intent: 'eligibility',
        text: renderCallRules(call, status, turn.lang),
        data: { callId: call.id },
      });
    },
  };
}

/** `reload` / `recharger` (community managers; SIGHUP does the same): re-reads the call files. */
export function reloadCommand({ calls, logger }: RuleCommandsOptions): Command {
  return {
    id: 'reload',
    aliases: { en: ['reload', 'reload calls'], fr: ['recharger', 'recharger les appels'] },
    summary: {
      fr: 'relire les fichiers d’appels',
      en: 'read the call files again',
    },
    managerOnly: true,
    async run(turn) {
      try {
        const changed = await calls.reload();
        turn.say({
          intent: 'reload',
          text:
            changed.length === 0
              ? turn.t({
                  fr: 'Fichiers d’appels relus : rien n’a changé.',
                  en: 'Call files read again: nothing changed.',
                })
              : turn.t(
                  {
                    fr: 'Fichiers d’appels relus. Appels modifiés : {ids}. Les rappels et annonces qui en dépendent sont recalculés.',
                    en: 'Call files read again. Changed calls: {ids}. The reminders and announcements that depend on them are recomputed.',
                  },
                  { ids: changed.join(', ') },
                ),
          data: { changed },
        });
      } catch (error) {
        if (!(error instanceof CallFileError)) throw error;
        logger.warn({ problems: error.problems }, 'call files invalid; the previous calls stay in force');
        turn.say({
          intent: 'reload',
          text: [
            turn.t({
              fr: 'Je n’ai rien changé : un fichier d’appel est invalide. Les appels précédents restent en vigueur. À corriger :',
              en: 'I changed nothing: a call file is invalid. The previous calls stay in force. To fix:',
            }),
            ...error.problems.map((p) => `• \`${p}\``),
          ].join('\n'),
          data: { problems: error.problems },
        });
      }
    },
  };
}
