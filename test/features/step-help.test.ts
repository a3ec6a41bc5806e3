/**
 * `aide` / "help" in the middle of a step gives that step's help, short: what is asked, an example, how to skip,
 * change an answer or leave — not the whole menu, which `aide tout` / "help all" still shows.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { askedSlot } from '../dialogs/support.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('help at a step', () => {
  it('is the step’s help, an example, and how to skip, edit or leave — in a few lines', async () => {
    app = await createTestApp();
    await app.say('ana', 'candidater local-nec');
    await app.say('ana', 'Les Liens');
    const atDate = await app.say('ana', 'association');
    expect(askedSlot(atDate)).toBe('event_date');
    const replies = await app.say('ana', 'aide');
    const help = replies[0];
    expect(help?.intent).toBe('dialog:help');
    const text = help?.text ?? '';
    expect(text).toMatch(/^\*\*date de l’événement\*\* — /);
    expect(text).toContain('Par exemple : « 15/06/2027 »');
    expect(text).toMatch(/« passer »/);
    expect(text).toMatch(/« modifier <élément> »/);
    expect(text).toMatch(/« annuler »/);
    expect(text).toContain('« aide tout »');
    expect(text).not.toContain('Ce que vous pouvez faire');
    expect(text).not.toContain('rappelle-moi');
    expect(text.split('\n').length).toBeLessThanOrEqual(4);
    expect(askedSlot(replies)).toBe('event_date');
  });

  it('in English, at a choice step, the example is a number or an option', async () => {
    app = await createTestApp();
    await app.say('bob', 'apply local-nec');
    await app.say('bob', 'Open Lab Co');
    const replies = await app.say('bob', 'help');
    const text = replies[0]?.text ?? '';
    expect(replies[0]?.intent).toBe('dialog:help');
    expect(text).toMatch(/For example: “1” or “association”/);
    expect(text).toMatch(/“skip”/);
    expect(text).toContain('“help all”');
    expect(text).not.toContain('What you can do');
  });

  it('`aide tout` still shows everything, the application’s commands first', async () => {
    app = await createTestApp();
    await app.say('ana', 'candidater local-nec');
    const [all] = await app.say('ana', 'aide tout');
    expect(all?.text).toContain('**Pendant la candidature**');
    expect(all?.text).toContain('**Ce que vous pouvez faire**');
  });
});
