/**
 * A guard in front of Bolt's HTTP receiver, for what Bolt lets through: a signed body that is valid JSON
 * but not an object (`null`, `42`, `[]`, or an interaction `payload=null`) makes Bolt throw outside any
 * handler and the process exit; a timestamp in the future passes its staleness check, so a signature
 * captured now could be replayed for as long as its timestamp is ahead. The guard answers those 400 and
 * 401 itself, and hands Bolt the body it has read (Bolt reuses `rawBody` when it is already there).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseForm } from 'node:querystring';
import { type App as BoltApp, HTTPReceiver } from '@slack/bolt';

/** Slack's own limit on how far a request's timestamp may be from now. */
const MAX_SKEW_SECONDS = 5 * 60;
/** Where Slack posts events, commands and interactions (Bolt's default endpoint). */
const EVENTS_PATH = '/slack/events';
/** The most a request body may hold (Bolt's own default). */
const BODY_LIMIT = 4 * 1024 * 1024;

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/** Puts the guard in front of the app's HTTP receiver; Socket Mode (no receiver of ours) is left alone. */
export function guardRequests(bolt: BoltApp, now: () => number = Date.now): void {
  const receiver = (bolt as unknown as { receiver?: unknown }).receiver;
  if (!(receiver instanceof HTTPReceiver)) return;
  const target = receiver as unknown as { requestListener: Listener };
  const bolts = target.requestListener;
  target.requestListener = (req, res) => {
    // Only Slack's own requests: the other routes on this server (health, console) read their own bodies.
    if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://x').pathname !== EVENTS_PATH)
      return bolts(req, res);
    void screen(req, now()).then(
      (status) => {
        if (status) res.writeHead(status).end();
        else bolts(req, res);
      },
      () => res.writeHead(400).end(),
    );
  };
}

/** The status to refuse the request with, or undefined to let Bolt handle it. */
async function screen(req: IncomingMessage, nowMs: number): Promise<number | undefined> {
  const timestamp = Number(req.headers['x-slack-request-timestamp']);
  if (Number.isFinite(timestamp) && timestamp - nowMs / 1000 > MAX_SKEW_SECONDS) return 401;
  const body = await readBody(req);
  if (body === undefined) return 413;
  (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
  return isObjectBody(body.toString('utf8'), req.headers['content-type']) ? undefined : 400;
}

/** Whether the body is what Slack sends: a JSON object, a form, or a form whose `payload` is a JSON object. */
function isObjectBody(text: string, contentType: string | undefined): boolean {
  if (contentType?.startsWith('application/x-www-form-urlencoded')) {
    const { payload } = parseForm(text);
    if (payload === undefined) return true;
    return typeof payload === 'string' && isJsonObject(payload);
  }
  return isJsonObject(text);
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    // Malformed JSON is Bolt's to refuse (it answers 400 and carries on).
    return true;
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
