/**
 * A manager changes a call file and reloads: the reminders of the applications of that call are recomputed
 * from the new figures and dates, on a copy of the shipped call files.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CALLS_DIR } from '../../rules/registry.ts';
import type { Delivery } from '../../src/core/message.ts';
import { createLogger } from '../../src/logger.ts';
import type { Job } from '../../src/scheduler/job.ts';
import { userKey } from '../../src/store/user-records.ts';
import { driveToSummary, ELIGIBLE_LOCAL_NEC } from '../dialogs/support.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const ORGANIZER = 'org-lyon';
/** Where the reminders keep the applications to recompute on reload. */
const INDEX_KEY = 'scheduler:application-reminders';
const user = userKey('shell', ORGANIZER);
let app: TestApp;
let dir: string;
let logs: string;
let deliveries: Delivery[];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nec-calls-reminders-'));
  await cp(DEFAULT_CALLS_DIR, dir, { recursive: true });
  logs = '';
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs += chunk.toString();
      done();
    },
  });
  app = await createTestApp({
    now: '2026-11-23T10:00:00+01:00',
    env: { CALLS_DIR: dir },
    logger: createLogger('info', sink),
  });
  deliveries = [];
  app.outbox.register({
    platform: 'shell',
    start: async () => {},
    stop: async () => {},
    send: async (delivery) => {
      deliveries.push(delivery);
    },
  });
});
afterEach(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

/** The organizer completes a local NEC application (event on 23 March 2027) and accepts its reminders. */
async function applyWithReminders(): Promise<void> {
  const start = [...(await app.say(ORGANIZER, 'candidater')), ...(await app.say(ORGANIZER, '1'))];
  const { all } = await driveToSummary(app, ORGANIZER, start, ELIGIBLE_LOCAL_NEC);
  expect(all.at(-1)?.intent).toBe('confirm:reminders:accept');
  const [accepted] = await app.say(ORGANIZER, 'oui');
  expect(accepted?.intent).toBe('reminder:accepted');
}

/** Replaces one line of the local NEC call file, as a community manager would. */
async function editLocalNec(from: string, to: string): Promise<void> {
  const file = join(dir, 'local-nec.yaml');
  const text = await readFile(file, 'utf8');
  expect(text).toContain(from);
  await writeFile(file, text.replace(from, to));
}

/** The person's application reminders (retention's purge notice is not one). */
async function reminders(): Promise<Job[]> {
  return (await app.scheduler.listForUser(user)).filter((j) => j.owner.startsWith('application:'));
}

async function due(kind: string): Promise<string[]> {
  return (await reminders()).filter((j) => j.kind === kind).map((j) => new Date(j.dueAt).toISOString());
}

describe('reminders after a reload of the call files', () => {
  it('move the funding deadline when `funding_months_before` changes, and say the new figure', async () => {
    await applyWithReminders();
    // Event − 4 months is today: every reminder before the funding deadline is already past.
    expect(await due('funding-deadline')).toEqual([]);
    expect((await reminders()).map((j) => j.kind)).toEqual(['event-eve', 'after-event', 'national-nec']);

    await editLocalNec('funding_months_before: 4', 'funding_months_before: 3');
    const [reloaded] = await app.say('manager', 'reload', { isManager: true });
    expect(reloaded?.data).toEqual({ changed: ['local-nec'] });

    // Event − 3 months = 23 December 2026: a week and a day before, at 9:00 in Paris (the month before is past).
    expect(await due('funding-deadline')).toEqual(['2026-12-16T08:00:00.000Z', '2026-12-22T08:00:00.000Z']);
    app.clock.advanceTo(new Date('2026-12-16T09:00:00+01:00'));
    await app.scheduler.tick(app.clock.now());
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]?.reply.intent).toBe('reminder:funding-deadline');
    expect(deliveries[0]?.reply.text).toContain('23 décembre 2026');
    expect(deliveries[0]?.reply.text).toContain('au moins 3 mois avant');
    // Logged without anything personal: no person, no application.
    const line = logs.split('\n').find((l) => l.includes('application reminders recomputed'));
    expect(JSON.parse(line ?? '{}')).toMatchObject({ calls: ['local-nec'], recomputed: 1 });
    expect(line).not.toContain(ORGANIZER);
  });

  it('schedule the agreement-end reminders when the agreement end moves ahead', async () => {
    await applyWithReminders();
    expect(await due('agreement-end')).toEqual([]);
    await editLocalNec('agreement_end: 2023-12-31', 'agreement_end: 2027-12-31');
    await app.say('manager', 'recharger', { isManager: true });
    expect(await due('agreement-end')).toEqual([
      '2027-11-30T08:00:00.000Z',
      '2027-12-24T08:00:00.000Z',
      '2027-12-30T08:00:00.000Z',
    ]);
  });

  it('leave the applications of another call alone', async () => {
    await applyWithReminders();
    const before = await reminders();
    const file = join(dir, 'meae-nir.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('committee_weeks: 3', 'committee_weeks: 4'));
    const [reloaded] = await app.say('manager', 'reload', { isManager: true });
    expect(reloaded?.data).toEqual({ changed: ['meae-nir'] });
    expect(logs).toContain('"recomputed":0');
    expect(await reminders()).toEqual(before);
  });

  it('drop an application deleted behind their back (retention) from the index', async () => {
    await applyWithReminders();
    expect((await app.backend.atomic.readVersioned(INDEX_KEY)).value).toContain(ORGANIZER);
    const [name] = (await app.records.names(user)).filter((n) => n.startsWith('application:'));
    // What retention's purge does: the record and its jobs go, without going through the reminders.
    await app.records.delete(user, name ?? '');
    await app.scheduler.removeByOwner(name ?? '');
    await editLocalNec('funding_months_before: 4', 'funding_months_before: 3');
    await app.say('manager', 'reload', { isManager: true });
    expect(await reminders()).toEqual([]);
    // Nothing about the person is left in the index.
    expect((await app.backend.atomic.readVersioned(INDEX_KEY)).value).toBe('[]');
  });
});
