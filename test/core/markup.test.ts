/**
 * Markup in a message (HTML, mention tokens) is no part of its words: it neither changes the language the bot
 * answers in nor hides a command.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withoutCode, withoutMentions, withoutTags } from '../../src/core/text.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(() => app.close());

describe('markup in a message', () => {
  it('does not hide a command behind mention tokens', async () => {
    const [reply] = await app.say('ana', '<!here> <!channel> aide');
    expect(reply?.intent).toBe('help');
    expect(reply?.text).toContain('Ce que vous pouvez faire');
    const [mentioned] = await app.say('bob', '@here @channel help');
    expect(mentioned?.intent).toBe('help');
    expect(mentioned?.text).toContain('What you can do');
  });

  it('does not switch the language to English for a pasted script, then or at the next message', async () => {
    const [first] = await app.say('ana', '<script>alert(1)</script>');
    expect(first?.text).toContain('message vide');
    const [next] = await app.say('ana', 'bonjour');
    expect(next?.intent).toBe('welcome');
    expect(next?.text).toMatch(/^Bonjour/);
  });

  it('keeps a command in tags as the command', async () => {
    const [reply] = await app.say('ana', '<b>help</b>');
    expect(reply?.intent).toBe('help');
  });

  it('leaves text without tags exactly as typed, and comparisons alone', () => {
    expect(withoutCode('  3 < 4 et 5 > 2  ')).toBe('  3 < 4 et 5 > 2  ');
    expect(withoutCode('a <script>x()</script>  c')).toBe('a c');
    expect(withoutCode('a <i>b</i>')).toBe('a <i>b</i>');
    expect(withoutTags('<b>aide</b>').trim()).toBe('aide');
    expect(withoutMentions('<@U123> <#C1|general> @room bonjour')).toBe('bonjour');
    expect(withoutMentions('écrire à ana@example.org')).toBe('écrire à ana@example.org');
  });
});
