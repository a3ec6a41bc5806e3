/** Channel subscriptions to a call's deadlines: announced in the channel's zone, recomputed when the call changes. */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CALLS_DIR } from '../../rules/index.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let dir: string;
const manager = { room: 'announces', isManager: true };

/** Moves the meae-nir call's window (a manager editing the call file). */
async function setWindow(opens: string, closes: string): Promise<void> {
  const file = join(dir, 'meae-nir.yaml');
  const text = await readFile(file, 'utf8');
  await writeFile(
    file,
    text.replace(/^ {2}opens: .*$/m, `  opens: ${opens}`).replace(/^ {2}closes: .*$/m, `  closes: ${closes}`),
  );
}

const announcements = async () =>
  (await app.scheduler.listByOwner('subscription:shell:-:announces:meae-nir')).map((j) => [
    new Date(j.dueAt).toISOString(),
    j.reply.intent,
  ]);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nec-calls-'));
  await cp(DEFAULT_CALLS_DIR, dir, { recursive: true });
  await setWindow('2027-01-10', '2027-03-13');
  app = await createTestApp({ now: '2026-11-23T10:00:00+01:00', env: { CALLS_DIR: dir } });
});
afterEach(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

describe('subscriptions', () => {
  it('announces the opening and 30, 7 and 1 days before the deadline, at 9:00 in the channel’s zone', async () => {
    const [reply] = await app.say('max', 'subscribe meae-nir America/Martinique', manager);
    expect(reply).toMatchObject({ intent: 'subscribed', data: { announcements: 4 } });
    expect(await announcements()).toEqual([
      ['2027-01-10T13:00:00.000Z', 'reminder:call-deadline'],
      ['2027-02-11T13:00:00.000Z', 'reminder:call-deadline'],
      ['2027-03-06T13:00:00.000Z', 'reminder:call-deadline'],
      ['2027-03-12T13:00:00.000Z', 'reminder:call-deadline'],
    ]);
  });

  it('recomputes the announcements when the call file is reloaded, and stops on unsubscribe', async () => {
    await app.say('max', 'abonner meae-nir', manager);
    await setWindow('2027-02-01', '2027-04-30');
    await app.calls.reload();
    expect((await announcements())[0]).toEqual(['2027-02-01T08:00:00.000Z', 'reminder:call-deadline']);
    expect(await announcements()).toHaveLength(4);
    const [reply] = await app.say('max', 'désabonner meae-nir', manager);
    expect(reply?.intent).toBe('unsubscribed');
    expect(reply?.text).toMatch(/^Ce canal est désabonné \(1 appel\)\./);
    expect(await announcements()).toEqual([]);
    // Nothing left to stop: said so, not « désabonné (0 appel) ».
    const [again] = await app.say('max', 'désabonner meae-nir', manager);
    expect(again?.text).toMatch(
      /^Ce canal n’était pas abonné à « Appel à projets “Numérique Inclusif et Responsable” .* » : rien n’a changé\./,
    );
    const [none] = await app.say('max', 'unsubscribe', manager);
    expect(none?.text).toMatch(/^Ce canal ne suit aucun appel : rien n’a changé\./);
  });

  it('refuses an unknown call, and anyone but a manager', async () => {
    const [unknown] = await app.say('max', 'subscribe no-such-call', manager);
    expect(unknown?.intent).toBe('broadcast:refused');
    const [forbidden] = await app.say('zoe', 'subscribe meae-nir', { room: 'announces' });
    expect(forbidden?.intent).toBe('forbidden');
  });

  it('lists the channels following a call, within a platform and workspace', async () => {
    await app.say('max', 'subscribe meae-nir America/Martinique', manager);
    expect(await app.subscriptions.list({ platform: 'shell', workspace: undefined })).toEqual([
      expect.objectContaining({
        callId: 'meae-nir',
        timezone: 'America/Martinique',
        // Max has only typed English commands (`subscribe …`): the channel's announcements are in English.
        lang: 'en',
        ref: expect.objectContaining({ roomId: 'announces' }),
      }),
    ]);
    expect(await app.subscriptions.list({ platform: 'slack', workspace: 'T0OTHER' })).toEqual([]);
  });
});
