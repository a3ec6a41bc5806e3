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

  it('drops the marks of an italic text that runs over several lines, or holds an id', () => {
    const text = plainText({
      intent: 'x',
      text: 'Règle :\n_Les NEC locaux en présentiel\nne sont pas prévus par la source._\n_voir event_date_ (note)',
    });
    expect(text).toBe(
      'Règle :\nLes NEC locaux en présentiel\nne sont pas prévus par la source.\nvoir event_date (note)',
    );
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
