/** The console's routes: sign-in, then pages that each need a live session, with CSRF checked on every POST. */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { match } from 'path-to-regexp';
import { isLang } from '../core/i18n.ts';
import type { Logger } from '../logger.ts';
import { html } from './html.ts';
import {
  BodyTooLarge,
  cookieValue,
  htmlResponse,
  isHttps,
  type Response,
  readForm,
  redirect,
  SESSION_COOKIE,
  send,
  sessionCookie,
} from './http.ts';
import { type PageContext, page } from './layout.ts';
import { refusalPage, signInPage } from './refusals.ts';
import { type ConsoleSession, type ConsoleSignIn, csrfMatches } from './sign-in.ts';

/** What a page handler gets: the request, its parameters and form, and the manager's session. */
export interface PageRequest {
  url: URL;
  params: Record<string, string>;
  form: URLSearchParams;
  session: ConsoleSession;
  page: PageContext;
  /** The manager, as history and logs name them (`platform:user`). */
  by: string;
}

export type PageHandler = (request: PageRequest) => Promise<Response>;

export interface PageRoute {
  method: 'GET' | 'POST';
  path: string;
  handler: PageHandler;
}

const STYLESHEET = new URL('./assets/console.css', import.meta.url);

export class ConsoleRouter {
  readonly #signIn: ConsoleSignIn;
  readonly #logger: Logger;
  readonly #routes: Array<PageRoute & { test: ReturnType<typeof match> }>;
  #css: Promise<string> | undefined;

  constructor(signIn: ConsoleSignIn, logger: Logger, routes: PageRoute[]) {
    this.#signIn = signIn;
    this.#logger = logger;
    this.#routes = routes.map((r) => ({ ...r, test: match(r.path, { decode: decodeURIComponent }) }));
  }

  /** Serves one request under /console; never throws (a failure is a 500 page, logged). */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      send(res, await this.#route(req));
    } catch (error) {
      this.#logger.error({ err: error }, 'console request failed');
      if (!res.headersSent)
        send(res, { status: 500, type: 'text/plain; charset=utf-8', body: 'console error' });
    }
  }

  async #route(req: IncomingMessage): Promise<Response> {
    const url = new URL(req.url ?? '/', 'http://console.invalid');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');
    const secure = isHttps(req);
    const queryLang = url.searchParams.get('lang');
    const lang = isLang(queryLang) ? queryLang : 'fr';

    if (path === '/console/assets/console.css') {
      this.#css ??= readFile(STYLESHEET, 'utf8');
      return {
        status: 200,
        type: 'text/css; charset=utf-8',
        body: await this.#css,
        headers: { 'cache-control': 'max-age=3600' },
      };
    }
    if (path === '/console/sign-in' && method === 'GET')
      return signInPage(lang, url.searchParams.get('token') ?? '');
    let form = new URLSearchParams();
    if (method === 'POST') {
      try {
        form = await readForm(req);
      } catch (error) {
        if (error instanceof BodyTooLarge) return refusalPage(lang, 'too-large');
        throw error;
      }
    }
    if (path === '/console/sign-in' && method === 'POST') {
      const result = await this.#signIn.redeem(form.get('token') ?? '');
      if ('refused' in result) return refusalPage(lang, result.refused);
      return redirect('/console/', { 'set-cookie': sessionCookie(result.sessionId, secure) });
    }

    const sessionId = cookieValue(req, SESSION_COOKIE);
    const session = await this.#signIn.session(sessionId);
    if (!session || !sessionId) return refusalPage(lang, 'signed-out');
    const ctx: PageContext = { lang: session.lang, csrf: session.csrf, path: url.pathname + url.search };
    if (method === 'POST' && !csrfMatches(session, form.get('csrf') ?? undefined)) {
      this.#logger.warn(
        { event: 'console:csrf', manager: session.manager.userId, path },
        'console form refused',
      );
      return refusalPage(session.lang, 'csrf', session);
    }
    if (path === '/console/sign-out' && method === 'POST') {
      await this.#signIn.signOut(sessionId, session);
      return redirect(`/console/?lang=${session.lang}`, { 'set-cookie': sessionCookie('', secure) });
    }
    if (path === '/console/language' && method === 'POST') {
      const to = form.get('lang');
      if (isLang(to)) await this.#signIn.update(sessionId, { ...session, lang: to });
      return redirect(safeBack(form.get('back')));
    }
    for (const route of this.#routes) {
      if (route.method !== method) continue;
      const found = route.test(path);
      if (!found) continue;
      const params = Object.fromEntries(
        Object.entries(found.params).map(([k, v]) => [k, Array.isArray(v) ? v.join('/') : String(v)]),
      );
      const by = `${session.manager.platform}:${session.manager.userId}`;
      return route.handler({ url, params, form, session, page: ctx, by });
    }
    return refusalNotFound(ctx);
  }
}

function refusalNotFound(ctx: PageContext): Response {
  const back = ctx.lang === 'fr' ? 'Retour à la console' : 'Back to the console';
  const title = ctx.lang === 'fr' ? 'Page introuvable' : 'Page not found';
  return htmlResponse(404, page(ctx, title, html`<p><a href="/console/">${back}</a></p>`));
}

/** Back to the page the form was on, if it is a console page (never an outside address). */
function safeBack(back: string | null): string {
  return back && /^\/console(\/[^/\\]|\/?$|\?)/.test(back) ? back : '/console/';
}
