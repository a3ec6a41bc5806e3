/**
 * Real processes (`node src/main.ts`, the real Bolt app over signed HTTP, the fake Web API) on SQLite, Redis
 * and PostgreSQL: a process killed with SIGKILL in the middle of a turn — after the turn added to the shared
 * counters, before its own write — leaves its kept event to the next start, which runs the turn again. The
 * event is answered once, and the unanswered log and the dialog funnel count it once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { systemClock } from '../../src/core/clock.ts';
import { UnansweredLog } from '../../src/faq/unanswered.ts';
import { DialogFunnel } from '../../src/ops/funnel.ts';
import { openStore } from '../../src/store/open-store.ts';
import { UserRecords } from '../../src/store/user-records.ts';
import { isolatedStoreUrl } from '../support/isolated-store.ts';
import { JSON_TYPE, signedPost } from '../support/slack-requests.ts';
import {
  directMessage,
  killed,
  postsTo,
  startSlackBot,
  stopped,
  until,
  withSpawnedBots,
} from '../support/spawned-slack-bot.ts';

const HOLD = join(import.meta.dirname, '..', 'support', 'hold-turn-writes.ts');
const bots = withSpawnedBots('nec-mid-turn-');
/** What the replies to the two turns say: the FAQ's fallback, the dialog's first question. */
const ANSWER = 'no reliable answer';
const STEP = 'Step 1';

const stores = [
  ['SQLite', 'sqlite'],
  ['Redis', inject('redisUrl')],
  ['PostgreSQL', inject('postgresUrl')],
] as const;

/** The shared counters the turns add to, as the store holds them. */
async function counted(storeUrl: string, question: string) {
  const backend = await openStore(storeUrl);
  try {
    const log = new UnansweredLog(backend.atomic, systemClock, new UserRecords(backend.kv, backend.atomic));
    const funnel = (await new DialogFunnel(backend.atomic).all())['local-nec'];
    const asked = (await log.top(1000)).find((q) => q.question === question)?.count ?? 0;
    const steps = Object.values(funnel?.steps ?? {}).reduce((sum, n) => sum + n, 0);
    return { asked, started: funnel?.started ?? 0, steps };
  } finally {
    await backend.close();
  }
}

describe.each(stores)('a process killed mid-turn on %s', (_name, server) => {
  it.skipIf(!server)(
    'is answered once by the next start, and what its turns counted is counted once',
    async () => {
      const { fake, dir } = bots;
      const storeUrl =
        server === 'sqlite'
          ? `sqlite://${join(dir, 'bot.sqlite')}`
          : await isolatedStoreUrl(server as string, 'mid-turn');
      const tag = Date.now().toString(36);
      // Letters only: the unanswered log blanks what looks like a phone number.
      const question = `where can i find the ${tag.replace(/\d/g, '')} bus timetable?`;
      const asker = `UQ${tag.toUpperCase()}`;
      const applicant = `UA${tag.toUpperCase()}`;
      const before = await counted(storeUrl, question);
      // One question unanswered; one dialog started, at its first step.
      const once = { asked: before.asked + 1, started: before.started + 1, steps: before.steps + 1 };
      const held = join(dir, 'held');
      const exportsDir = join(dir, 'exports');
      const heldTurns = () => (existsSync(held) ? readFileSync(held, 'utf8').split('\n').length - 1 : 0);

      // Two people's turns, each stopped at its write with its counters added: then the kill.
      const first = await startSlackBot({
        fake,
        storeUrl,
        exportsDir,
        preload: HOLD,
        env: { HOLD_TURN_WRITES: held },
      });
      for (const [user, text] of [
        [asker, question],
        [applicant, 'apply local-nec'],
      ] as const) {
        const res = await signedPost(first.url, directMessage(user, text, `Ev${user}`), JSON_TYPE);
        expect(res.status).toBe(200);
      }
      await until(() => heldTurns() === 2);
      expect(await counted(storeUrl, question)).toEqual(once);
      await killed(first);
      expect(postsTo(fake, `D${asker}`)).toEqual([]);

      // The next start takes both events over once their leases lapse, and runs their turns again.
      const second = await startSlackBot({ fake, storeUrl, exportsDir });
      const texts = (user: string) => postsTo(fake, `D${user}`).map((c) => String(c.params.text));
      const saying = (user: string, words: string) => texts(user).filter((t) => t.includes(words));
      await until(() => saying(asker, ANSWER).length > 0 && saying(applicant, STEP).length > 0);
      await stopped(second);
      // Each turn's replies posted once: the fallback, the dialog's first question, no text twice.
      expect(saying(asker, ANSWER)).toHaveLength(1);
      expect(saying(applicant, STEP)).toHaveLength(1);
      for (const user of [asker, applicant]) expect(new Set(texts(user)).size).toBe(texts(user).length);
      expect(await counted(storeUrl, question)).toEqual(once);
    },
    120_000,
  );
});
