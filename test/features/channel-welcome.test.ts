/**
 * The welcome in channels, through the port as an adapter calls it: a manager turns it on in a channel, then
 * each person joining it is welcomed once, in their language, within the channel's budget; off, no one is.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { MemberJoin } from '../../src/core/message.ts';
import { WELCOME_BUDGET } from '../../src/features/channel-welcome.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const ROOM = 'general';
const manager = { room: ROOM, isManager: true };

function join(user: string, extra: Partial<MemberJoin> = {}): MemberJoin {
  return {
    ref: { platform: 'shell', roomId: ROOM, isDirect: false },
    userId: user,
    timestamp: app?.clock.now() ?? new Date(),
    ...extra,
  };
}

describe('accueil on|off', () => {
  it('is for managers, in a channel; « accueil » alone says whether it is on', async () => {
    app = await createTestApp();
    expect((await app.say('eve', 'accueil on', { room: ROOM }))[0]?.intent).toBe('forbidden');
    expect((await app.say('max', 'accueil on', { isManager: true }))[0]?.intent).toBe(
      'channel-welcome:refused',
    );
    expect((await app.say('max', 'accueil', manager))[0]?.data).toEqual({ on: false });
    expect((await app.say('max', 'accueil on', manager))[0]?.intent).toBe('channel-welcome:on');
    expect((await app.say('max', 'accueil', manager))[0]?.data).toEqual({ on: true });
    expect((await app.say('max', 'welcome off', manager))[0]?.intent).toBe('channel-welcome:off');
    expect((await app.say('max', 'accueil', manager))[0]?.data).toEqual({ on: false });
  });

  it('is listed in the managers’ help group only', async () => {
    app = await createTestApp();
    const [managers] = await app.say('max', 'aide gestion', { isManager: true });
    expect(managers?.text).toContain('`accueil on|off` — accueillir en privé qui rejoint ce canal');
    const [everyone] = await app.say('eve', 'aide');
    expect(everyone?.text).not.toContain('accueil');
  });
});

describe('a person joining a channel', () => {
  it('gets a private welcome once, and nothing where the welcome is off', async () => {
    app = await createTestApp();
    expect(await app.port.memberJoined(join('ana'))).toBeUndefined();
    await app.say('max', 'accueil on', manager);
    const welcome = await app.port.memberJoined(join('ana'));
    expect(welcome).toMatchObject({ intent: 'channel-welcome', ephemeral: true, lang: 'fr' });
    expect(welcome?.text).toMatch(/^Bienvenue dans ce canal\u202f! Je suis nec-bot/);
    expect(await app.port.memberJoined(join('ana'))).toBeUndefined();
    expect(await app.port.memberJoined(join('ana', { ref: { ...join('ana').ref, roomId: 'other' } }))).toBe(
      undefined,
    );
    await app.say('max', 'accueil off', manager);
    expect(await app.port.memberJoined(join('bob'))).toBeUndefined();
  });

  it('speaks the person’s language: the one the bot settled on with them, else the platform’s, else the channel’s', async () => {
    app = await createTestApp({ env: { BOT_LANG: 'fr' } });
    await app.say('max', 'welcome on', manager);
    await app.say('sam', 'hello');
    expect((await app.port.memberJoined(join('sam')))?.lang).toBe('en');
    expect((await app.port.memberJoined(join('léa', { langHint: 'fr' })))?.lang).toBe('fr');
    const stranger = await app.port.memberJoined(join('kim'));
    // The manager turned it on in English: the channel's language.
    expect(stranger?.lang).toBe('en');
    expect(stranger?.text).toMatch(/^Welcome to this channel! I am nec-bot/);
  });

  it('holds back a mass join: the channel’s budget per window, the rest skipped quietly and welcomed on a later join', async () => {
    app = await createTestApp();
    await app.say('max', 'accueil on', manager);
    const people = Array.from({ length: WELCOME_BUDGET.welcomes + 5 }, (_, i) => `p${i}`);
    const welcomes = await Promise.all(people.map((p) => app?.port.memberJoined(join(p))));
    expect(welcomes.filter(Boolean)).toHaveLength(WELCOME_BUDGET.welcomes);
    app.clock.advanceTo(new Date(app.clock.now().getTime() + WELCOME_BUDGET.windowMs));
    const skipped = people.filter((_, i) => !welcomes[i]);
    const later = await Promise.all(skipped.map((p) => app?.port.memberJoined(join(p))));
    expect(later.every(Boolean)).toBe(true);
  });

  it('is listed in « mes données », and « oublie-moi » erases it: a later join welcomes the person again', async () => {
    app = await createTestApp();
    await app.say('max', 'accueil on', manager);
    await app.port.memberJoined(join('ana'));
    const [data] = await app.say('ana', 'mes données');
    expect(data?.attachments?.[0]?.content).toContain('"channel-welcome:general"');
    await app.say('ana', 'oublie-moi');
    await app.say('ana', 'oui');
    expect(await app.port.memberJoined(join('ana'))).toBeDefined();
  });
});
