/** Reading votes and reactions as answers, and which replies become polls. */
import { describe, expect, it } from 'vitest';
import { nativeAnswerOf, pollContent } from '../../../adapters/matrix/polls.ts';

const event = (type: string, content: Record<string, unknown>) => ({
  event_id: '$v',
  sender: '@a:x',
  type,
  content,
});
const reference = { rel_type: 'm.reference', event_id: '$poll' };

describe('native answers', () => {
  it('reads unstable and stable votes, several answers comma-separated', () => {
    const unstable = {
      'm.relates_to': reference,
      'org.matrix.msc3381.poll.response': { answers: ['a', 'b'] },
    };
    expect(nativeAnswerOf(event('org.matrix.msc3381.poll.response', unstable))).toEqual({
      to: '$poll',
      choiceId: 'a,b',
    });
    const stable = { 'm.relates_to': reference, 'm.selections': ['c'] };
    expect(nativeAnswerOf(event('m.poll.response', stable))).toEqual({ to: '$poll', choiceId: 'c' });
  });

  it('ignores an emptied vote, a vote without its reference, and reactions other than ✅ / ❌', () => {
    expect(
      nativeAnswerOf(event('m.poll.response', { 'm.relates_to': reference, 'm.selections': [] })),
    ).toBeUndefined();
    expect(nativeAnswerOf(event('m.poll.response', { 'm.selections': ['c'] }))).toBeUndefined();
    const thumbs = { 'm.relates_to': { rel_type: 'm.annotation', event_id: '$q', key: '👍' } };
    expect(nativeAnswerOf(event('m.reaction', thumbs))).toBeUndefined();
    const yes = { 'm.relates_to': { rel_type: 'm.annotation', event_id: '$q', key: '✅' } };
    expect(nativeAnswerOf(event('m.reaction', yes))).toEqual({ to: '$q', choiceId: 'yes' });
  });

  it('makes no poll of yes/no, of one choice, or of more than 20', () => {
    const choices = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `c${i}`, label: `C${i}` }));
    const reply = (c: Array<{ id: string; label: string }>) => ({ text: 'Which?', intent: 'x', choices: c });
    expect(
      pollContent(
        reply([
          { id: 'yes', label: 'Yes' },
          { id: 'no', label: 'No' },
        ]),
      ),
    ).toBeUndefined();
    expect(pollContent(reply(choices(1)))).toBeUndefined();
    expect(pollContent(reply(choices(21)))).toBeUndefined();
    expect(pollContent(reply(choices(20)))).toBeDefined();
  });
});
