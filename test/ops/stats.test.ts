import { afterEach, describe, expect, it } from 'vitest';
import { Bot } from '../../src/core/bot.ts';
import { systemClock } from '../../src/core/clock.ts';
import { CommandRegistry } from '../../src/core/commands.ts';
import { ConversationStore } from '../../src/core/conversation.ts';
import { createLogger } from '../../src/logger.ts';
import { Activity } from '../../src/ops/activity.ts';
import { DialogFunnel } from '../../src/ops/funnel.ts';
import { Metrics } from '../../src/ops/metrics.ts';
import { observeTurns } from '../../src/ops/observe.ts';
import { openStore } from '../../src/store/open-store.ts';
import { UserRecords } from '../../src/store/user-records.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
afterEach(async () => app?.close());

describe('stats (community managers)', () => {
  it('shows the funnel of real dialogs: started, steps reached, abandoned', async () => {
    app = await createTestApp();
    for (const text of ['candidater', '1', 'Association Les Tilleuls', '1', '12/06/2027'])
      await app.say('a', text);
    for (const text of ['candidater', '1', 'Tiers-lieu du Port', 'annuler', 'oui']) await app.say('b', text);

    const [forbidden] = await app.say('c', 'stats');
    expect(forbidden?.intent).toBe('forbidden');
    const [stats] = await app.say('m', 'statistiques', { isManager: true });
    expect(stats?.intent).toBe('stats');
    const funnels = (stats?.data?.funnel ?? {}) as Record<string, { started: number; steps: object }>;
    const funnel = funnels['local-nec'];
    expect(funnel).toMatchObject({ started: 2, completed: 0, abandoned: 1 });
    expect(funnel?.steps).toMatchObject({
      organizer_name: 2,
      legal_entity: 2,
      event_date: 1,
      event_format: 1,
    });
    expect(stats?.text).toContain('local-nec');
    expect(stats?.text).toMatch(/structure organisatrice : 2 \(100 %\)/);

    const metrics = await app.metrics.render();
    expect(metrics).toContain('nec_dialogs_started_total{call="local-nec"} 2');
    expect(metrics).toContain('nec_dialogs_abandoned_total{call="local-nec",reason="cancelled"} 1');
    expect(metrics).toContain('nec_dialog_steps_total{call="local-nec",step="event_date"} 1');
  });

  it('counts a completion once, when the summary ends the dialog', async () => {
    const backend = await openStore('sqlite://:memory:');
    const records = new UserRecords(backend.kv, backend.atomic);
    const metrics = new Metrics();
    const funnel = new DialogFunnel(backend.atomic);
    const bot = new Bot({
      conversations: new ConversationStore(records),
      commands: new CommandRegistry(),
      logger: createLogger('silent'),
      defaultLang: 'en',
    });
    // A two-question dialog standing in for the real one.
    bot.use(observeTurns(metrics, funnel, new Activity(backend.atomic, systemClock)), async (turn) => {
      const text = turn.message.text;
      if (text === 'go') {
        turn.state.activeApplication = 'x';
        turn.say({ intent: 'dialog:demo:start', text: 'Starting' });
        turn.say({ intent: 'dialog:demo:name', text: 'Name?' });
      } else if (text === 'summary') {
        turn.state.activeApplication = undefined;
        turn.say({ intent: 'dialog:demo:summary', text: 'Summary' });
      } else {
        turn.say({ intent: 'dialog:demo:noted', text: 'Noted' });
        turn.say({ intent: 'dialog:demo:name', text: 'Name again?' });
      }
    });
    const send = (text: string) =>
      bot.handle({
        ref: { platform: 'shell', roomId: 'u', isDirect: true },
        userId: 'u',
        text,
        timestamp: new Date(),
      });
    for (const text of ['go', '???', 'summary', 'summary']) await send(text);
    expect((await funnel.all()).demo).toEqual({ started: 1, completed: 1, abandoned: 0, steps: { name: 1 } });
    await backend.close();
  });
});
