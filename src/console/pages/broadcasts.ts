/**
 * The broadcasts page: schedule a message to channels of the manager's workspace (time in their zone, a
 * preview shaped like the chat message, then confirmation), list those still to be sent, cancel one. The
 * chat commands' engine (`Broadcasts.schedule` / `cancel`) does the work.
 */
import type { Lang, Localized } from '../../core/i18n.ts';
import type { Platform } from '../../core/message.ts';
import { parseInstant } from '../../core/time.ts';
import { Broadcasts } from '../../scheduler/broadcasts.ts';
import { formatInstant } from '../../scheduler/format.ts';
import { chatMessage } from '../chat-preview.ts';
import { INSTANT_FORMAT, typedInstant } from '../dates.ts';
import { type Html, html } from '../html.ts';
import { htmlResponse, type Response, redirect } from '../http.ts';
import { csrfField, field, notice, page } from '../layout.ts';
import { refusalPage } from '../refusals.ts';
import type { PageRequest, PageRoute } from '../router.ts';
import type { ConsoleServices } from '../services.ts';

/** The chat's limit on one message. */
const MAX_TEXT = 3_900;

export function broadcastRoutes(s: ConsoleServices): PageRoute[] {
  return [
    { method: 'GET', path: '/console/broadcasts', handler: (r) => list(s, r, {}, new Map()) },
    { method: 'POST', path: '/console/broadcasts', handler: (r) => submit(s, r) },
    { method: 'POST', path: '/console/broadcasts/:id/cancel', handler: (r) => cancel(s, r) },
  ];
}

type Draft = { channels?: string; at?: string; text?: string };

async function list(
  s: ConsoleServices,
  r: PageRequest,
  draft: Draft,
  errors: Map<string, string>,
  above?: Html,
  preview?: Html,
): Promise<Response> {
  const { lang } = r.page;
  const fr = lang === 'fr';
  const scope = r.session.manager;
  const scheduled = (await s.broadcasts.scheduled(scope)).filter(
    (b) => !scope.rooms || b.rooms.every((room) => scope.rooms?.includes(room)),
  );
  const done = r.url.searchParams.get('done');
  const body = html`${done === 'scheduled' ? notice('ok', fr ? 'Diffusion programmée.' : 'Broadcast scheduled.') : ''}
${done === 'cancelled' ? notice('ok', fr ? 'Diffusion annulée.' : 'Broadcast cancelled.') : ''}
${above ?? ''}
${errors.size > 0 ? notice('error', fr ? 'Certains champs sont à corriger : voir les messages à côté de chacun. Rien n’a été programmé.' : 'Some fields need fixing: see the message beside each. Nothing was scheduled.') : ''}
${preview ?? ''}
<h2>${fr ? 'Programmer une diffusion' : 'Schedule a broadcast'}</h2>
<form method="post" action="/console/broadcasts" novalidate>${csrfField(r.page)}
${field({ name: 'channels', label: fr ? 'Canaux' : 'Channels', value: draft.channels ?? '', error: errors.get('channels'), hint: fr ? `Séparés par des espaces : #general, ou un salon Matrix !id:serveur${scope.rooms ? ' (les salons que vous gérez)' : ''}.` : `Separated by spaces: #general, or a Matrix room !id:server${scope.rooms ? ' (the rooms you manage)' : ''}.` })}
${field({ name: 'at', label: fr ? `Date et heure (${r.session.zone})` : `Date and time (${r.session.zone})`, value: draft.at ?? '', type: 'datetime-local', hint: INSTANT_FORMAT[lang], error: errors.get('at') })}
${field({ name: 'text', label: fr ? 'Message' : 'Message', value: draft.text ?? '', type: 'textarea', error: errors.get('text') })}
<div class="actions"><button type="submit" name="action" value="preview">${fr ? 'Aperçu' : 'Preview'}</button>${preview ? html`<button type="submit" name="action" value="schedule">${fr ? 'Programmer' : 'Schedule'}</button>` : ''}</div>
</form>
<h2>${fr ? 'Diffusions programmées' : 'Scheduled broadcasts'}</h2>
${
  scheduled.length === 0
    ? html`<p>${fr ? 'Aucune diffusion programmée.' : 'No broadcasts scheduled.'}</p>`
    : html`<div class="table-wrap"><table><thead><tr><th scope="col">${fr ? 'Quand' : 'When'}</th><th scope="col">${fr ? 'Canaux' : 'Channels'}</th><th scope="col">Message</th><th scope="col">${fr ? 'Action' : 'Action'}</th></tr></thead>
<tbody>${scheduled.map(
        (
          b,
        ) => html`<tr><td>${formatInstant(b.dueAt, b.timezone, lang)}</td><td>${b.rooms.map((room) => `#${room}`).join(', ')}</td><td>${b.text}</td>
<td><form method="post" action="/console/broadcasts/${b.id}/cancel">${csrfField(r.page)}<button type="submit" class="danger" aria-label="${fr ? `Annuler la diffusion ${b.id}` : `Cancel broadcast ${b.id}`}">${fr ? 'Annuler' : 'Cancel'}</button></form></td></tr>`,
      )}</tbody></table></div>`
}`;
  const status = errors.size > 0 ? 422 : 200;
  return htmlResponse(
    status,
    page({ ...r.page, section: 'broadcasts' }, fr ? 'Diffusions' : 'Broadcasts', body),
  );
}

async function submit(s: ConsoleServices, r: PageRequest): Promise<Response> {
  const { lang } = r.page;
  const fr = lang === 'fr';
  const draft: Draft = {
    channels: r.form.get('channels') ?? '',
    // Typed day first (05/01/2027 09:30), read as the local ISO form the engine takes.
    at: typedInstant(r.form.get('at') ?? ''),
    text: (r.form.get('text') ?? '').trim(),
  };
  const errors = new Map<string, string>();
  const scope = r.session.manager;
  const words = (draft.channels ?? '').split(/[\s,]+/).filter(Boolean);
  const rooms = words.map((w) => Broadcasts.room(w));
  const bad = words.filter((_, i) => rooms[i] === undefined);
  if (words.length === 0)
    errors.set(
      'channels',
      fr
        ? 'Indiquez au moins un canal, par exemple #general.'
        : 'Name at least one channel, for example #general.',
    );
  else if (bad.length > 0)
    errors.set(
      'channels',
      fr
        ? `Pas un canal : ${bad.join(' ')} (écrivez #nom).`
        : `Not a channel: ${bad.join(' ')} (write #name).`,
    );
  const zone = r.session.zone;
  const at = parseInstant(draft.at ?? '', zone);
  const now = s.clock.now();
  if (!at)
    errors.set(
      'at',
      fr
        ? `Écrivez une date et une heure : ${INSTANT_FORMAT.fr}.`
        : `Write a date and a time: ${INSTANT_FORMAT.en}.`,
    );
  else if (at.getTime() <= now.getTime())
    errors.set(
      'at',
      fr
        ? `Ce moment est passé (il est ${formatInstant(now, zone, lang)}).`
        : `That time has passed (it is ${formatInstant(now, zone, lang)}).`,
    );
  if (!draft.text)
    errors.set('text', fr ? 'Écrivez le message à diffuser.' : 'Write the message to broadcast.');
  else if (draft.text.length > MAX_TEXT)
    errors.set(
      'text',
      fr
        ? `Trop long : ${draft.text.length} caractères sur ${MAX_TEXT} au plus.`
        : `Too long: ${draft.text.length} characters out of ${MAX_TEXT} at most.`,
    );
  if (errors.size > 0 || !at) return list(s, r, draft, errors);
  const targets = rooms as string[];
  // Checked here, not only in the form: a Matrix manager by power level posts only in the rooms they manage,
  // and nobody names a room of another platform (the broadcast goes out through their own workspace).
  const matrixRoom = (room: string) => room.startsWith('!');
  const foreign = targets.some((room) => matrixRoom(room) !== (scope.platform === 'matrix'));
  if (foreign || (scope.rooms && targets.some((room) => !scope.rooms?.includes(room))))
    return refusalPage(lang, 'scope', r.session);
  if (r.form.get('action') !== 'schedule')
    return list(
      s,
      r,
      draft,
      errors,
      undefined,
      chatPreview(targets, at, zone, draft.text ?? '', lang, scope.platform),
    );
  const id = await s.broadcasts.schedule({
    platform: scope.platform,
    workspace: scope.workspace,
    rooms: targets,
    at: at.getTime(),
    text: draft.text ?? '',
    zone,
    lang,
  });
  s.logger.info(
    { event: 'console:change', kind: 'broadcast', id, by: r.by, rooms: targets.length },
    'broadcast scheduled in the console',
  );
  return redirect('/console/broadcasts?done=scheduled');
}

const PLATFORM_NAMES: Record<Platform, Localized> = {
  slack: { fr: 'Slack', en: 'Slack' },
  matrix: { fr: 'Matrix', en: 'Matrix' },
  shell: { fr: 'le terminal', en: 'the terminal' },
};

/**
 * The message as the channel will show it: the bot's name, the time, the text as the chat shows it (French
 * typography, the Markdown the platform reads; never HTML typed by the manager).
 */
function chatPreview(
  rooms: string[],
  at: Date,
  zone: string,
  text: string,
  lang: Lang,
  platform: Platform,
): Html {
  const fr = lang === 'fr';
  const where = rooms.map((r) => `#${r}`).join(', ');
  const when = formatInstant(at, zone, lang);
  const app = PLATFORM_NAMES[platform][lang];
  return html`<section aria-labelledby="preview-title"><h2 id="preview-title">${fr ? 'Aperçu' : 'Preview'}</h2>
<p>${fr ? `Dans ${where}, ${when}, tel que ${app} l’affichera :` : `In ${where}, ${when}, as ${app} will show it:`}</p>
<div class="chat-preview ${platform}"><span class="who">nec-bot</span><span class="when">${when}</span>${chatMessage(`📣 ${text}`, platform, lang)}</div>
<p>${fr ? 'Rien n’est programmé tant que vous n’avez pas cliqué sur « Programmer ».' : 'Nothing is scheduled until you click “Schedule”.'}</p></section>`;
}

async function cancel(s: ConsoleServices, r: PageRequest): Promise<Response> {
  const id = r.params.id as string;
  const fr = r.page.lang === 'fr';
  const scope = r.session.manager;
  const broadcast = (await s.broadcasts.scheduled(scope)).find((b) => b.id === id);
  if (broadcast && scope.rooms && broadcast.rooms.some((room) => !scope.rooms?.includes(room)))
    return refusalPage(r.page.lang, 'scope', r.session);
  if (!(await s.broadcasts.cancel(id, scope)))
    return list(
      s,
      r,
      {},
      new Map(),
      notice(
        'error',
        fr
          ? `La diffusion ${id} n’est plus programmée (déjà envoyée ou annulée).`
          : `Broadcast ${id} is no longer scheduled (already sent or cancelled).`,
      ),
    );
  s.logger.info(
    { event: 'console:change', kind: 'broadcast-cancel', id, by: r.by },
    'broadcast cancelled in the console',
  );
  return redirect('/console/broadcasts?done=cancelled');
}
