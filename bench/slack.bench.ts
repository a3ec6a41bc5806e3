/**
 * Slack adapter benchmark: `npm start` in its own process with the Slack HTTP receiver, against the fake Web
 * API served from this process on 127.0.0.1 (so the bot's work never delays the measuring side, as with the
 * real Slack). Each simulated person sends 5 direct messages (signed `message.im` events): 20 people one
 * message at a time, then 200 people a round at a time with all 200 in flight. Prints the acknowledgement
 * latency (what Slack's 3-second limit applies to), the latency to the reply's `chat.postMessage`, p50/p99,
 * and messages/s.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { FakeSlackApi } from '../test/support/fake-slack-api.ts';
import { freePort } from '../test/support/free-port.ts';
import { eventBody, JSON_TYPE, SIGNING_SECRET, signedPost } from '../test/support/slack-requests.ts';

const PEOPLE = 200;
const SCRIPT = [
  'bonjour',
  'Quand a lieu Numérique en Commun ?',
  'aide',
  'How do I apply for a local NEC?',
  'merci',
];
const ENTRY = join(import.meta.dirname, '..', 'src', 'main.ts');

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const fake = await FakeSlackApi.start();
const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const bot = spawn(process.execPath, [...process.execArgv, ENTRY], {
  env: {
    ...process.env,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: String(port),
    STORE_URL: 'sqlite://:memory:',
    LOG_LEVEL: 'error',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const spawned = performance.now();
// Ready when the receiver serves /healthz (the ops routes ride on the Slack HTTP server).
for (;;) {
  const ok = await fetch(`${baseUrl}/healthz`).then(
    (r) => r.status < 500,
    () => false,
  );
  if (ok) break;
  await new Promise((resolve) => setTimeout(resolve, 50));
}
const startMs = performance.now() - spawned;

let sequence = 0;

/** Sends `text` as `user` and resolves with [acknowledgement ms, reply-posted ms]. */
async function send(user: string, text: string): Promise<[number, number]> {
  sequence += 1;
  const event = { type: 'message', channel_type: 'im', channel: `D${user}`, user, text, ts: `${sequence}.1` };
  const t0 = performance.now();
  const response = await signedPost(baseUrl, eventBody(event, `Ev-${sequence}`), JSON_TYPE);
  const ack = performance.now() - t0;
  if (response.status !== 200) throw new Error(`status ${response.status}`);
  // The calls are cleared each round: the first post to the person's DM is this message's reply.
  await fake.waitFor('chat.postMessage', (c) => c.params.channel === `D${user}`);
  return [ack, performance.now() - t0];
}

/** Every person sends the script, `inFlight` people at a time; prints the figures of the run. */
async function run(label: string, people: number, inFlight: number): Promise<void> {
  const acks: number[] = [];
  const replies: number[] = [];
  const began = performance.now();
  for (const text of SCRIPT) {
    for (let first = 0; first < people; first += inFlight) {
      const batch = Array.from(
        { length: Math.min(inFlight, people - first) },
        (_, i) => `U${label}${first + i}`,
      );
      for (const [ack, reply] of await Promise.all(batch.map((user) => send(user, text)))) {
        acks.push(ack);
        replies.push(reply);
      }
      fake.reset();
    }
  }
  const seconds = (performance.now() - began) / 1000;
  const messages = people * SCRIPT.length;
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  process.stdout.write(
    `${label}: ${messages} messages, ${inFlight} in flight, ${seconds.toFixed(2)} s (${(messages / seconds).toFixed(0)} msg/s)\n` +
      `  acknowledgement: p50 ${ms(percentile(acks, 50))}, p99 ${ms(percentile(acks, 99))}, max ${ms(Math.max(...acks))}\n` +
      `  reply posted:    p50 ${ms(percentile(replies, 50))}, p99 ${ms(percentile(replies, 99))}, max ${ms(Math.max(...replies))}\n`,
  );
}

process.stdout.write(`start-up until /healthz answers: ${startMs.toFixed(0)} ms\n`);
await run('one-at-a-time', 20, 1);
await run('crowd', PEOPLE, PEOPLE);
bot.kill('SIGTERM');
await fake.close();
