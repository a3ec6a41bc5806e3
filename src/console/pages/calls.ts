/**
 * The calls pages: the list with each call's status, the edit form (validated by the call files' schema, a
 * preview of what changes before saving), the history with diffs and revert, YAML export and import.
 */
import { parse } from 'yaml';
import { dialogProblem } from '../../../dialogs/editions.ts';
import { DIALOGS } from '../../../dialogs/index.ts';
import { callStatus, renderStatus } from '../../../rules/index.ts';
import { parseCallFile } from '../../../rules/loader.ts';
import type { Lang } from '../../core/i18n.ts';
import { type Counted, plural } from '../../core/plural.ts';
import { applyCallForm, callFormGroups, validateCall } from '../call-form.ts';
import { type CallPreview, PREVIEW_PAGE, previewCall } from '../call-preview.ts';
import { type Html, html } from '../html.ts';
import { htmlResponse, type Response, redirect } from '../http.ts';
import { csrfField, field, notice, type PageContext, page } from '../layout.ts';
import type { PageRequest, PageRoute } from '../router.ts';
import type { ConsoleServices } from '../services.ts';
import { changesTable, historyList, revisionText } from './shared.ts';

type Raw = Record<string, unknown>;

const CONFLICT = {
  fr: 'Un autre community manager a enregistré cet appel entre-temps : rechargez la page.',
  en: 'Another community manager saved this call meanwhile: reload the page.',
};

export function callRoutes(s: ConsoleServices): PageRoute[] {
  return [
    { method: 'GET', path: '/console/calls', handler: (r) => list(s, r) },
    { method: 'GET', path: '/console/calls/import', handler: async (r) => importForm(r.page, '', []) },
    { method: 'POST', path: '/console/calls/import', handler: (r) => importCall(s, r) },
    { method: 'GET', path: '/console/calls/:id', handler: (r) => edit(s, r) },
    { method: 'POST', path: '/console/calls/:id', handler: (r) => submit(s, r) },
    { method: 'GET', path: '/console/calls/:id/history', handler: (r) => history(s, r) },
    { method: 'POST', path: '/console/calls/:id/revert', handler: (r) => revert(s, r) },
    { method: 'GET', path: '/console/calls/:id/export', handler: (r) => exportCall(s, r) },
  ];
}

const T = {
  calls: { fr: 'Appels', en: 'Calls' },
  edited: { fr: 'modifié dans la console (version {v})', en: 'edited in the console (version {v})' },
  shipped: { fr: 'fichier livré', en: 'shipped file' },
  imported: { fr: 'importé dans la console', en: 'imported in the console' },
} as const;

function say(
  lang: Lang,
  text: { fr: string; en: string },
  params: Record<string, string | number> = {},
): string {
  return text[lang].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

async function list(s: ConsoleServices, r: PageRequest): Promise<Response> {
  const { lang } = r.page;
  const fr = lang === 'fr';
  const now = s.clock.now();
  const rows: Html[] = [];
  for (const call of s.calls.list()) {
    const status = callStatus(call, now, r.session.zone);
    const doc = await s.callOverrides.store.read(call.id);
    const origin =
      doc.text === undefined
        ? say(lang, T.shipped)
        : s.calls.shipped(call.id)
          ? say(lang, T.edited, { v: doc.version })
          : say(lang, T.imported);
    rows.push(html`<tr>
<th scope="row"><a href="/console/calls/${call.id}">${call.name[lang]}</a><br><code>${call.id}</code></th>
<td><span class="status ${status.state}">${renderStatus(call, status, lang)}</span></td>
<td>${call.edition}</td><td>${origin}</td>
<td><a href="/console/calls/${call.id}/history">${fr ? 'Historique' : 'History'}</a> · <a href="/console/calls/${call.id}/export" download="${call.id}.yaml">${fr ? 'Exporter (YAML)' : 'Export (YAML)'}</a></td>
</tr>`);
  }
  const body = html`<p>${fr ? 'Les appels que le bot connaît, tels que les dialogues les utilisent en ce moment sur chaque instance.' : 'The calls the bot knows, as the dialogs use them right now on every replica.'}</p>
<div class="table-wrap"><table><caption>${fr ? 'Appels et état aujourd’hui' : 'Calls and their status today'}</caption>
<thead><tr><th scope="col">${fr ? 'Appel' : 'Call'}</th><th scope="col">${fr ? 'État' : 'Status'}</th><th scope="col">${fr ? 'Édition' : 'Edition'}</th><th scope="col">${fr ? 'Origine' : 'Origin'}</th><th scope="col">${fr ? 'Actions' : 'Actions'}</th></tr></thead>
<tbody>${rows}</tbody></table></div>
<p class="actions"><a class="button" href="/console/calls/import">${fr ? 'Importer un nouvel appel' : 'Import a new call'}</a></p>`;
  return htmlResponse(200, page({ ...r.page, section: 'calls' }, say(lang, T.calls), body));
}

async function edit(s: ConsoleServices, r: PageRequest): Promise<Response> {
  const current = await s.callOverrides.current(r.params.id as string);
  if (!current) return notFound(r.page);
  const raw = parse(current.text) as Raw;
  return form(r, raw, current.version, new Map(), [], undefined);
}

/** The edit form, with errors beside their fields, an optional preview and a notice above. */
function form(
  r: PageRequest,
  raw: Raw,
  version: number,
  errors: Map<string, string>,
  other: string[],
  above: Html | undefined,
  preview?: Html,
): Response {
  const { lang } = r.page;
  const fr = lang === 'fr';
  const id = r.params.id as string;
  const name = (raw.name as Raw | undefined)?.[lang];
  const groups = callFormGroups(raw, lang);
  const invalid = errors.size > 0 || other.length > 0;
  const body = html`${above ?? ''}
${invalid ? notice('error', fr ? 'Certains champs sont à corriger : voir les messages à côté de chacun. Rien n’a été enregistré.' : 'Some fields need fixing: see the message beside each. Nothing was saved.') : ''}
${other.length > 0 ? html`<ul class="error">${other.map((o) => html`<li>${o}</li>`)}</ul>` : ''}
${preview ?? ''}
<form id="call-form" method="post" action="/console/calls/${id}" novalidate>
${csrfField(r.page)}
<input type="hidden" name="version" value="${version}">
${groups.map((g) => {
  const fields = g.fields.map((f) => field({ ...f, error: errors.get(f.name) }));
  const open = !g.folded || g.fields.some((f) => errors.has(f.name));
  return g.folded
    ? html`<details${open && g.fields.some((f) => errors.has(f.name)) ? html` open` : ''}><summary>${g.legend}</summary><fieldset><legend>${g.legend}</legend>${fields}</fieldset></details>`
    : html`<fieldset><legend>${g.legend}</legend>${fields}</fieldset>`;
})}
<div class="actions">
<button type="submit" name="action" value="preview">${fr ? 'Voir ce qui change' : 'Preview the changes'}</button>
${preview && !invalid ? html`<button type="submit" name="action" value="save">${fr ? 'Enregistrer' : 'Save'}</button>` : ''}
<a href="/console/calls">${fr ? 'Annuler' : 'Cancel'}</a>
</div>
</form>
<p><a href="/console/calls/${id}/history">${fr ? 'Historique des versions' : 'Version history'}</a> · <a href="/console/calls/${id}/export">${fr ? 'Exporter (YAML)' : 'Export (YAML)'}</a></p>`;
  const title = `${fr ? 'Modifier' : 'Edit'} — ${typeof name === 'string' ? name : id}`;
  return htmlResponse(invalid ? 422 : 200, page({ ...r.page, section: 'calls' }, title, body));
}

async function submit(s: ConsoleServices, r: PageRequest): Promise<Response> {
  const id = r.params.id as string;
  const current = await s.callOverrides.current(id);
  if (!current) return notFound(r.page);
  const { lang } = r.page;
  const fr = lang === 'fr';
  const version = Number(r.form.get('version'));
  const base = parse(current.text) as Raw;
  const { text, raw } = applyCallForm(current.text, r.form, lang);
  const names = callFormGroups(base, lang).flatMap((g) => g.fields.map((f) => f.name));
  const { errors, other } = validateCall(raw, names, lang);
  if (errors.size > 0 || other.length > 0) return form(r, raw, version, errors, other, undefined);
  const stale =
    version !== current.version
      ? notice(
          'error',
          html`${fr ? `Un autre community manager a enregistré cet appel entre-temps (version ${current.version}). Vos modifications ne sont pas enregistrées : rechargez la dernière version, puis refaites-les.` : `Another community manager saved this call meanwhile (version ${current.version}). Your changes are not saved: reload the latest version, then make them again.`} <a href="/console/calls/${id}">${fr ? 'Recharger la dernière version' : 'Reload the latest version'}</a>`,
        )
      : undefined;
  if (stale) return form(r, raw, version, errors, other, stale);
  const parsed = parseCallFile(`${id}.yaml`, text);
  if ('problems' in parsed) return form(r, raw, version, errors, parsed.problems, undefined);
  if (r.form.get('action') !== 'save') {
    const preview = await previewCall(s.calls.get(id), parsed.call, {
      ...s,
      now: s.clock.now(),
      zone: r.session.zone,
      lang,
      scope: r.session.manager,
      from: Number(r.form.get('from') ?? 0) || 0,
    });
    return form(r, raw, version, errors, other, undefined, previewBlock(preview, lang));
  }
  const saved = await s.callOverrides.save(id, version, {
    text,
    by: r.by,
    action: 'edit',
    at: s.clock.now().getTime(),
  });
  if ('conflict' in saved) return form(r, raw, version, errors, other, notice('error', CONFLICT[lang]));
  if ('problems' in saved) return form(r, raw, version, errors, saved.problems, undefined);
  return redirect(`/console/calls/${id}/history?saved=${saved.version}`);
}

function previewBlock(preview: CallPreview, lang: Lang): Html {
  const fr = lang === 'fr';
  const callRows = [...(preview.status ? [preview.status] : []), ...preview.dates];
  const { applications } = preview;
  const nothing =
    callRows.length === 0 &&
    applications.changed.length === 0 &&
    applications.examined === applications.total &&
    preview.subscriptions.length === 0;
  return html`<section class="preview" aria-labelledby="preview-title">
<h2 id="preview-title">${fr ? 'Aperçu : ce qui changera' : 'Preview: what will change'}</h2>
${nothing ? html`<p>${fr ? 'Ni l’état, ni les dates clés, ni les dossiers, ni les annonces ne changent (seuls des textes ou chiffres sans effet sur eux).' : 'Neither the status, the key dates, the applications nor the announcements change (only texts or figures without effect on them).'}</p>` : ''}
${callRows.length > 0 ? changesTable(fr ? 'L’appel' : 'The call', callRows, lang) : ''}
${applicationsSummary(applications, lang)}
${applications.changed.map((a) => changesTable(a.label, a.changes, lang))}
${applicationPages(applications, lang)}
${preview.subscriptions.map(
  (sub) => html`<h3>${fr ? 'Annonces du salon' : 'Announcements of channel'} <code>#${sub.room}</code></h3>
<div class="table-wrap"><table><thead><tr><th scope="col">${fr ? 'Avant' : 'Before'}</th><th scope="col">${fr ? 'Après' : 'After'}</th></tr></thead>
<tbody><tr><td><ul>${sub.before.map((b) => html`<li>${b}</li>`)}</ul></td><td><ul>${sub.after.map((a) => html`<li>${a}</li>`)}</ul></td></tr></tbody></table></div>`,
)}
<p>${fr ? 'Rien n’est enregistré tant que vous n’avez pas cliqué sur « Enregistrer ».' : 'Nothing is saved until you click “Save”.'}</p>
</section>`;
}

const STORED: Counted = {
  fr: {
    one: '{count} dossier enregistré pour cet appel',
    other: '{count} dossiers enregistrés pour cet appel',
  },
  en: { one: '{count} application stored for this call', other: '{count} applications stored for this call' },
};
const WOULD_CHANGE: Counted = {
  fr: { one: '{count} changerait', other: '{count} changeraient' },
  en: { one: '{count} would change', other: '{count} would change' },
};
const NUMBER = { fr: new Intl.NumberFormat('fr-FR'), en: new Intl.NumberFormat('en-GB') };

/** How many applications the call has, which of them this page examined, and how many of those change. */
function applicationsSummary(a: CallPreview['applications'], lang: Lang): Html {
  const fr = lang === 'fr';
  if (a.total === 0)
    return html`<p>${fr ? 'Aucun dossier enregistré pour cet appel.' : 'No application stored for this call.'}</p>`;
  const range =
    a.examined < a.total
      ? fr
        ? ` (examinés ici : ${NUMBER.fr.format(a.from + 1)} à ${NUMBER.fr.format(a.from + a.examined)})`
        : ` (examined here: ${NUMBER.en.format(a.from + 1)} to ${NUMBER.en.format(a.from + a.examined)})`
      : '';
  const changing =
    a.changed.length === 0
      ? fr
        ? 'aucun ne changerait'
        : 'none would change'
      : plural(lang, a.changed.length, WOULD_CHANGE);
  return html`<p class="preview-count">${plural(lang, a.total, STORED)}${range}${fr ? ' : ' : ': '}${changing}.</p>`;
}

/** The previous and next pages of applications: the same form, previewed from another position. */
function applicationPages(a: CallPreview['applications'], lang: Lang): Html {
  const fr = lang === 'fr';
  const buttons: Html[] = [];
  if (a.from > 0)
    buttons.push(
      html`<button type="submit" form="call-form" name="from" value="${Math.max(0, a.from - PREVIEW_PAGE)}">${fr ? 'Dossiers précédents' : 'Previous applications'}</button>`,
    );
  if (a.from + a.examined < a.total)
    buttons.push(
      html`<button type="submit" form="call-form" name="from" value="${a.from + a.examined}">${fr ? 'Dossiers suivants' : 'Next applications'}</button>`,
    );
  return buttons.length > 0 ? html`<div class="actions">${buttons}</div>` : html``;
}

async function history(s: ConsoleServices, r: PageRequest): Promise<Response> {
  const id = r.params.id as string;
  const call = s.calls.get(id);
  if (!call) return notFound(r.page);
  const { lang } = r.page;
  const fr = lang === 'fr';
  const doc = await s.callOverrides.store.read(id);
  const saved = r.url.searchParams.get('saved');
  const body = html`${saved ? notice('ok', fr ? `Version ${saved} enregistrée : elle est en vigueur sur toutes les instances.` : `Version ${saved} saved: it is in force on every replica.`) : ''}
<p><a href="/console/calls/${id}">${fr ? 'Modifier cet appel' : 'Edit this call'}</a> · <a href="/console/calls">${fr ? 'Tous les appels' : 'All calls'}</a></p>
${historyList({ ctx: r.page, history: doc.history, version: doc.version, shipped: await s.callOverrides.shippedText(id), revertAction: `/console/calls/${id}/revert`, zone: r.session.zone })}`;
  return htmlResponse(
    200,
    page({ ...r.page, section: 'calls' }, `${fr ? 'Historique' : 'History'} — ${call.name[lang]}`, body),
  );
}

async function revert(s: ConsoleServices, r: PageRequest): Promise<Response> {
  const id = r.params.id as string;
  const fr = r.page.lang === 'fr';
  const doc = await s.callOverrides.store.read(id);
  const target = revisionText(doc.history, Number(r.form.get('to')));
  if (!target.found || !s.calls.get(id)) return notFound(r.page);
  if (target.text === undefined && !s.calls.shipped(id)) return notFound(r.page);
  const saved = await s.callOverrides.save(id, Number(r.form.get('version')), {
    text: target.text,
    by: r.by,
    action: 'revert',
    at: s.clock.now().getTime(),
  });
  if ('version' in saved) return redirect(`/console/calls/${id}/history?saved=${saved.version}`);
  const why = 'conflict' in saved ? CONFLICT[r.page.lang] : saved.problems.join('; ');
  return htmlResponse(
    409,
    page(
      { ...r.page, section: 'calls' },
      fr ? 'Retour arrière impossible' : 'Revert not possible',
      html`${notice('error', why)}<p><a href="/console/calls/${id}/history">${fr ? 'Recharger l’historique' : 'Reload the history'}</a></p>`,
    ),
  );
}

async function exportCall(s: ConsoleServices, r: PageRequest): Promise<Response> {
  const id = r.params.id as string;
  const current = await s.callOverrides.current(id);
  if (!current) return notFound(r.page);
  return {
    status: 200,
    type: 'application/yaml; charset=utf-8',
    body: current.text,
    headers: { 'content-disposition': `attachment; filename="${id}.yaml"` },
  };
}

function importForm(ctx: PageContext, text: string, problems: string[]): Response {
  const fr = ctx.lang === 'fr';
  const body = html`<p>${fr ? 'Collez un fichier d’appel au format livré (YAML, comme ceux qu’exporte la console). Il est vérifié par le même schéma que les fichiers ; l’identifiant doit être nouveau.' : 'Paste a call file in the shipped format (YAML, like those the console exports). It is checked by the same schema as the files; its id must be new.'}</p>
<form method="post" action="/console/calls/import" novalidate>${csrfField(ctx)}
${field({ name: 'yaml', label: fr ? 'Fichier d’appel (YAML)' : 'Call file (YAML)', value: text, type: 'textarea', error: problems.length > 0 ? problems.join(' · ') : undefined, required: true })}
<div class="actions"><button type="submit">${fr ? 'Importer' : 'Import'}</button><a href="/console/calls">${fr ? 'Annuler' : 'Cancel'}</a></div></form>`;
  return htmlResponse(
    problems.length > 0 ? 422 : 200,
    page({ ...ctx, section: 'calls' }, fr ? 'Importer un appel' : 'Import a call', body),
  );
}

async function importCall(s: ConsoleServices, r: PageRequest): Promise<Response> {
  const text = r.form.get('yaml') ?? '';
  const { lang } = r.page;
  const fr = lang === 'fr';
  let raw: Raw | undefined;
  try {
    const value: unknown = parse(text);
    if (value && typeof value === 'object') raw = value as Raw;
  } catch {}
  const id = raw?.id;
  if (!raw || typeof id !== 'string' || id === '')
    return importForm(r.page, text, [
      fr ? 'Le fichier doit être du YAML avec un champ « id ».' : 'The file must be YAML with an “id” field.',
    ]);
  if (s.calls.get(id) || (await s.callOverrides.store.read(id)).version > 0)
    return importForm(r.page, text, [
      fr
        ? `L’appel « ${id} » existe déjà : modifiez-le plutôt.`
        : `Call “${id}” already exists: edit it instead.`,
    ]);
  // The schema's problems in the manager's language; then whether a dialog can ask the new call's questions.
  const { other } = validateCall(raw, [], lang);
  if (other.length > 0) return importForm(r.page, text, other);
  const parsed = parseCallFile(`${id}.yaml`, text);
  if ('problems' in parsed)
    return importForm(
      r.page,
      text,
      parsed.problems.map((p) => p.replace(/^[^:]+: /, '')),
    );
  const problem = dialogProblem(DIALOGS, parsed.call);
  if (problem) return importForm(r.page, text, [`dialog: ${problem[lang]}`]);
  const saved = await s.callOverrides.save(id, 0, {
    text,
    by: r.by,
    action: 'import',
    at: s.clock.now().getTime(),
  });
  if ('problems' in saved)
    return importForm(
      r.page,
      text,
      saved.problems.map((p) => p.replace(/^[^:]+: /, '')),
    );
  if ('conflict' in saved)
    return importForm(r.page, text, [
      fr
        ? 'Un autre community manager vient d’importer cet appel.'
        : 'Another community manager has just imported this call.',
    ]);
  return redirect(`/console/calls/${id}/history?saved=${saved.version}`);
}

export function notFound(ctx: PageContext): Response {
  const fr = ctx.lang === 'fr';
  return htmlResponse(
    404,
    page(
      ctx,
      fr ? 'Introuvable' : 'Not found',
      html`<p><a href="/console/">${fr ? 'Retour à la console' : 'Back to the console'}</a></p>`,
    ),
  );
}
