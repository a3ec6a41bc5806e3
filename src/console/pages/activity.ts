/** The activity page: per call, dialogs started / completed and eligible verdicts per benefit each week; FAQ answered vs fallback. */

import { formatDay } from '../../../rules/index.ts';
import { fill, type Lang } from '../../core/i18n.ts';
import { barChart, PALETTE, type Series } from '../chart.ts';
import { type Html, html } from '../html.ts';
import { htmlResponse, type Response } from '../http.ts';
import { page } from '../layout.ts';
import type { PageRequest, PageRoute } from '../router.ts';
import type { ConsoleServices } from '../services.ts';

const WEEKS = 12;

export function activityRoutes(s: ConsoleServices): PageRoute[] {
  return [{ method: 'GET', path: '/console/activity', handler: (r) => activity(s, r) }];
}

async function activity(s: ConsoleServices, r: PageRequest): Promise<Response> {
  const { lang } = r.page;
  const fr = lang === 'fr';
  const weeks = await s.activity.weeks(WEEKS);
  const labels = weeks.map((w) => formatDay(w.week, lang).replace(/\s\d{4}$/, ''));
  const value = (name: string) => weeks.map((w) => w.counts[name] ?? 0);
  const sections: Html[] = [];
  for (const call of s.calls.list()) {
    const series: Series[] = [
      {
        name: fr ? 'commencés' : 'started',
        colour: PALETTE[0] as string,
        values: value(`call:${call.id}:started`),
      },
      {
        name: fr ? 'terminés' : 'completed',
        colour: PALETTE[1] as string,
        values: value(`call:${call.id}:completed`),
      },
      ...call.benefits.map((b, i) => ({
        name: `${fr ? 'éligible' : 'eligible'} — ${fill(b.name[lang], call.figures)}`,
        colour: PALETTE[(i + 2) % PALETTE.length] as string,
        values: value(`call:${call.id}:eligible:${b.id}`),
      })),
    ];
    sections.push(html`<h2>${call.name[lang]}</h2>
${barChart({ id: `chart-${call.id}`, title: fr ? `Dossiers par semaine — ${call.name[lang]}` : `Applications per week — ${call.name[lang]}`, labels, series })}
${table(fr ? `Dossiers par semaine (${call.id})` : `Applications per week (${call.id})`, labels, series, lang)}`);
  }
  const faq: Series[] = [
    { name: fr ? 'répondues' : 'answered', colour: PALETTE[2] as string, values: value('faq:answered') },
    { name: fr ? 'sans réponse' : 'fallback', colour: PALETTE[4] as string, values: value('faq:fallback') },
  ];
  const body = html`<p>${fr ? `Les ${WEEKS} dernières semaines (semaines commençant le lundi). Des comptes seulement : rien sur les personnes.` : `The last ${WEEKS} weeks (weeks starting on Monday). Counts only: nothing about people.`}</p>
${sections}
<h2>FAQ</h2>
${barChart({ id: 'chart-faq', title: fr ? 'Questions de FAQ par semaine' : 'FAQ questions per week', labels, series: faq })}
${table(fr ? 'Questions de FAQ par semaine' : 'FAQ questions per week', labels, faq, lang)}`;
  return htmlResponse(200, page({ ...r.page, section: 'activity' }, fr ? 'Activité' : 'Activity', body));
}

function table(caption: string, labels: string[], series: Series[], lang: Lang): Html {
  return html`<div class="table-wrap"><table><caption>${caption}</caption>
<thead><tr><th scope="col">${lang === 'fr' ? 'Semaine du' : 'Week of'}</th>${series.map((s) => html`<th scope="col">${s.name}</th>`)}</tr></thead>
<tbody>${labels.map((label, i) => html`<tr><th scope="row">${label}</th>${series.map((s) => html`<td>${s.values[i] ?? 0}</td>`)}</tr>`)}</tbody></table></div>`;
}
