/** The scripting interface: due jobs come out as `deliveries` after `advance_to`, on time and in due order. */
import { afterEach, expect, it } from 'vitest';
import { runJsonl } from '../support/jsonl.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
afterEach(() => app.close());

async function run(lines: object[]): Promise<Array<Record<string, unknown>>> {
  app = await createTestApp({ now: '2026-11-23T10:00:00+01:00' });
  return runJsonl(app, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
}

it('delivers reminders and broadcasts after advance_to, with their intents', async () => {
  const out = await run([
    { user: 'ann', text: 'remind me to send the budget tomorrow at 9:00' },
    { user: 'bea', text: 'rappelle-moi dans 2 heures de relire le dossier' },
    { user: 'max', room: 'general', manager: true, text: 'diffuser demain 8h Clôture vendredi' },
    { user: 'max', room: 'general', manager: true, text: 'oui' },
    { advance_to: '2026-11-24T12:00' },
  ]);
  expect(out).toHaveLength(5);
  expect(out[4]).toEqual({
    replies: [],
    deliveries: [
      { to: 'bea', text: '⏰ Rappel : relire le dossier', intent: 'reminder:personal' },
      { to: 'general', text: '📣 Clôture vendredi', intent: 'broadcast' },
      { to: 'ann', text: '⏰ Reminder: send the budget', intent: 'reminder:personal' },
    ],
  });
});
