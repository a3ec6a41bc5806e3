/**
 * French typography: no-break spaces before « ; ! ? : » and inside « », applied as replies leave the core,
 * never to URLs, code, times or emoticons, and rendering as it should in Slack mrkdwn and Matrix HTML; then
 * whole French conversations, checked for an ordinary space before « ; ! ? : » anywhere a person reads.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { noticeContent } from '../../adapters/matrix/render.ts';
import { renderReply } from '../../adapters/slack/render-blocks.ts';
import type { Delivery, IncomingMessage, Reply } from '../../src/core/message.ts';
import { plainText } from '../../src/core/plain-text.ts';
import { NARROW_NBSP as FINE, NBSP, typeset, typesetFrench } from '../../src/core/typography.ts';
import { driveToSummary, ELIGIBLE_LOCAL_NEC } from '../dialogs/support.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/** An ordinary space before a French sign that is punctuation (the check the conversations below pass). */
const ORDINARY_SPACE_BEFORE_SIGN = / [;!?:](?=$|[\s»”"’\])*_~.,;:!?…])/m;
/** What is left as typed (code, URLs), taken out before looking for ordinary spaces. */
const VERBATIM = /`[^`\n]*`|(?:https?:\/\/|mailto:)\S+( [;:!?])?/g;

describe('typesetFrench', () => {
  it('puts a narrow no-break space before ; ! ? and a no-break space before : and inside « »', () => {
    expect(typesetFrench('Bonjour ! Voici « aide » : la liste ; ça va ?')).toBe(
      `Bonjour${FINE}! Voici «${NBSP}aide${NBSP}»${NBSP}: la liste${FINE}; ça va${FINE}?`,
    );
  });

  it('leaves alone URLs (and the sign after one), code, times, emoticons and Slack shortcodes', () => {
    for (const text of [
      'voir https://example.org/a?b=1&c=2 ?',
      'tapez `oui ?` ou `a : b`',
      'le 12 mars à 10:30, puis 14:00',
      'super :tada: merci :) ;) :-D',
      'Bonjour!',
    ])
      expect(typesetFrench(text)).toBe(text);
    expect(typesetFrench('[le site ?](https://example.org/x?y) !')).toBe(
      `[le site${FINE}?](https://example.org/x?y)${FINE}!`,
    );
    expect(typesetFrench('`aide` : la liste')).toBe(`\`aide\`${NBSP}: la liste`);
  });

  it('keeps Markdown marks working once rendered for Slack, Matrix and the terminal', () => {
    const reply = typeset(
      { intent: 'x', text: '• **vos rappels** : _quand vous voulez_ ! « **Étape 5** »', choices: [] },
      'fr',
    );
    expect(renderReply({ ...reply, lang: 'fr' }).text).toBe(
      `• *vos rappels*${NBSP}: _quand vous voulez_${FINE}! «${NBSP}*Étape 5*${NBSP}»`,
    );
    expect(noticeContent(reply).formatted_body).toBe(
      `<ul><li><strong>vos rappels</strong>${NBSP}: <em>quand vous voulez</em>${FINE}! «${NBSP}<strong>Étape 5</strong>${NBSP}»</li></ul>`,
    );
    expect(plainText(reply)).toBe(`• vos rappels${NBSP}: quand vous voulez${FINE}! «${NBSP}Étape 5${NBSP}»`);
  });

  it('makes guillemets inside guillemets the inner quotes “ ”, leaving a lone one and code alone', () => {
    expect(typesetFrench('Préparons « Appel à projets « Numérique Inclusif » (MEAE) ».')).toBe(
      `Préparons «${NBSP}Appel à projets “Numérique Inclusif” (MEAE)${NBSP}».`,
    );
    expect(typesetFrench('« a » et « b »')).toBe(`«${NBSP}a${NBSP}» et «${NBSP}b${NBSP}»`);
    expect(typesetFrench('un « seul')).toBe(`un «${NBSP}seul`);
    expect(typesetFrench('« `« x »` »')).toBe(`«${NBSP}\`« x »\`${NBSP}»`);
  });

  it('leaves English as written', () => {
    const reply = { intent: 'x', text: 'Hello! Ready: “help” ?' };
    expect(typeset(reply, 'en')).toBe(reply);
  });
});

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Every text of the replies a person reads (text, choices, fields), with the verbatim parts taken out. */
function readable(
  replies: Array<{
    text: string;
    choices?: Array<{ label: string }>;
    fields?: Array<{ label: string; value: string }>;
  }>,
): string[] {
  return replies
    .flatMap((r) => [
      r.text,
      ...(r.choices ?? []).map((c) => c.label),
      ...(r.fields ?? []).flatMap((f) => [f.label, f.value]),
    ])
    .map((text) => text.replace(VERBATIM, ''));
}

/** `say` without its plain-spaces reading: the replies exactly as they leave the core. */
function sayRaw(user: string, text: string, extra: Partial<IncomingMessage> & { room?: string } = {}) {
  const { room, ...rest } = extra;
  return (app as TestApp).bot.handle({
    ref: { platform: 'shell', roomId: room ?? user, userId: user, isDirect: room === undefined },
    userId: user,
    text,
    timestamp: (app as TestApp).clock.now(),
    ...rest,
  });
}

describe('French conversations', () => {
  it('never show an ordinary space before « ; ! ? : »', async () => {
    app = await createTestApp();
    const raw = { ...app, say: sayRaw };
    const seen: Reply[] = [];
    for (const text of [
      'bonjour',
      'aide',
      'aide candidatures',
      'aide rappels',
      'faq',
      'appels',
      'quand a lieu NEC ESS Europe ?',
      'éligibilité local-nec',
      'parler à quelqu’un',
      'rappelle-moi demain à 10h de relire le dossier',
      'rappels',
      'mes données',
      'zzz qqq',
    ])
      seen.push(...(await sayRaw('ana', text)));
    seen.push(...(await sayRaw('max', 'aide', { isManager: true })));
    seen.push(...(await sayRaw('max', 'accueil on', { room: 'general', isManager: true })));
    const welcome = await app.port.memberJoined({
      ref: { platform: 'shell', roomId: 'general', isDirect: false },
      userId: 'léa',
      timestamp: app.clock.now(),
    });
    if (welcome) seen.push(welcome);
    const start = await sayRaw('léo', 'candidater local-nec');
    const { all } = await driveToSummary(raw, 'léo', start, ELIGIBLE_LOCAL_NEC);
    seen.push(...all, ...(await sayRaw('léo', 'état')), ...(await sayRaw('léo', 'candidatures')));
    // The reminder set above, as it falls due and leaves through the outbox.
    const delivered: Delivery[] = [];
    app.outbox.register({
      platform: 'shell',
      start: async () => {},
      stop: async () => {},
      send: async (d) => void delivered.push(d),
    });
    app.clock.advanceTo(new Date(app.clock.now().getTime() + 2 * 86_400_000));
    await app.scheduler.tick(app.clock.now());
    expect(delivered.map((d) => d.reply.intent)).toContain('reminder:personal');
    seen.push(...delivered.map((d) => d.reply));
    expect(seen[0]?.text).toMatch(new RegExp(`^Bonjour${FINE}! Je suis nec-bot`));
    const faulty = readable(seen).filter((text) => ORDINARY_SPACE_BEFORE_SIGN.test(text));
    expect(faulty).toEqual([]);
    // And the check does catch one.
    expect(ORDINARY_SPACE_BEFORE_SIGN.test('Bonjour ! Voici')).toBe(true);
  });
});
