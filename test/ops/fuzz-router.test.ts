/**
 * Property-based abuse test of the whole router: random conversations of random text. Every message gets a
 * kind answer (never the internal-error one: no exception reached the sink) and the stored state stays valid.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationSchema } from '../../src/core/conversation.ts';
import { anyText } from '../support/arbitraries.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

describe('the router under random conversations', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  it('answers every message kindly, never with an internal error, and keeps a valid state', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom('u1', 'u2', 'u3'), anyText), { minLength: 1, maxLength: 12 }),
        async (messages) => {
          for (const [user, text] of messages) {
            const replies = await app.say(user, text);
            expect(replies.length).toBeGreaterThan(0);
            for (const reply of replies) {
              expect(reply.intent).not.toBe('error');
              expect(reply.text.trim()).not.toBe('');
            }
            const stored = await app.records.get(`shell:-:${user}`, 'conversation');
            // A random « oui » may confirm a pending « oublie-moi »: an erased person has no state, which is valid.
            expect(stored === undefined || conversationSchema.safeParse(stored).success).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
