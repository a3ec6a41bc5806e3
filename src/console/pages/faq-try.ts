/**
 * The FAQ's "try a question" page, which says which entry would answer and why (the words matched, the coverage
 * against the threshold, the kind of fact asked), and the unanswered questions, most frequent first.
 */
import type { Lang } from '../../core/i18n.ts';
import type { FaqMatch } from '../../faq/service.ts';
import { searchTerm } from '../../faq/terms.ts';
import { type Html, html } from '../html.ts';
import { htmlResponse, type Response } from '../http.ts';
import { field, notice, page } from '../layout.ts';
import type { PageRequest } from '../router.ts';
import type { ConsoleServices } from '../services.ts';

const UNANSWERED_SHOWN = 50;

export function tryForm(lang: Lang, question: string): Html {
  const fr = lang === 'fr';
  return html`<form method="get" action="/console/faq/try" class="try">
${field({ name: 'q', label: fr ? 'Essayer une question' : 'Try a question', value: question, hint: fr ? 'Le bot cherche comme en conversation et dit quelle entrée répondrait, et pourquoi.' : 'The bot searches as in chat and says which entry would answer, and why.' })}
<button type="submit">${fr ? 'Essayer' : 'Try'}</button></form>`;
}

export async function tryQuestion(s: ConsoleServices, r: PageRequest): Promise<Response> {
  const { lang } = r.page;
  const fr = lang === 'fr';
  const question = r.url.searchParams.get('q') ?? '';
  const match = s.faq.search(question, lang);
  const body = html`${tryForm(lang, question)}
${
  question === ''
    ? ''
    : html`<section aria-live="polite"><h2>${fr ? 'Résultat' : 'Result'}</h2>${verdict(s, match, lang)}
${evidence(s, question, match, lang)}
${match.alternatives.length > 0 ? html`<p>${fr ? 'Entrées proches :' : 'Close entries:'}</p><ul>${match.alternatives.map((e) => html`<li><a href="/console/faq/entry/${e.id}">${e.title[lang]}</a></li>`)}</ul>` : ''}
${match.confident ? '' : html`<p><a class="button" href="/console/faq/new?question=${encodeURIComponent(question)}">${fr ? 'Créer une entrée à partir de cette question' : 'Create an entry from this question'}</a></p>`}</section>`
}`;
  return htmlResponse(
    200,
    page({ ...r.page, section: 'faq' }, fr ? 'Essayer une question' : 'Try a question', body),
  );
}

/** The question's words as typed whose search terms (stems, synonyms folded) the entry matched. */
function typedWords(question: string, terms: readonly string[]): string[] {
  const typed = question.split(/[^\p{L}\p{N}]+/u).filter((w) => terms.includes(searchTerm(w) ?? ''));
  return typed.length > 0 ? [...new Set(typed)] : [...terms];
}

/** What the bot would do with the question: answer with an entry, say the sources do not say it, or not know. */
function verdict(s: ConsoleServices, match: FaqMatch, lang: Lang): Html {
  const fr = lang === 'fr';
  const { entry } = match;
  if (match.confident && entry)
    return notice(
      'ok',
      html`${fr ? 'Réponse donnée par l’entrée' : 'Answered by the entry'} <a href="/console/faq/entry/${entry.id}">${entry.title[lang]}</a>${match.second ? html` ${fr ? 'et' : 'and'} <a href="/console/faq/entry/${match.second.id}">${match.second.title[lang]}</a>` : ''}.`,
    );
  const topic = match.unknown && match.topic ? s.faq.kb.topic(match.topic) : undefined;
  if (topic)
    return notice(
      'info',
      fr
        ? `Le bot dirait que ses sources sur « ${topic.title.fr} » ne donnent pas ce qui est demandé, et nommerait le contact du sujet.`
        : `The bot would say its sources on “${topic.title.en}” do not give what is asked, and name the topic's contact.`,
    );
  return notice(
    'info',
    fr
      ? 'Le bot ne répondrait pas : il dirait qu’il ne sait pas et proposerait les sujets proches.'
      : 'The bot would not answer: it would say it does not know and offer the closest topics.',
  );
}

/** Why: the words matched, the share of the question they cover against the threshold, the kind of fact asked. */
function evidence(s: ConsoleServices, question: string, match: FaqMatch, lang: Lang): Html {
  const fr = lang === 'fr';
  const { entry } = match;
  if (!entry)
    return html`<p>${fr ? 'Pourquoi\u00a0: aucun mot de la question ne se trouve dans une entrée.' : 'Why: no word of the question is in any entry.'}</p>`;
  const percent = (share: number) => `${Math.round(share * 100)}${fr ? '\u00a0%' : '%'}`;
  const code = (words: readonly string[]) =>
    words.length > 0 ? words.map((w, i) => html`${i > 0 ? ', ' : ''}<code>${w}</code>`) : '—';
  const lines: Html[] = [];
  lines.push(
    html`<li>${fr ? 'Entrée la plus proche\u00a0:' : 'Closest entry:'} <a href="/console/faq/entry/${entry.id}">${entry.title[lang]}</a> (${s.faq.kb.topic(entry.topic)?.title[lang] ?? entry.topic})</li>`,
  );
  if (match.matched)
    lines.push(
      html`<li>${fr ? 'Mots de la question trouvés dans l’entrée\u00a0:' : 'Words of the question found in the entry:'} ${code(typedWords(question, match.matched))}</li>`,
    );
  if (match.threshold !== undefined)
    lines.push(
      html`<li>${fr ? `Couverture\u00a0: ${percent(match.coverage)} des mots de la question (pondérés par leur rareté), pour un seuil de ${percent(match.threshold)} — ${match.confident ? 'atteint\u00a0: le bot répond' : 'pas atteint\u00a0: le bot ne devine pas'}` : `Coverage: ${percent(match.coverage)} of the question's words (weighted by rarity), against a threshold of ${percent(match.threshold)} — ${match.confident ? 'reached: the bot answers' : 'not reached: the bot does not guess'}`}</li>`,
    );
  else if (match.confident)
    lines.push(
      html`<li>${fr ? 'La question ne nomme que le sujet et ce qui est demandé : l’entrée du sujet qui le donne répond.' : 'The question names only the topic and what is asked: the topic’s entry that gives it answers.'}</li>`,
    );
  const asks = match.asks ?? [];
  if (asks.length > 0 || match.unknown)
    lines.push(
      html`<li>${fr ? 'Ce que la question demande\u00a0:' : 'What the question asks for:'} ${code([...asks, ...(match.unknown?.years ?? [])])} · ${fr ? 'ce que l’entrée donne\u00a0:' : 'what the entry gives:'} ${code(entry.answers)}${match.confident ? '' : html` — ${fr ? 'une entrée ne répond que si elle donne ce qui est demandé' : 'an entry answers only if it gives what is asked'}`}</li>`,
    );
  return html`<p>${fr ? 'Pourquoi\u00a0:' : 'Why:'}</p><ul class="evidence">${lines}</ul>`;
}

export async function unanswered(s: ConsoleServices, r: PageRequest): Promise<Response> {
  const { lang } = r.page;
  const fr = lang === 'fr';
  const top = await s.unanswered.top(UNANSWERED_SHOWN);
  const body = html`<p>${fr ? 'Les questions auxquelles la FAQ n’a pas su répondre ces 90 derniers jours, les plus fréquentes d’abord (le texte seul, adresses et numéros masqués).' : 'The questions the FAQ could not answer in the last 90 days, most frequent first (the text only, addresses and numbers blanked).'}</p>
${
  top.length === 0
    ? html`<p>${fr ? 'Aucune question sans réponse.' : 'No unanswered question.'}</p>`
    : html`<div class="table-wrap"><table><caption>${fr ? 'Questions sans réponse' : 'Unanswered questions'}</caption><thead><tr><th scope="col">Question</th><th scope="col">${fr ? 'Fois' : 'Times'}</th><th scope="col">${fr ? 'Action' : 'Action'}</th></tr></thead>
<tbody>${top.map((q) => {
        // An entry made since may answer it now: said, so nobody writes a second one.
        const now = s.faq.search(q.question, lang);
        const answered =
          now.confident && now.entry
            ? html`${fr ? 'Répondue maintenant par' : 'Now answered by'} <a href="/console/faq/entry/${now.entry.id}">${now.entry.title[lang]}</a> · `
            : '';
        return html`<tr><th scope="row">${q.question}</th><td>${q.count}</td><td>${answered}<a href="/console/faq/new?question=${encodeURIComponent(q.question)}">${fr ? 'Créer une entrée' : 'Create an entry'}</a> · <a href="/console/faq/try?q=${encodeURIComponent(q.question)}">${fr ? 'Essayer' : 'Try'}</a></td></tr>`;
      })}</tbody></table></div>`
}`;
  return htmlResponse(
    200,
    page({ ...r.page, section: 'faq' }, fr ? 'Questions sans réponse' : 'Unanswered questions', body),
  );
}
