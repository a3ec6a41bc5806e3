/** What the console needs of HTTP: cookies, form bodies within a size limit, responses with safe headers. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Html } from './html.ts';

/** Form bodies larger than this are refused (an imported call file is a few kilobytes). */
const MAX_BODY_BYTES = 512 * 1024;
export const SESSION_COOKIE = 'nec_console';

export interface Response {
  status: number;
  type?: string;
  body?: string;
  headers?: Record<string, string>;
}

export class BodyTooLarge extends Error {}

export function htmlResponse(status: number, body: Html, headers: Record<string, string> = {}): Response {
  return { status, type: 'text/html; charset=utf-8', body: body.value, headers };
}

/** A 303 "see other": after a POST, the browser loads the result with GET (reloading it resends nothing). */
export function redirect(location: string, headers: Record<string, string> = {}): Response {
  return { status: 303, headers: { location, ...headers } };
}

export function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** Whether the browser reached us over https (directly or through a proxy that says so). */
export function isHttps(req: IncomingMessage): boolean {
  const forwarded = String(req.headers['x-forwarded-proto'] ?? '')
    .split(',')[0]
    ?.trim();
  return forwarded === 'https' || Boolean((req.socket as { encrypted?: boolean }).encrypted);
}

/** The session cookie: HttpOnly, SameSite=Strict, limited to /console, Secure behind https; empty clears it. */
export function sessionCookie(value: string, secure: boolean): string {
  const parts = [`${SESSION_COOKIE}=${value}`, 'Path=/console', 'HttpOnly', 'SameSite=Strict'];
  if (value === '') parts.push('Max-Age=0');
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

/** Reads an `application/x-www-form-urlencoded` body. */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** Headers every console response carries: nothing loads from elsewhere, no framing, no referrer (links carry tokens). */
const SAFE_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

export function send(res: ServerResponse, response: Response): void {
  const headers: Record<string, string> = { ...SAFE_HEADERS, ...response.headers };
  if (response.type) headers['content-type'] = response.type;
  res.writeHead(response.status, headers).end(response.body ?? '');
}
