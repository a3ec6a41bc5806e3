import type { TestApp } from './test-app.ts';

/** The first reply to one message from a person (a new one unless `user` has spoken before). */
export async function firstReply(app: TestApp, text: string, user = 'u') {
  const [reply] = await app.say(user, text);
  if (!reply) throw new Error(`no reply to ${text}`);
  return reply;
}
