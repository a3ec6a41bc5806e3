import { describe, expect, it } from 'vitest';
import { plainText } from '../../src/core/plain-text.ts';

describe('plain-text rendering', () => {
  it('drops Markdown marks but keeps snake_case ids and the words', () => {
    const text = plainText({
      intent: 'x',
      text: '**Title** — use `edit event_date`; _Source : page ANCT_ and [La Base](https://labase.example)',
    });
    expect(text).toBe('Title — use edit event_date; Source : page ANCT and La Base <https://labase.example>');
  });

  it('numbers the choices and aligns the fields', () => {
    const text = plainText({
      intent: 'x',
      text: 'Pick one',
      fields: [
        { label: 'Date', value: '12 March 2027' },
        { label: 'Attendance', value: '150' },
      ],
      choices: [
        { id: 'a', label: 'First' },
        { id: 'b', label: 'Second' },
      ],
    });
    expect(text.split('\n')).toEqual([
      'Pick one',
      '  Date        12 March 2027',
      '  Attendance  150',
      '  1. First',
      '  2. Second',
    ]);
  });
});
