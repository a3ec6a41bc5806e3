/**
 * Questions about a step asked at it, the way strangers ask them: how long the answer should be (« combien de
 * lignes à peu près ? »), whether something counts with a "too" after it ("does the online audience count
 * too?"), whether the step takes several of its options (« on peut aller aux deux ? ») get the step's help and
 * the question again — not the FAQ's fallback, not a clarification of two options.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { askedSlot, ELIGIBLE_LOCAL_NEC, MEAE, reachStep } from './support.ts';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const TRAVEL = { organisation_name: 'Les Liens', first_participation: 'oui' };

const CASES: Array<[string, string, string, Record<string, string>]> = [
  ['local-nec', 'expected_attendance', 'does the online audience count too?', ELIGIBLE_LOCAL_NEC],
  ['meae-nir', 'project_summary', 'combien de lignes à peu près ?', MEAE],
  ['nec-ess-travel', 'venue', 'on peut aller aux deux ?', TRAVEL],
];

describe('a question about the step', () => {
  for (const [dialog, slot, text, route] of CASES)
    it(`« ${text} » at ${dialog}/${slot} gets the step's help`, async () => {
      app = await createTestApp({ now: '2026-12-01T10:00:00+01:00' });
      await reachStep(app, 'u', dialog, slot, route);
      const r = await app.say('u', text);
      expect(r.map((x) => x.intent)).toContain('dialog:step-help');
      expect(askedSlot(r)).toBe(slot);
    });
});
