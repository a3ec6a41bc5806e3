import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
afterEach(async () => app?.close());

const TOKEN = 'xoxb-1234-SECRET-TOKEN-5678';
const MARKER = 'Zinnia7731';

/** A conversation touching every feature: help, questions, an application dialog, privacy commands. */
const CONVERSATION = [
  'bonjour',
  `Qu'est-ce que Numérique en Commun ${MARKER} ?`,
  'candidater',
  'local-nec',
  `Association ${MARKER}`,
  '1',
  '12/03/2027',
  '2',
  `ateliers et ${MARKER}`,
  '180',
  '250',
  `15000 € ${MARKER}`,
  `12000 ${MARKER}`,
  'oui',
  'statut',
  'annuler',
  'oui',
  `zzkq ${MARKER}`,
  'mes données',
  'oublie-moi',
  'oui',
];

describe('logs', () => {
  it('never hold tokens, message bodies or answers at info level', async () => {
    let logs = '';
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logs += chunk.toString();
        done();
      },
    });
    app = await createTestApp({
      env: { LOG_LEVEL: 'info', SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: 'signing-SECRET-42' },
      logger: createLogger('info', sink),
    });
    // Logging the configuration would be the classic leak.
    app.logger.info({ config: app.config, token: TOKEN }, 'configuration loaded');
    for (const text of CONVERSATION) await app.say('u1', text, { userName: 'Zoé' });
    await app.say('u1', 'x'.repeat(5000));

    expect(logs).toContain('configuration loaded');
    expect(logs).not.toContain(TOKEN);
    expect(logs).not.toContain('signing-SECRET-42');
    expect(logs).not.toContain(MARKER);
    expect(logs).not.toContain('15000');
    expect(logs).not.toContain('Zoé');
  });
});
