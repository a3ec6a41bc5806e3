/** `stats` / `statistiques` (community managers): the dialog completion funnel of every call, in chat. */
import type { CallDefinition } from '../../rules/schema.ts';
import type { Command } from '../core/commands.ts';
import type { Lang } from '../core/i18n.ts';
import type { CallFunnel, DialogFunnel } from './funnel.ts';

function percent(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((100 * part) / whole)} %` : '—';
}

/** `call(id)`: the call file, so the funnel shows calls and steps by name, not by id. */
export function statsCommand(
  funnel: DialogFunnel,
  call: (id: string) => CallDefinition | undefined,
): Command {
  return {
    id: 'stats',
    aliases: { en: ['stats', 'statistics'], fr: ['statistiques'] },
    summary: {
      fr: 'entonnoir des candidatures par appel',
      en: 'application funnel per call',
    },
    managerOnly: true,
    async run(turn) {
      const calls = Object.entries(await funnel.all());
      if (calls.length === 0) {
        turn.say({
          intent: 'stats',
          text: turn.t({
            fr: 'Aucune candidature n’a encore été commencée.',
            en: 'No application has been started yet.',
          }),
          data: { funnel: {} },
        });
        return;
      }
      const sections = calls.map(([callId, f]) =>
        describe(call(callId), callId, f, turn.lang, turn.t.bind(turn)),
      );
      turn.say({
        intent: 'stats',
        text: [
          turn.t({ fr: '**Candidatures par appel**', en: '**Applications per call**' }),
          ...sections,
        ].join('\n\n'),
        data: { funnel: Object.fromEntries(calls) },
      });
    },
  };
}

function describe(
  call: CallDefinition | undefined,
  callId: string,
  f: CallFunnel,
  lang: Lang,
  t: (text: { fr: string; en: string }) => string,
): string {
  const label = (slot: string) => call?.slots.find((s) => s.id === slot)?.label[lang] ?? slot;
  const head = `**${call?.name[lang] ?? callId}** (\`${callId}\`) — ${t({ fr: 'commencées', en: 'started' })} ${f.started}, ${t(
    {
      fr: 'terminées',
      en: 'completed',
    },
  )} ${f.completed} (${percent(f.completed, f.started)}), ${t({ fr: 'abandonnées', en: 'abandoned' })} ${
    f.abandoned
  }`;
  const steps = Object.entries(f.steps).map(
    ([step, count]) =>
      `  • ${label(step)}${lang === 'fr' ? ' : ' : ': '}${count} (${percent(count, f.started)})`,
  );
  return [head, ...steps].join('\n');
}
