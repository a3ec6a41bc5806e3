/** The console's first page: what each section is for, and the manager's scope. */
import { html } from '../html.ts';
import { htmlResponse, type Response } from '../http.ts';
import { page } from '../layout.ts';
import type { PageRequest, PageRoute } from '../router.ts';

export const homeRoutes: PageRoute[] = [{ method: 'GET', path: '/console', handler: async (r) => home(r) }];

async function home(r: PageRequest): Promise<Response> {
  const fr = r.page.lang === 'fr';
  const m = r.session.manager;
  const where = `${m.platform}${m.workspace ? ` · ${m.workspace}` : ''}${m.rooms ? ` · ${m.rooms.map((room) => `#${room}`).join(', ')}` : ''}`;
  const body = html`<p>${fr ? `Connecté·e comme ${m.userId} (${where}). Les appels et la FAQ valent pour tout le bot ; les diffusions se limitent à votre espace.` : `Signed in as ${m.userId} (${where}). Calls and the FAQ are the whole bot's; broadcasts are limited to your workspace.`}</p>
<ul class="sections">
<li><a href="/console/calls">${fr ? 'Appels' : 'Calls'}</a> — ${fr ? 'dates, chiffres, contacts et textes ; aperçu, historique, export et import.' : 'dates, figures, contacts and texts; preview, history, export and import.'}</li>
<li><a href="/console/faq">FAQ</a> — ${fr ? 'entrées par sujet, essayer une question, questions sans réponse.' : 'entries by topic, try a question, unanswered questions.'}</li>
<li><a href="/console/broadcasts">${fr ? 'Diffusions' : 'Broadcasts'}</a> — ${fr ? 'programmer, lister, annuler.' : 'schedule, list, cancel.'}</li>
<li><a href="/console/activity">${fr ? 'Activité' : 'Activity'}</a> — ${fr ? 'dossiers par appel et réponses de la FAQ, semaine par semaine.' : 'applications per call and FAQ answers, week by week.'}</li>
</ul>`;
  return htmlResponse(
    200,
    page(
      { ...r.page, section: 'home' },
      fr ? 'Console des community managers' : 'Community managers’ console',
      body,
    ),
  );
}
