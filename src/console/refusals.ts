/** The pages shown before (or instead of) a session: the sign-in step and every refusal, each saying what to do. */
import type { Lang, Localized } from '../core/i18n.ts';
import { html } from './html.ts';
import { htmlResponse, type Response } from './http.ts';
import { notice, page } from './layout.ts';

const HOW_TO: Localized = {
  fr: 'Pour vous connecter, écrivez « console » au bot dans Slack, Matrix ou le terminal : il vous envoie en privé un lien personnel, valable 10 minutes et une seule fois. Seuls les community managers reçoivent ce lien.',
  en: 'To sign in, type “console” to the bot in Slack, Matrix or the terminal: it sends you, privately, a personal link valid for 10 minutes and once. Only community managers get this link.',
};

export type Refusal = 'signed-out' | 'unknown' | 'expired' | 'reused' | 'csrf' | 'scope' | 'too-large';

const REFUSALS: Record<Refusal, { status: number; title: Localized; text: Localized }> = {
  'signed-out': {
    status: 401,
    title: { fr: 'Connexion nécessaire', en: 'Sign-in needed' },
    text: {
      fr: 'Vous n’êtes pas connecté·e, ou votre session a expiré après 30 minutes sans activité.',
      en: 'You are not signed in, or your session expired after 30 minutes without activity.',
    },
  },
  unknown: {
    status: 403,
    title: { fr: 'Lien non reconnu', en: 'Link not recognised' },
    text: {
      fr: 'Ce lien de connexion n’existe pas : il est peut-être incomplet (copiez-le en entier).',
      en: 'This sign-in link does not exist: it may be incomplete (copy all of it).',
    },
  },
  expired: {
    status: 403,
    title: { fr: 'Lien expiré', en: 'Link expired' },
    text: {
      fr: 'Ce lien de connexion avait plus de 10 minutes : il n’est plus valable.',
      en: 'This sign-in link is more than 10 minutes old: it is no longer valid.',
    },
  },
  reused: {
    status: 403,
    title: { fr: 'Lien déjà utilisé', en: 'Link already used' },
    text: {
      fr: 'Ce lien de connexion a déjà servi : chaque lien ne sert qu’une fois. Si ce n’était pas vous, prévenez les autres community managers.',
      en: 'This sign-in link has already been used: each link works once. If that was not you, tell the other community managers.',
    },
  },
  csrf: {
    status: 403,
    title: { fr: 'Formulaire refusé', en: 'Form refused' },
    text: {
      fr: 'Ce formulaire ne vient pas de votre session de console (jeton de sécurité absent ou faux) : rien n’a été modifié. Rechargez la page et recommencez.',
      en: 'This form does not come from your console session (security token missing or wrong): nothing was changed. Reload the page and try again.',
    },
  },
  scope: {
    status: 403,
    title: { fr: 'Hors de votre périmètre', en: 'Outside your scope' },
    text: {
      fr: 'Cette action concerne un espace de travail ou un salon que vous ne gérez pas : rien n’a été modifié.',
      en: 'This action concerns a workspace or room you do not manage: nothing was changed.',
    },
  },
  'too-large': {
    status: 413,
    title: { fr: 'Envoi trop volumineux', en: 'Upload too large' },
    text: {
      fr: 'Le formulaire envoyé dépasse 512 Ko : rien n’a été enregistré.',
      en: 'The form sent is larger than 512 KB: nothing was saved.',
    },
  },
};

export function refusalPage(lang: Lang, refusal: Refusal, signedIn?: { csrf: string }): Response {
  const r = REFUSALS[refusal];
  const body = html`${notice('error', r.text[lang])}
${refusal === 'csrf' || refusal === 'scope' || refusal === 'too-large' ? '' : html`<p>${HOW_TO[lang]}</p>`}
<p><a href="/console/">${lang === 'fr' ? 'Retour à la console' : 'Back to the console'}</a></p>`;
  return htmlResponse(r.status, page({ lang, csrf: signedIn?.csrf }, r.title[lang], body));
}

/** The step between the link and the session: a button, so a chat's link preview cannot use up the link. */
export function signInPage(lang: Lang, token: string): Response {
  const body = html`<p>${lang === 'fr' ? 'Ce lien personnel ouvre une session de console pour 30 minutes d’inactivité au plus.' : 'This personal link opens a console session, for up to 30 idle minutes.'}</p>
<form method="post" action="/console/sign-in">
<input type="hidden" name="token" value="${token}">
<button type="submit">${lang === 'fr' ? 'Se connecter' : 'Sign in'}</button>
</form>`;
  return htmlResponse(
    200,
    page({ lang }, lang === 'fr' ? 'Connexion à la console' : 'Console sign-in', body),
  );
}
