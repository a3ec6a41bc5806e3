/**
 * `garder ma candidature [<id>]` / `keep my application [<id>]`: a completed application is kept KEEP_MORE_DAYS
 * longer than its current erasure day, each time it is asked, never more than KEEP_AT_MOST_DAYS after the day
 * asked — a year ahead at most, so nothing stays without its owner coming back. The bot says the new day.
 * Moving the purge is `Retention.keepUntil`.
 */
import { formatDay } from '../../rules/calendar.ts';
import type { Clock } from '../core/clock.ts';
import type { Command } from '../core/commands.ts';
import { DAYS, plural } from '../core/plural.ts';
import type { Turn } from '../core/turn.ts';
import { addDays, KEEP_AT_MOST_DAYS, KEEP_MORE_DAYS } from './erasure-days.ts';
import type { Retention } from './retention.ts';

export function keepApplicationCommand(retention: Retention, clock: Clock): Command {
  return {
    id: 'keep-application',
    aliases: {
      fr: [
        'garder ma candidature',
        'garder la candidature',
        'conserver ma candidature',
        'garder candidature',
      ],
      en: ['keep my application', 'keep the application', 'keep application'],
    },
    usage: { fr: '[<id>]', en: '[<id>]' },
    summary: {
      fr: 'garder une candidature terminée 90 jours de plus avant son effacement',
      en: 'keep a completed application 90 more days before it is erased',
    },
    accepts: (args) => args === '' || /^[0-9a-f]{6}$/i.test(args),
    run: (turn, args) => keep(retention, clock, turn, args.toLowerCase()),
  };
}

async function keep(retention: Retention, clock: Clock, turn: Turn, id: string): Promise<void> {
  const completed = await retention.completedApplications(turn.user);
  const application = id
    ? completed.find((a) => a.id === id)
    : completed.length === 1
      ? completed[0]
      : undefined;
  if (!application) {
    if (completed.length > 1 && !id) {
      turn.say({
        intent: 'retention:keep-which',
        text: turn.t({
          fr: 'Quelle candidature voulez-vous garder ?',
          en: 'Which application do you want to keep?',
        }),
        choices: completed.map((a) => ({
          id: `${turn.lang === 'fr' ? 'garder ma candidature' : 'keep my application'} ${a.id}`,
          label: a.id,
        })),
      });
      return;
    }
    turn.say({
      intent: 'retention:keep-none',
      text: turn.t(
        id
          ? {
              fr: 'Je n’ai pas de candidature terminée {id}. Une candidature en cours est gardée tant que vous y revenez ; « mes candidatures » les liste.',
              en: 'I have no completed application {id}. An application in progress is kept as long as you come back to it; “my applications” lists them.',
            }
          : {
              fr: 'Vous n’avez pas de candidature terminée à garder. Une candidature en cours est gardée tant que vous y revenez.',
              en: 'You have no completed application to keep. An application in progress is kept as long as you come back to it.',
            },
        { id },
      ),
    });
    return;
  }
  const now = clock.now();
  const current = await retention.purgeDay(turn, application);
  const most = addDays(now.toISOString().slice(0, 10), KEEP_AT_MOST_DAYS);
  const wanted = addDays(current, KEEP_MORE_DAYS);
  const [until = most] = [wanted, most].sort();
  const params = (day: string) => ({
    id: application.id,
    day: formatDay(day, turn.lang),
    more: plural(turn.lang, KEEP_MORE_DAYS, DAYS),
    most: plural(turn.lang, KEEP_AT_MOST_DAYS, DAYS),
  });
  if (until <= current) {
    turn.say({
      intent: 'retention:kept-at-most',
      text: turn.t(
        {
          fr: 'Votre candidature {id} est déjà gardée jusqu’au {day} : je ne garde pas une candidature plus de {most} à l’avance. Redemandez plus tard pour prolonger encore ; « exporter {id} » vous en remet une copie.',
          en: 'Your application {id} is already kept until {day}: I do not keep an application more than {most} ahead. Ask again later to extend it further; “export {id}” hands you a copy.',
        },
        params(current),
      ),
      data: { application: application.id, until: current },
    });
    return;
  }
  await retention.keepUntil(turn, application, until);
  turn.say({
    intent: 'retention:kept',
    text: turn.t(
      until === wanted
        ? {
            fr: 'C’est noté : je garde votre candidature {id} {more} de plus, jusqu’au {day} ; je l’effacerai ce jour-là, pas avant. Vous pourrez redemander « garder ma candidature {id} » (jusqu’à {most} à l’avance au plus) ; « exporter {id} » vous en remet une copie.',
            en: 'Done: I keep your application {id} {more} longer, until {day}; I will erase it that day, not before. You can ask “keep my application {id}” again (up to {most} ahead at most); “export {id}” hands you a copy.',
          }
        : {
            fr: 'C’est noté : je garde votre candidature {id} jusqu’au {day}, le plus loin possible ({most} à partir d’aujourd’hui) ; je l’effacerai ce jour-là, pas avant. Redemandez plus tard pour prolonger encore ; « exporter {id} » vous en remet une copie.',
            en: 'Done: I keep your application {id} until {day}, as far ahead as I can ({most} from today); I will erase it that day, not before. Ask again later to extend it further; “export {id}” hands you a copy.',
          },
      params(until),
    ),
    data: { application: application.id, until },
  });
}
