/**
 * One replica for `npm run chaos`: the real app on STORE_URL, ticking on the real clock every 250 ms, with
 * a platform that hangs (HANG_RATE) or fails after receiving a post (FAIL_RATE). Each post that reaches
 * the platform is one line `<job id> <epoch ms>` in OUT; like Slack's history check, a job in doubt is
 * looked for in OUT before it is posted again. It also counts COUNTS increments of a shared counter and
 * adds them to a shared set, writing one line per acknowledged increment to ACKS.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { loadConfig } from '../../src/config.ts';
import { systemClock } from '../../src/core/clock.ts';
import { createLogger } from '../../src/logger.ts';
import { createApp } from '../../src/main.ts';

const {
  STORE_URL = '',
  OUT = '',
  ACKS = '',
  HANG_RATE = '0',
  FAIL_RATE = '0',
  COUNTS = '0',
  TAG = '',
} = process.env;
const app = await createApp({
  config: loadConfig({ LOG_LEVEL: 'silent' }),
  clock: systemClock,
  logger: createLogger('silent'),
  storeUrl: STORE_URL,
});
const posted = (jobId: string) =>
  existsSync(OUT) &&
  readFileSync(OUT, 'utf8')
    .split('\n')
    .some((line) => line.startsWith(`${jobId} `));
app.outbox.register({
  platform: 'shell',
  start: async () => {},
  stop: async () => {},
  send: async (delivery) => {
    if (delivery.inDoubt && posted(delivery.jobId)) return;
    if (Math.random() < Number(HANG_RATE)) return new Promise(() => {});
    appendFileSync(OUT, `${delivery.jobId} ${Date.now()}\n`);
    if (Math.random() < Number(FAIL_RATE)) throw new Error('reset after the post was received');
  },
});
const counting = (async () => {
  for (let i = 0; i < Number(COUNTS); i++) {
    const member = `${process.pid}-${i}`;
    await app.backend.atomic.increment(`chaos:${TAG}:counter`);
    await app.backend.atomic.setAdd(`chaos:${TAG}:set`, member);
    appendFileSync(ACKS, `${member}\n`);
  }
})();
setInterval(() => void app.scheduler.tick(new Date()).catch(() => {}), 250);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
await counting;
