/** `stats` / `statistiques` (community managers): the dialog completion funnel of every call, in chat. */
import type { Command } from '../core/commands.ts';
import type { CallFunnel, DialogFunnel } from './funnel.ts';

function percent(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((100 * part) / whole)} %` : '—';
}

export function statsCommand(funnel: DialogFunnel): Command {
  return {
    id: 'stats',
    aliases: { en: ['stats', 'statistics'], fr: ['statistiques'] },
    summary: {
      fr: 'entonnoir des candidatures par appel (community managers)',
      en: 'application funnel per call (community managers)',
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
      const sections = calls.map(([callId, f]) => describe(callId, f, turn.t.bind(turn)));
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

function describe(callId: string, f: CallFunnel, t: (text: { fr: string; en: string }) => string): string {
  const head = `\`${callId}\` — ${t({ fr: 'commencées', en: 'started' })} ${f.started}, ${t({
    fr: 'terminées',
    en: 'completed',
  })} ${f.completed} (${percent(f.completed, f.started)}), ${t({ fr: 'abandonnées', en: 'abandoned' })} ${
    f.abandoned
  }`;
  const steps = Object.entries(f.steps).map(
    ([step, count]) => `  • ${step}: ${count} (${percent(count, f.started)})`,
  );
  return [head, ...steps].join('\n');
}
