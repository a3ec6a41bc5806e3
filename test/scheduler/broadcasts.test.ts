/** The broadcasts' read API (`scheduled`) that the `broadcasts` command and the Slack Home share. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
const manager = { room: 'general', isManager: true };
const shell = { platform: 'shell' as const, workspace: undefined };
const otherWorkspace = { platform: 'slack' as const, workspace: 'T0OTHER' };

/** Schedules a broadcast as a manager would (preview, then yes); returns its id. */
async function broadcast(text: string): Promise<string> {
  await app.say('max', `broadcast ${text}`, manager);
  const [scheduled] = await app.say('max', 'yes', manager);
  return String(scheduled?.data?.id);
}

beforeEach(async () => {
  app = await createTestApp({ now: '2026-11-23T10:00:00+01:00' });
  app.outbox.register({
    platform: 'shell',
    start: async () => {},
    stop: async () => {},
    send: async () => {},
  });
});
afterEach(() => app.close());

describe('scheduled broadcasts', () => {
  it('lists them soonest first, with their channels and message, within a platform and workspace', async () => {
    const later = await broadcast('#events #general tomorrow 9:00 Deadline soon');
    const sooner = await broadcast('tomorrow 8:00 Coffee first');
    expect(await app.broadcasts.scheduled(shell)).toEqual([
      expect.objectContaining({ id: sooner, rooms: ['general'], text: '📣 Coffee first' }),
      expect.objectContaining({
        id: later,
        dueAt: Date.parse('2026-11-24T09:00:00+01:00'),
        timezone: 'Europe/Paris',
        rooms: ['events', 'general'],
        text: '📣 Deadline soon',
      }),
    ]);
    expect(await app.broadcasts.scheduled(otherWorkspace)).toEqual([]);
    const [list] = await app.say('max', 'broadcasts', manager);
    expect(list?.data?.broadcasts).toEqual([sooner, later]);
  });

  it('drops delivered broadcasts from the list and from the index', async () => {
    await broadcast('tomorrow 9:00 Deadline soon');
    app.clock.advanceTo(new Date('2026-11-24T10:00:00+01:00'));
    await app.scheduler.tick(app.clock.now());
    expect(await app.broadcasts.scheduled()).toEqual([]);
    const [list] = await app.say('max', 'broadcasts', manager);
    expect(list?.text).toBe('No broadcasts scheduled.');
    const next = await broadcast('tomorrow 9:00 Next one');
    expect(await app.backend.atomic.setMembers('scheduler:broadcasts')).toEqual([next]);
  });

  it('shows a manager the broadcasts of their own workspace only, and lets them cancel only those', async () => {
    const id = await broadcast('tomorrow 9:00 Deadline soon');
    const elsewhere = {
      isManager: true,
      ref: { platform: 'slack' as const, workspace: 'T0OTHER', roomId: 'C1', isDirect: false },
    };
    const [list] = await app.say('zoe', 'broadcasts', elsewhere);
    expect(list?.data?.broadcasts).toEqual([]);
    const [cancel] = await app.say('zoe', `cancel broadcast ${id}`, elsewhere);
    expect(cancel?.intent).not.toBe('broadcast:cancelled');
    expect((await app.broadcasts.scheduled()).map((b) => b.id)).toEqual([id]);
  });
});
