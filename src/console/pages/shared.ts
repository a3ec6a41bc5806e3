/** Pieces several console pages show: a revision history with diffs and revert buttons, a table of changes. */
import { diffLines } from 'diff';
import { parseDocument } from 'yaml';
import type { Lang } from '../../core/i18n.ts';
import { formatInstant } from '../../scheduler/format.ts';
import { type Html, html } from '../html.ts';
import { csrfField, type PageContext } from '../layout.ts';
import { type Revision, YAML_LAYOUT } from '../overrides.ts';

/** A line diff: removed lines then added ones, each marked for screen readers as well as by colour. */
export function diffBlock(before: string, after: string, lang: Lang): Html {
  const parts = diffLines(layout(before), layout(after));
  if (!parts.some((p) => p.added || p.removed))
    return html`<p>${lang === 'fr' ? 'Aucune différence.' : 'No difference.'}</p>`;
  return html`<pre class="diff">${parts.flatMap((part) =>
    part.added || part.removed
      ? part.value
          .replace(/\n$/, '')
          .split('\n')
          .map(
            (line) =>
              html`<span class="${part.added ? 'add' : 'del'}">${part.added ? '+ ' : '− '}${line}</span>`,
          )
      : [],
  )}</pre>`;
}

/** YAML in one layout, so a diff shows what changed rather than how a file was spaced. */
function layout(text: string): string {
  const doc = parseDocument(text);
  return doc.errors.length > 0 ? text : doc.toString(YAML_LAYOUT);
}

/** Every revision, newest first, with what it changed and a button to go back to it. */
export function historyList(options: {
  ctx: PageContext;
  history: Revision[];
  version: number;
  shipped: string | undefined;
  revertAction: string;
  zone: string;
}): Html {
  const { ctx, history, shipped } = options;
  const fr = ctx.lang === 'fr';
  const action = (r: Revision) =>
    ({
      edit: fr ? 'modification' : 'edit',
      import: fr ? 'import' : 'import',
      revert: fr ? 'retour arrière' : 'revert',
    })[r.action];
  const items = history
    .map((revision, i) => ({ revision, previous: i === 0 ? shipped : history[i - 1]?.text }))
    .reverse()
    .map(
      ({ revision, previous }) => html`<li>
<h3>${fr ? 'Version' : 'Version'} ${revision.version} — ${action(revision)}, ${formatInstant(revision.at, options.zone, ctx.lang)}, ${revision.by}${revision.version === options.version ? html` <strong>(${fr ? 'en vigueur' : 'in force'})</strong>` : ''}</h3>
${revision.text === undefined ? html`<p>${fr ? 'Retour au fichier livré.' : 'Back to the shipped file.'}</p>` : diffBlock(previous ?? shipped ?? '', revision.text, ctx.lang)}
${
  revision.version === options.version
    ? ''
    : html`<form method="post" action="${options.revertAction}">${csrfField(ctx)}
<input type="hidden" name="to" value="${revision.version}"><input type="hidden" name="version" value="${options.version}">
<button type="submit" class="secondary">${fr ? `Revenir à la version ${revision.version}` : `Revert to version ${revision.version}`}</button></form>`
}
</li>`,
    );
  return html`${
    shipped !== undefined && history.at(-1)?.text !== undefined
      ? html`<form method="post" action="${options.revertAction}">${csrfField(ctx)}<input type="hidden" name="to" value="0"><input type="hidden" name="version" value="${options.version}">
<button type="submit" class="secondary">${fr ? 'Revenir au fichier livré' : 'Revert to the shipped file'}</button></form>`
      : ''
  }
${history.length === 0 ? html`<p>${fr ? 'Jamais modifié dans la console.' : 'Never changed in the console.'}</p>` : html`<ol reversed class="history">${items}</ol>`}`;
}

/** A table of before → after changes. */
export function changesTable(
  caption: string,
  rows: Array<{ label: string; before: string; after: string }>,
  lang: Lang,
): Html {
  const fr = lang === 'fr';
  return html`<div class="table-wrap"><table><caption>${caption}</caption>
<thead><tr><th scope="col">${fr ? 'Élément' : 'Item'}</th><th scope="col">${fr ? 'Avant' : 'Before'}</th><th scope="col">${fr ? 'Après' : 'After'}</th></tr></thead>
<tbody>${rows.map((r) => html`<tr><th scope="row">${r.label}</th><td>${r.before}</td><td>${r.after}</td></tr>`)}</tbody></table></div>`;
}

/** The revision to go back to: its text (undefined for the shipped file, version 0). */
export function revisionText(history: Revision[], to: number): { found: boolean; text: string | undefined } {
  if (to === 0) return { found: true, text: undefined };
  const revision = history.find((r) => r.version === to);
  return revision ? { found: true, text: revision.text } : { found: false, text: undefined };
}
