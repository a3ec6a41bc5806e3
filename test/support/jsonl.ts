/** Runs the scripting interface in process on a test app: raw input in, the output lines parsed back. */
import { PassThrough } from 'node:stream';
import { JsonlAdapter } from '../../adapters/shell/jsonl-adapter.ts';
import { plainSpaces, type TestApp } from './test-app.ts';

/**
 * Feeds `input` (whole lines, already joined) to a JSONL adapter on `app` and parses what it wrote, its
 * no-break spaces read as ordinary ones (as `TestApp.say` does).
 */
export async function runJsonl(app: TestApp, input: string): Promise<Array<Record<string, unknown>>> {
  const source = new PassThrough();
  const output = new PassThrough();
  const adapter = new JsonlAdapter({
    port: app.port,
    dueWork: app.scheduler,
    manualClock: app.clock,
    timezone: app.config.BOT_TIMEZONE,
    input: source,
    output,
    exportsDir: '/tmp/nec-unused',
  });
  app.outbox.register(adapter);
  let text = '';
  output.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  source.end(input);
  await adapter.start();
  return text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(plainSpaces(l)) as Record<string, unknown>);
}
