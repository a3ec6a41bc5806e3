/**
 * The FAQ pages: entries by topic with their source, the entry form (new or edited, validated by the entry
 * files' schema), "try a question" through the FAQ's own search, the unanswered questions most frequent
 * first, and each entry's history with revert.
 */
import { parse, stringify } from 'yaml';
import type { Lang } from '../../core/i18n.ts';
import type { FaqEntry } from '../../faq/knowledge-base.ts';
import type { FaqMatch } from '../../faq/service.ts';
import { searchTerm } from '../../faq/terms.ts';
import { NEW_TOPIC_PREFIX } from '../faq-overrides.ts';
import { type Html, html } from '../html.ts';
import { htmlResponse, type Response, redirect } from '../http.ts';
import { csrfField, field, notice, page } from '../layout.ts';
import { YAML_LAYOUT } from '../overrides.ts';
import type { PageRequest, PageRoute } from '../router.ts';
import type { ConsoleServices } from '../services.ts';
import { notFound } from './calls.ts';
import { historyList, revisionText } from './shared.ts';

const UNANSWERED_SHOWN = 50;

export function faqRoutes(s: ConsoleServices): PageRoute[] {
  return [
    { method: 'GET', path: '/console/faq', handler: (r) => list(s, r) },
    { method: 'GET', path: '/console/faq/try', handler: (r) => tryQuestion(s, r) },
    { method: 'GET', path: '/console/faq/unanswered', handler: (r) => unanswered(s, r) },
    {
      method: 'GET',
      path: '/console/faq/new',
      handler: async (r) =>
        entryForm(
          s,
          r,
          draftFrom(s, r.url.searchParams.get('question') ?? '', r.page.lang),
          0,
          new Map(),
          true,
        ),
    },
    { method: 'POST', path: '/console/faq/new', handler: (r) => submit(s, r, true) },
    { method: 'GET', path: '/console/faq/entry/:id', handler: (r) => edit(s, r) },
    { method: 'POST', path: '/console/faq/entry/:id', handler: (r) => submit(s, r, false) },
    { method: 'GET', path: '/console/faq/entry/:id/history', handler: (r) => history(s, r) },
    { method: 'POST', path: '/console/faq/entry/:id/revert', handler: (r) => revert(s, r) },
  ];
}

/** The form's view of an entry: its fields as strings (lists one per line, keywords comma-separated). */
type Draft = Record<string, string>;

function toDraft(entry: FaqEntry): Draft {
  return {
    topic: entry.topic,
    id: entry.id,
    'title.fr': entry.title.fr,
    'title.en': entry.title.en,
    'questions.fr': entry.questions.fr.join('\n'),
    'questions.en': entry.questions.en.join('\n'),
    'keywords.fr': entry.keywords.fr.join(', '),
    'keywords.en': entry.keywords.en.join(', '),
    'answer.fr': entry.answer.fr,
    'answer.en': entry.answer.en,
    'source.title.fr': entry.source.title.fr,
    'source.title.en': entry.source.title.en,
    'source.file': entry.source.file,
    related: entry.related.join(', '),
    eligibility: entry.eligibility ?? '',
    answers: entry.answers.join(', '),
  };
}

const FIELDS = Object.keys(
  toDraft({
    id: '',
    topic: '',
    title: { fr: '', en: '' },
    questions: { fr: [], en: [] },
    keywords: { fr: [], en: [] },
    answer: { fr: '', en: '' },
    source: { title: { fr: '', en: '' }, file: '' },
    related: [],
    answers: [],
    unknown: false,
  }),
);

function fromDraft(d: Draft): Record<string, unknown> {
  const lines = (v = '') =>
    v
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  const words = (v = '') =>
    v
      .split(',')
      .map((w) => w.trim())
      .filter(Boolean);
  return {
    topic: d.topic,
    id: d.id?.trim(),
    title: { fr: d['title.fr'], en: d['title.en'] },
    questions: { fr: lines(d['questions.fr']), en: lines(d['questions.en']) },
    keywords: { fr: words(d['keywords.fr']), en: words(d['keywords.en']) },
    answer: { fr: d['answer.fr'], en: d['answer.en'] },
    source: { title: { fr: d['source.title.fr'], en: d['source.title.en'] }, file: d['source.file']?.trim() },
    related: words(d.related),
    ...(d.eligibility?.trim() ? { eligibility: d.eligibility.trim() } : {}),
    answers: words(d.answers),
  };
}

/** A new entry's draft from an unanswered question: the question goes in its language's list. */
function draftFrom(s: ConsoleServices, question: string, lang: Lang): Draft {
  const draft = Object.fromEntries(FIELDS.map((f) => [f, ''])) as Draft;
  const guess = s.faq.search(question).entry;
  draft.topic = guess?.topic ?? s.faqOverrides.shipped.topics[0]?.id ?? '';
  draft[`questions.${lang}`] = question;
  return draft;
}

async function list(s: ConsoleServices, r: PageRequest): Promise<Response> {
  const { lang } = r.page;
  const fr = lang === 'fr';
  const edited = new Set(await s.faqOverrides.store.ids());
  const body = html`${tryForm(lang, '')}
<p class="actions"><a class="button" href="/console/faq/unanswered">${fr ? 'Questions sans réponse' : 'Unanswered questions'}</a> <a class="button secondary" href="/console/faq/new">${fr ? 'Nouvelle entrée' : 'New entry'}</a></p>
${s.faq.kb.topics.map(
  (topic) => html`<h2>${topic.title[lang]}</h2>
<div class="table-wrap"><table><thead><tr><th scope="col">${fr ? 'Entrée' : 'Entry'}</th><th scope="col">Source</th><th scope="col">${fr ? 'Actions' : 'Actions'}</th></tr></thead>
<tbody>${topic.entries.map(
    (
      e,
    ) => html`<tr><th scope="row"><a href="/console/faq/entry/${e.id}">${e.title[lang]}</a><br><code>${e.id}</code>${edited.has(e.id) ? html` · ${fr ? 'modifiée dans la console' : 'edited in the console'}` : ''}</th>
<td>${e.source.title[lang]}</td><td><a href="/console/faq/entry/${e.id}/history">${fr ? 'Historique' : 'History'}</a></td></tr>`,
  )}</tbody></table></div>`,
)}`;
  return htmlResponse(200, page({ ...r.page, section: 'faq' }, 'FAQ', body));
}

function tryForm(lang: Lang, question: string): Html {
  const fr = lang === 'fr';
  return html`<form method="get" action="/console/faq/try" class="try">
${field({ name: 'q', label: fr ? 'Essayer une question' : 'Try a question', value: question, hint: fr ? 'Le bot cherche comme en conversation et dit quelle entrée répondrait, et pourquoi.' : 'The bot searches as in chat and says which entry would answer, and why.' })}
<button type="submit">${fr ? 'Essayer' : 'Try'}</button></form>`;
}

async function tryQuestion(s: ConsoleServices, r: PageRequest): Promise<Response> {
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

async function unanswered(s: ConsoleServices, r: PageRequest): Promise<Response> {
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

async function edit(s: ConsoleServices, r: PageRequest): Promise<Response> {
  const entry = s.faq.kb.get(r.params.id as string);
  if (!entry) return notFound(r.page);
  const doc = await s.faqOverrides.store.read(entry.id);
  return entryForm(s, r, toDraft(entry), doc.version, new Map(), false);
}

const LABELS: Record<string, { fr: string; en: string }> = {
  topic: { fr: 'Sujet', en: 'Topic' },
  id: {
    fr: 'Identifiant (mots en minuscules reliés par des tirets)',
    en: 'Id (lower-case words joined by hyphens)',
  },
  'title.fr': { fr: 'Titre (français)', en: 'Title (French)' },
  'title.en': { fr: 'Titre (anglais)', en: 'Title (English)' },
  'questions.fr': {
    fr: 'Façons de poser la question, en français (une par ligne)',
    en: 'Ways to ask it, in French (one per line)',
  },
  'questions.en': {
    fr: 'Façons de poser la question, en anglais (une par ligne)',
    en: 'Ways to ask it, in English (one per line)',
  },
  'keywords.fr': {
    fr: 'Mots-clés français (séparés par des virgules)',
    en: 'French keywords (comma-separated)',
  },
  'keywords.en': {
    fr: 'Mots-clés anglais (séparés par des virgules)',
    en: 'English keywords (comma-separated)',
  },
  'answer.fr': { fr: 'Réponse (français)', en: 'Answer (French)' },
  'answer.en': { fr: 'Réponse (anglais)', en: 'Answer (English)' },
  'source.title.fr': { fr: 'Titre de la source (français)', en: 'Source title (French)' },
  'source.title.en': { fr: 'Titre de la source (anglais)', en: 'Source title (English)' },
  'source.file': { fr: 'Fichier source (identifiant interne)', en: 'Source file (internal id)' },
  related: {
    fr: 'Entrées liées (identifiants, séparés par des virgules)',
    en: 'Related entries (ids, comma-separated)',
  },
  eligibility: {
    fr: 'Appel dont proposer la vérification (identifiant, facultatif)',
    en: 'Call to offer the check for (id, optional)',
  },
  answers: {
    fr: 'Faits que la réponse donne (date, deadline, place, address, amount, contact, email, phone, who-may, how, figures, winners ; séparés par des virgules)',
    en: 'Facts the answer gives (date, deadline, place, address, amount, contact, email, phone, who-may, how, figures, winners; comma-separated)',
  },
};
const TEXTAREAS = new Set(['questions.fr', 'questions.en', 'answer.fr', 'answer.en']);

/** The topic list's last choice: a new topic, created with the entry from the fields below it. */
const NEW_TOPIC = '__new';
const TOPIC_LABELS: Record<string, { fr: string; en: string }> = {
  id: {
    fr: 'Nouveau sujet — identifiant (mots en minuscules reliés par des tirets)',
    en: 'New topic — id (lower-case words joined by hyphens)',
  },
  'title.fr': { fr: 'Nouveau sujet — intitulé (français)', en: 'New topic — name (French)' },
  'title.en': { fr: 'Nouveau sujet — intitulé (anglais)', en: 'New topic — name (English)' },
  'contact.fr': {
    fr: 'Nouveau sujet — qui contacter quand la FAQ ne sait pas (français)',
    en: 'New topic — whom to ask when the FAQ does not know (French)',
  },
  'contact.en': {
    fr: 'Nouveau sujet — qui contacter quand la FAQ ne sait pas (anglais)',
    en: 'New topic — whom to ask when the FAQ does not know (English)',
  },
};
const TOPIC_FIELDS = Object.keys(TOPIC_LABELS).map((f) => `${NEW_TOPIC_PREFIX}${f}`);

/** A new topic's data from the form's fields. */
function topicDraft(d: Draft): Record<string, unknown> {
  const v = (name: string) => d[`${NEW_TOPIC_PREFIX}${name}`]?.trim() ?? '';
  return {
    id: v('id'),
    title: { fr: v('title.fr'), en: v('title.en') },
    contact: { fr: v('contact.fr'), en: v('contact.en') },
  };
}

function entryForm(
  s: ConsoleServices,
  r: PageRequest,
  draft: Draft,
  version: number,
  errors: Map<string, string>,
  isNew: boolean,
  above?: Html,
): Response {
  const { lang } = r.page;
  const fr = lang === 'fr';
  const action = isNew ? '/console/faq/new' : `/console/faq/entry/${r.params.id}`;
  const topicError = errors.get('topic');
  const controls = FIELDS.map((name) => {
    if (name === 'topic')
      return html`<div class="field${topicError ? ' invalid' : ''}"><label for="f-topic">${LABELS.topic?.[lang]}</label>
<select id="f-topic" name="topic"${topicError ? html` aria-invalid="true" aria-describedby="f-topic-error"` : ''}>${s.faq.kb.topics.map((t) => html`<option value="${t.id}"${t.id === draft.topic ? html` selected` : ''}>${t.title[lang]}</option>`)}<option value="${NEW_TOPIC}"${draft.topic === NEW_TOPIC ? html` selected` : ''}>${fr ? 'Nouveau sujet…' : 'New topic…'}</option></select>
${topicError ? html`<p class="error" id="f-topic-error">${topicError}</p>` : ''}</div>
<fieldset><legend>${fr ? 'Nouveau sujet' : 'New topic'}</legend>
<p class="hint">${fr ? 'Seulement si «\u00a0Nouveau sujet…\u00a0» est choisi ci-dessus : le sujet est créé avec cette entrée, qui le présente.' : 'Only when “New topic…” is chosen above: the topic is created with this entry, which presents it.'}</p>
${TOPIC_FIELDS.map((f) => field({ name: f, label: TOPIC_LABELS[f.slice(NEW_TOPIC_PREFIX.length)]?.[lang] ?? f, value: draft[f] ?? '', error: errors.get(f) }))}</fieldset>`;
    if (name === 'id' && !isNew) return html`<input type="hidden" name="id" value="${draft.id ?? ''}">`;
    return field({
      name,
      label: LABELS[name]?.[lang] ?? name,
      value: draft[name] ?? '',
      type: TEXTAREAS.has(name) ? 'textarea' : 'text',
      error: errors.get(name),
    });
  });
  const body = html`${above ?? ''}
${errors.size > 0 ? notice('error', fr ? 'Certains champs sont à corriger : voir les messages à côté de chacun. Rien n’a été enregistré.' : 'Some fields need fixing: see the message beside each. Nothing was saved.') : ''}
<form method="post" action="${action}" novalidate>${csrfField(r.page)}<input type="hidden" name="version" value="${version}">
${controls}
<div class="actions"><button type="submit">${fr ? 'Enregistrer' : 'Save'}</button><a href="/console/faq">${fr ? 'Annuler' : 'Cancel'}</a></div></form>
${isNew ? '' : html`<p><a href="/console/faq/entry/${r.params.id}/history">${fr ? 'Historique des versions' : 'Version history'}</a></p>`}`;
  const title = isNew
    ? fr
      ? 'Nouvelle entrée de FAQ'
      : 'New FAQ entry'
    : `${fr ? 'Modifier' : 'Edit'} — ${draft[`title.${lang}`]}`;
  return htmlResponse(errors.size > 0 ? 422 : 200, page({ ...r.page, section: 'faq' }, title, body));
}

async function submit(s: ConsoleServices, r: PageRequest, isNew: boolean): Promise<Response> {
  const fr = r.page.lang === 'fr';
  const draft = Object.fromEntries(
    [...FIELDS, ...TOPIC_FIELDS].map((f) => [f, r.form.get(f) ?? '']),
  ) as Draft;
  const version = Number(r.form.get('version'));
  const id = isNew ? (draft.id?.trim() ?? '') : (r.params.id as string);
  if (!isNew && !s.faq.kb.get(id)) return notFound(r.page);
  const creating =
    draft.topic === NEW_TOPIC ? await s.faqOverrides.checkTopic(topicDraft(draft), r.page.lang) : undefined;
  const topic = creating && 'topic' in creating ? creating.topic.id : (draft.topic ?? '');
  const raw = fromDraft({ ...draft, topic, ...(isNew ? {} : { id }) });
  const checked = s.faqOverrides.check(raw, isNew ? undefined : id, r.page.lang, creating ? [topic] : []);
  const errors = new Map([
    ...('errors' in checked ? checked.errors : []),
    ...(creating && 'errors' in creating ? creating.errors : []),
  ]);
  if (isNew && id && (s.faq.kb.get(id) || (await s.faqOverrides.store.read(id)).version > 0))
    errors.set('id', fr ? `l’entrée «\u00a0${id}\u00a0» existe déjà` : `entry “${id}” already exists`);
  if (creating && 'topic' in creating && errors.size === 0) {
    const created = await s.faqOverrides.createTopic(creating.topic, r.by, s.clock.now().getTime());
    if (!created)
      errors.set(
        `${NEW_TOPIC_PREFIX}id`,
        fr ? `le sujet «\u00a0${topic}\u00a0» vient d’être créé` : `topic “${topic}” has just been created`,
      );
  }
  if (errors.size > 0) return entryForm(s, r, draft, version, errors, isNew);
  const saved = await s.faqOverrides.save(id, version, {
    text: stringify(raw, YAML_LAYOUT),
    by: r.by,
    action: 'edit',
    at: s.clock.now().getTime(),
  });
  if (saved === undefined)
    return entryForm(
      s,
      r,
      draft,
      version,
      errors,
      isNew,
      notice(
        'error',
        html`${fr ? 'Un autre community manager a enregistré cette entrée entre-temps. Vos modifications ne sont pas enregistrées : rechargez la dernière version, puis refaites-les.' : 'Another community manager saved this entry meanwhile. Your changes are not saved: reload the latest version, then make them again.'} <a href="/console/faq/entry/${id}">${fr ? 'Recharger' : 'Reload'}</a>`,
      ),
    );
  return redirect(`/console/faq/entry/${id}/history?saved=${saved}`);
}

async function history(s: ConsoleServices, r: PageRequest): Promise<Response> {
  const id = r.params.id as string;
  const entry = s.faq.kb.get(id);
  if (!entry) return notFound(r.page);
  const fr = r.page.lang === 'fr';
  const doc = await s.faqOverrides.store.read(id);
  const shippedEntry = s.faqOverrides.shipped.get(id);
  const saved = r.url.searchParams.get('saved');
  const body = html`${saved ? notice('ok', fr ? `Version ${saved} enregistrée : le bot répond avec elle sur toutes les instances.` : `Version ${saved} saved: the bot answers with it on every replica.`) : ''}
<p><a href="/console/faq/entry/${id}">${fr ? 'Modifier cette entrée' : 'Edit this entry'}</a> · <a href="/console/faq/try?q=${encodeURIComponent(entry.questions[r.page.lang][0] ?? entry.title[r.page.lang])}">${fr ? 'L’essayer' : 'Try it'}</a></p>
${historyList({ ctx: r.page, history: doc.history, version: doc.version, shipped: shippedEntry ? stringify(fromDraft(toDraft(shippedEntry)), YAML_LAYOUT) : undefined, revertAction: `/console/faq/entry/${id}/revert`, zone: r.session.zone })}`;
  return htmlResponse(
    200,
    page(
      { ...r.page, section: 'faq' },
      `${fr ? 'Historique' : 'History'} — ${entry.title[r.page.lang]}`,
      body,
    ),
  );
}

async function revert(s: ConsoleServices, r: PageRequest): Promise<Response> {
  const id = r.params.id as string;
  const fr = r.page.lang === 'fr';
  const doc = await s.faqOverrides.store.read(id);
  const target = revisionText(doc.history, Number(r.form.get('to')));
  if (!target.found) return notFound(r.page);
  if (target.text !== undefined && 'errors' in s.faqOverrides.check(parse(target.text), id))
    return notFound(r.page);
  const saved = await s.faqOverrides.save(id, Number(r.form.get('version')), {
    text: target.text,
    by: r.by,
    action: 'revert',
    at: s.clock.now().getTime(),
  });
  if (saved !== undefined) return redirect(`/console/faq/entry/${id}/history?saved=${saved}`);
  return htmlResponse(
    409,
    page(
      { ...r.page, section: 'faq' },
      fr ? 'Retour arrière impossible' : 'Revert not possible',
      html`${notice('error', fr ? 'Un autre community manager a enregistré cette entrée entre-temps : rechargez la page.' : 'Another community manager saved this entry meanwhile: reload the page.')}<p><a href="/console/faq/entry/${id}/history">${fr ? 'Recharger l’historique' : 'Reload the history'}</a></p>`,
    ),
  );
}
