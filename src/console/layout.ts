/** The page shell every console page shares: language, navigation, sign-out, and the stylesheet the bot serves. */
import type { Lang, Localized } from '../core/i18n.ts';
import { shownDay, shownInstant } from './dates.ts';
import { type Html, html } from './html.ts';

export interface PageContext {
  lang: Lang;
  /** The session's CSRF token, put in every form; absent on the pages shown before sign-in. */
  csrf?: string;
  /** Which navigation entry is current. */
  section?: 'home' | 'calls' | 'faq' | 'broadcasts' | 'activity';
  /** The page's own address, where the language switch comes back to. */
  path?: string;
}

const NAV: Array<{ id: NonNullable<PageContext['section']>; href: string; label: Localized }> = [
  { id: 'calls', href: '/console/calls', label: { fr: 'Appels', en: 'Calls' } },
  { id: 'faq', href: '/console/faq', label: { fr: 'FAQ', en: 'FAQ' } },
  { id: 'broadcasts', href: '/console/broadcasts', label: { fr: 'Diffusions', en: 'Broadcasts' } },
  { id: 'activity', href: '/console/activity', label: { fr: 'Activité', en: 'Activity' } },
];

/** The hidden field that carries the CSRF token. */
export function csrfField(ctx: PageContext): Html {
  return html`<input type="hidden" name="csrf" value="${ctx.csrf ?? ''}">`;
}

/** A whole HTML page around `body`. */
export function page(ctx: PageContext, title: string, body: Html): Html {
  const l = (text: Localized) => text[ctx.lang];
  const signedIn = ctx.csrf !== undefined;
  const other: Lang = ctx.lang === 'fr' ? 'en' : 'fr';
  return html`<!doctype html>
<html lang="${ctx.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — nec-bot</title>
<link rel="stylesheet" href="/console/assets/console.css">
</head>
<body>
<a class="skip" href="#main">${l({ fr: 'Aller au contenu', en: 'Skip to content' })}</a>
<header>
  <p class="brand"><a href="/console/">nec-bot · ${l({ fr: 'console', en: 'console' })}</a></p>
  ${
    signedIn
      ? html`<nav aria-label="${l({ fr: 'Sections', en: 'Sections' })}"><ul>${NAV.map(
          (n) =>
            html`<li><a href="${n.href}"${n.id === ctx.section ? html` aria-current="page"` : ''}>${l(n.label)}</a></li>`,
        )}</ul></nav>
  <div class="session">
    <form method="post" action="/console/language">${csrfField(ctx)}<input type="hidden" name="lang" value="${other}"><input type="hidden" name="back" value="${ctx.path ?? '/console/'}"><button type="submit" lang="${other}">${other === 'en' ? 'English' : 'Français'}</button></form>
    <form method="post" action="/console/sign-out">${csrfField(ctx)}<button type="submit">${l({ fr: 'Se déconnecter', en: 'Sign out' })}</button></form>
  </div>`
      : ''
  }
</header>
<main id="main">
<h1>${title}</h1>
${body}
</main>
</body>
</html>`;
}

/** A message box: `ok` after a save, `error` for what went wrong. */
export function notice(kind: 'ok' | 'error' | 'info', text: string | Html): Html {
  return html`<div class="notice ${kind}" role="${kind === 'error' ? 'alert' : 'status'}">${text}</div>`;
}

/**
 * One labelled form field with its error beside it (`aria-describedby`, `aria-invalid`). A `date` or
 * `datetime-local` field is text written day first (`dates.ts`): its hint should say the format.
 */
export function field(options: {
  name: string;
  label: string;
  value: string;
  error?: string;
  type?: 'text' | 'date' | 'number' | 'email' | 'datetime-local' | 'textarea';
  hint?: string;
  required?: boolean;
}): Html {
  const id = `f-${options.name.replace(/[^\w-]/g, '-')}`;
  const described = [options.hint ? `${id}-hint` : '', options.error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  const common = html` id="${id}" name="${options.name}"${described ? html` aria-describedby="${described}"` : ''}${options.error ? html` aria-invalid="true"` : ''}${options.required ? html` required` : ''}`;
  const control =
    options.type === 'textarea'
      ? html`<textarea${common} rows="3">${options.value}</textarea>`
      : options.type === 'date' || options.type === 'datetime-local'
        ? // Text, day first, rather than the browser's own date control, which follows the browser's language.
          html`<input${common} type="text" value="${options.type === 'date' ? shownDay(options.value) : shownInstant(options.value)}" autocomplete="off" spellcheck="false">`
        : html`<input${common} type="${options.type ?? 'text'}" value="${options.value}"${options.type === 'number' ? html` step="any"` : ''}>`;
  return html`<div class="field${options.error ? ' invalid' : ''}">
<label for="${id}">${options.label}</label>
${options.hint ? html`<p class="hint" id="${id}-hint">${options.hint}</p>` : ''}
${control}
${options.error ? html`<p class="error" id="${id}-error">${options.error}</p>` : ''}
</div>`;
}
