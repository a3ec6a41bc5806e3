/**
 * A manager's browser reduced to HTTP, for the console tests that need no rendering: signs in with a link the
 * chat gave, keeps the session cookie, sends forms with the session's CSRF token (or a forged one).
 */

export interface ConsolePage {
  status: number;
  html: string;
  headers: Headers;
}

export class ConsoleClient {
  readonly origin: string;
  #cookie = '';
  #csrf = '';

  private constructor(origin: string) {
    this.origin = origin;
  }

  /** Opens a sign-in link and presses « Se connecter »; the client then holds the session. */
  static async signIn(link: string): Promise<ConsoleClient> {
    const url = new URL(link);
    const client = new ConsoleClient(url.origin);
    const token = url.searchParams.get('token') ?? '';
    const response = await fetch(`${url.origin}/console/sign-in`, {
      method: 'POST',
      body: new URLSearchParams({ token }),
      redirect: 'manual',
    });
    if (response.status !== 303) throw new Error(`sign-in refused: ${response.status}`);
    client.#cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    await client.get('/console/');
    return client;
  }

  /** The session cookie as the browser would send it (empty once signed out). */
  get cookie(): string {
    return this.#cookie;
  }

  async get(path: string): Promise<ConsolePage> {
    return this.#send(path, { method: 'GET' });
  }

  /** Posts a form; the CSRF token of the last page is added unless `csrf` says otherwise. */
  async post(
    path: string,
    fields: Record<string, string>,
    options: { csrf?: string } = {},
  ): Promise<ConsolePage> {
    const body = new URLSearchParams({ csrf: options.csrf ?? this.#csrf, ...fields });
    return this.#send(path, { method: 'POST', body });
  }

  async #send(path: string, init: RequestInit): Promise<ConsolePage> {
    let response = await fetch(`${this.origin}${path}`, {
      ...init,
      headers: { cookie: this.#cookie },
      redirect: 'manual',
    });
    // A 303 after a form, as a browser follows it (the cookie may have changed: sign-out clears it).
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.#cookie = /Max-Age=0/.test(setCookie) ? '' : (setCookie.split(';')[0] ?? '');
    const location = response.headers.get('location');
    if (response.status === 303 && location)
      response = await fetch(`${this.origin}${location}`, {
        headers: { cookie: this.#cookie },
        redirect: 'manual',
      });
    const html = await response.text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
    if (csrf) this.#csrf = csrf;
    return { status: response.status, html, headers: response.headers };
  }
}

/** The text of a page without its tags, spaces collapsed (what a person reads). */
export function pageText(html: string): string {
  return html
    .replace(/<\/?(a|code|span|strong|b|em)\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** The value of a hidden or text input in a page (the version a form saves on top of). */
export function inputValue(html: string, name: string): string | undefined {
  return new RegExp(`name="${name.replace(/\./g, '\\.')}"[^>]*value="([^"]*)"`).exec(html)?.[1];
}
