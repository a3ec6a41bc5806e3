/**
 * How the chaos run's Slack requests reach the two replicas: an event as Slack sends it (sometimes to both at
 * once, as a retry racing the first delivery, and redelivered while nobody acknowledged it), a slash command
 * or a click once (Slack never retries those: a load balancer hands it to a replica that is up).
 */
import { setTimeout as sleep } from 'node:timers/promises';

/** An acknowledgement: which replica answered 200, and when. */
export interface Ack {
  slot: number;
  at: number;
}

/** Posts a signed body to one replica: its acknowledgement, or undefined (down, or not a 200). */
export type Deliver = (
  slot: number,
  body: string,
  type: string,
  retryNum?: number,
) => Promise<Ack | undefined>;

/** When Slack redelivers an event nobody acknowledged (three times, the last after minutes; here sooner). */
const REDELIVERIES = [2_000, 5_000, 10_000, 20_000];

/** An event: to one replica, or a third of the time to both at once; redelivered to either until acknowledged. */
export async function deliverEvent(deliver: Deliver, body: string, type: string): Promise<Ack | undefined> {
  const first = Math.floor(Math.random() * 2);
  const both = Math.random() < 1 / 3;
  const tries = both
    ? [deliver(first, body, type), deliver(1 - first, body, type, 1)]
    : [deliver(first, body, type)];
  let ok = (await Promise.all(tries)).find(Boolean);
  for (let retry = 1; !ok && retry <= REDELIVERIES.length; retry++) {
    await sleep(REDELIVERIES[retry - 1] ?? 0);
    ok = await deliver((first + retry) % 2, body, type, retry);
  }
  return ok;
}

/** A command or a click: to one replica, to the other if that one is down; never again after that. */
export async function deliverOnce(deliver: Deliver, body: string, type: string): Promise<Ack | undefined> {
  const first = Math.floor(Math.random() * 2);
  return (await deliver(first, body, type)) ?? (await deliver(1 - first, body, type));
}
