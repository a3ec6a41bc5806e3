/** Days and times in the console's fields are written day first, and read back in the call files' form. */
import { describe, expect, it } from 'vitest';
import { shownDay, shownInstant, typedDay, typedInstant } from '../../src/console/dates.ts';

describe('days and times in the console’s fields', () => {
  it('show a stored day or time day first', () => {
    expect(shownDay('2026-12-31')).toBe('31/12/2026');
    expect(shownInstant('2027-01-05T09:30')).toBe('05/01/2027 09:30');
    // What a manager typed and the schema refused is shown back as typed.
    expect(shownDay('trois')).toBe('trois');
  });

  it('read what a manager types, day first, in the form the call files and the engine use', () => {
    expect(typedDay('31/12/2026')).toBe('2026-12-31');
    expect(typedDay(' 1/2/2027 ')).toBe('2027-02-01');
    expect(typedDay('31.12.2026')).toBe('2026-12-31');
    expect(typedInstant('05/01/2027 09:30')).toBe('2027-01-05T09:30');
    expect(typedInstant('5/1/2027 à 9h30')).toBe('2027-01-05T09:30');
    expect(typedInstant('05/01/2027, 9:30')).toBe('2027-01-05T09:30');
  });

  it('leave the ISO forms and anything else as typed, for the schema to judge', () => {
    expect(typedDay('2026-12-31')).toBe('2026-12-31');
    expect(typedDay('150')).toBe('150');
    expect(typedDay('12/2026')).toBe('12/2026');
    expect(typedInstant('2027-01-05T09:30')).toBe('2027-01-05T09:30');
    expect(typedInstant('demain')).toBe('demain');
  });
});
