/**
 * Real processes (`node src/main.ts`, the real Bolt app over signed HTTP, the fake Web API) on SQLite, Redis
 * and PostgreSQL: a process killed with SIGKILL in the middle of turns that scheduled a reminder, applied a
 * dialog answer and confirmed a broadcast for right away — after those writes, before the turn's own — leaves
 * its kept events to the next start, which runs the turns again. The broadcast was sent by the killed process
 * meanwhile. Each turn ends as one run would have left it: one reminder under the id the reply names, one
 * answer applied, the broadcast posted once, and each reply posted once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { ApplicationStore } from '../../dialogs/application.ts';
import { openJobs } from '../../src/scheduler/open-jobs.ts';
import { openStore } from '../../src/store/open-store.ts';
import { UserRecords, userKey } from '../../src/store/user-records.ts';
import { FAKE_TEAM } from '../support/fake-slack-api.ts';
import { isolatedStoreUrl } from '../support/isolated-store.ts';
import { eventBody, JSON_TYPE, signedPost } from '../support/slack-requests.ts';
import {
  killed,
  postsTo,
  startSlackBot,
  stopped,
  until,
  withSpawnedBots,
} from '../support/spawned-slack-bot.ts';

const HOLD = join(import.meta.dirname, '..', 'support', 'hold-turn-writes.ts');
const bots = withSpawnedBots('nec-run-again-');
const ORGANIZER = 'Association Les Tilleuls';

const stores = [
  ['SQLite', 'sqlite'],
  ['Redis', inject('redisUrl')],
  ['PostgreSQL', inject('postgresUrl')],
] as const;

/** A direct message sent now (a broadcast for « now » is due at its message's time). */
function said(user: string, text: string, eventId: string): string {
  const ts = `${Math.floor(Date.now() / 1000)}.000100`;
  return eventBody({ type: 'message', channel_type: 'im', channel: `D${user}`, user, text, ts }, eventId);
}

/** The person's pending reminders and applications, and the pending jobs of `owner`, as the store holds them. */
async function stored(storeUrl: string, user: string, owner = '-') {
  const backend = await openStore(storeUrl);
  const { jobs } = await openJobs(backend);
  try {
    const key = userKey('slack', user, FAKE_TEAM);
    return {
      reminders: (await jobs.listByUser(key)).filter((j) => j.kind === 'personal'),
      applications: await new ApplicationStore(new UserRecords(backend.kv, backend.atomic)).list(key),
      owned: await jobs.listByOwner(owner),
    };
  } finally {
    await jobs.close();
    await backend.close();
  }
}

describe.each(stores)('turns killed after their writes on %s', (_name, server) => {
  it.skipIf(!server)(
    'run again by the next start: one reminder, one answer applied, one broadcast sent, each reply once',
    async () => {
      const { fake, dir } = bots;
      const storeUrl =
        server === 'sqlite'
          ? `sqlite://${join(dir, 'bot.sqlite')}`
          : await isolatedStoreUrl(server as string, 'killed-run-again');
      const tag = Date.now().toString(36).toUpperCase();
      const [reminded, applicant, manager] = ['UR', 'UA', 'UM'].map((p) => `${p}${tag}`) as [
        string,
        string,
        string,
      ];
      const channel = `CG${tag}`;
      const announcement = `Doors open in ten minutes ${tag}`;
      const exportsDir = join(dir, 'exports');
      const env = { SLACK_MANAGERS: manager };
      const send = async (url: string, user: string, text: string, eventId: string) =>
        expect((await signedPost(url, said(user, text, eventId), JSON_TYPE)).status).toBe(200);
      const texts = (user: string) => postsTo(fake, `D${user}`).map((c) => String(c.params.text));
      const saying = (user: string, words: RegExp) => texts(user).filter((t) => words.test(t));

      // Before: a dialog at its first step, a broadcast awaiting its yes.
      const setup = await startSlackBot({ fake, storeUrl, exportsDir, env });
      await send(setup.url, applicant, 'apply local-nec', `EvApply${tag}`);
      await send(
        setup.url,
        manager,
        `broadcast <#${channel}|general> now ${announcement}`,
        `EvPreview${tag}`,
      );
      await until(() => saying(applicant, /Step 1/).length > 0 && saying(manager, /Shall I/).length > 0);
      await stopped(setup);
      const before = { applicant: texts(applicant).length, manager: texts(manager).length };

      // The three turns, each stopped at its own write, after its reminder, answer or broadcast was written.
      const held = join(dir, 'held');
      const heldTurns = () => (existsSync(held) ? readFileSync(held, 'utf8').split('\n').length - 1 : 0);
      const first = await startSlackBot({
        fake,
        storeUrl,
        exportsDir,
        preload: HOLD,
        env: { ...env, HOLD_TURN_WRITES: held },
      });
      await send(first.url, reminded, 'remind me tomorrow at 10am to call the town hall', `EvRemind${tag}`);
      await send(first.url, applicant, ORGANIZER, `EvAnswer${tag}`);
      await send(first.url, manager, 'yes', `EvYes${tag}`);
      await until(() => heldTurns() === 3);
      expect((await stored(storeUrl, reminded)).reminders).toHaveLength(1);
      expect((await stored(storeUrl, applicant)).applications[0]?.answers).toEqual({
        organizer_name: ORGANIZER,
      });
      // The broadcast is due at once: this process's scheduler sends it while the turn is held.
      await until(() => postsTo(fake, channel).length > 0);
      await killed(first);
      expect(texts(reminded)).toEqual([]);
      expect(texts(applicant)).toHaveLength(before.applicant);
      expect(texts(manager)).toHaveLength(before.manager);

      // The next start takes the three events over once their leases lapse, and runs their turns again.
      const second = await startSlackBot({ fake, storeUrl, exportsDir, env });
      await until(
        () =>
          saying(reminded, /Noted \(reminder/).length > 0 &&
          texts(applicant).length > before.applicant &&
          saying(manager, /Broadcast `\w+` scheduled/).length > 0,
      );
      await stopped(second);

      const { reminders } = await stored(storeUrl, reminded);
      expect(reminders).toHaveLength(1);
      expect(saying(reminded, /Noted \(reminder/)).toEqual([
        expect.stringContaining(`\`${reminders[0]?.id}\``),
      ]);
      const { applications } = await stored(storeUrl, applicant);
      expect(applications).toHaveLength(1);
      expect(applications[0]?.answers).toEqual({ organizer_name: ORGANIZER });
      expect(applications[0]?.currentSlot).toBe('legal_entity');
      // One run's replies: the next step asked once (in French: the answer reads as French).
      expect(
        texts(applicant)
          .slice(before.applicant)
          .filter((t) => /^\*(Step|Étape) \d+\*/.test(t)),
      ).toHaveLength(1);
      expect(postsTo(fake, channel).map((c) => String(c.params.text))).toEqual([`📣 ${announcement}`]);
      // The broadcast named by the reply is the one posted (its job id in the post's metadata), with no twin
      // left to send: the turn run again scheduled nothing.
      const [scheduled, ...again] = saying(manager, /Broadcast `\w+` scheduled/);
      expect(again).toEqual([]);
      const broadcast = /`(\w+)`/.exec(scheduled ?? '')?.[1];
      const metadata = postsTo(fake, channel)[0]?.params.metadata;
      const mark = typeof metadata === 'string' ? JSON.parse(metadata) : metadata;
      expect(mark?.event_payload?.job_id).toBe(broadcast);
      expect((await stored(storeUrl, manager, `broadcast:${broadcast}`)).owned).toEqual([]);
      for (const user of [reminded, applicant, manager])
        expect(new Set(texts(user)).size).toBe(texts(user).length);
    },
    180_000,
  );
});
