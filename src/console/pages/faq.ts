/**
 * The FAQ pages: entries by topic with their source, the entry form (new or edited, validated by the entry
 * files' schema), and each entry's history with revert; "try a question" and the unanswered questions are in
 * faq-try.ts, the form's fields in ../faq-form.ts.
 */
import { parse, stringify } from 'yaml';
import type { Lang } from '../../core/i18n.ts';
import {
  type Draft,
  FIELDS,
  fromDraft,
  LABELS,
  NEW_TOPIC,
  TEXTAREAS,
  TOPIC_FIELDS,
  TOPIC_LABELS,
  toDraft,
  topicDraft,
} from '../faq-form.ts';
import { NEW_TOPIC_PREFIX } from '../faq-overrides.ts';
import { type Html, html } from '../html.ts';
import { htmlResponse, type Response, redirect } from '../http.ts';
import { csrfField, field, notice, page } from '../layout.ts';
import { YAML_LAYOUT } from '../overrides.ts';
import type { PageRequest, PageRoute } from '../router.ts';
import type { ConsoleServices } from '../services.ts';
import { notFound } from './calls.ts';
import { tryForm, tryQuestion, unanswered } from './faq-try.ts';
import { historyList, revisionText } from './shared.ts';

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

async function edit(s: ConsoleServices, r: PageRequest): Promise<Response> {
  const entry = s.faq.kb.get(r.params.id as string);
  if (!entry) return notFound(r.page);
  const doc = await s.faqOverrides.store.read(entry.id);
  return entryForm(s, r, toDraft(entry), doc.version, new Map(), false);
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
