import { describe, expect, it } from 'vitest';
import type { Application } from '../../dialogs/application.ts';
import { localNec } from '../../dialogs/calls/local-nec.ts';
import { keyDatesCalendar } from '../../dialogs/export/ics.ts';
import { DIALOGS } from '../../dialogs/index.ts';
import {
  applicableSteps,
  nextStep,
  previousStep,
  progress,
  pruneAnswers,
  resolveSteps,
} from '../../dialogs/steps.ts';
import { CallRegistry, DEFAULT_CALLS_DIR } from '../../rules/index.ts';

const calls = new CallRegistry(DEFAULT_CALLS_DIR);
await calls.load();
const call = calls.get('local-nec');
if (!call) throw new Error('local-nec call file missing');
const steps = resolveSteps(localNec, call);

function application(answers: Application['answers'], currentSlot?: string): Application {
  return {
    id: 'a1',
    callId: 'local-nec',
    status: 'in_progress',
    answers,
    skipped: [],
    currentSlot,
    createdAt: '2026-11-23T09:00:00.000Z',
    updatedAt: '2026-11-23T09:00:00.000Z',
    ref: { platform: 'shell', roomId: 'u', userId: 'u', isDirect: true },
  };
}

describe('dialog steps', () => {
  it('every dialog names only slots its call file has', () => {
    for (const dialog of DIALOGS) {
      const definition = calls.get(dialog.id);
      expect(definition, dialog.id).toBeDefined();
      if (definition) expect(() => resolveSteps(dialog, definition)).not.toThrow();
    }
  });

  it('asks the authority’s name only when there is support, and forgets it when support is withdrawn', () => {
    expect(applicableSteps(steps, {}).map((s) => s.slot)).not.toContain('local_authority_name');
    const app = application({ local_authority_support: true, local_authority_name: 'Lyon' });
    expect(applicableSteps(steps, app.answers).map((s) => s.slot)).toContain('local_authority_name');
    app.answers.local_authority_support = false;
    pruneAnswers(steps, app);
    expect(app.answers).not.toHaveProperty('local_authority_name');
  });

  it('moves to the first step neither answered nor skipped, and back through the applicable ones', () => {
    const app = application({ organizer_name: 'X', legal_entity: 'association' }, 'event_date');
    expect(nextStep(steps, app)?.slot).toBe('event_date');
    app.skipped = ['event_date'];
    expect(nextStep(steps, app)?.slot).toBe('event_format');
    expect(previousStep(steps, app)?.slot).toBe('legal_entity');
    expect(previousStep(steps, { ...app, currentSlot: 'organizer_name' })).toBeUndefined();
    // The « which other theme? » and the authority's name may still come: counted among the questions left.
    expect(progress(steps, app)).toEqual({ index: 3, total: 17, remaining: 16 });
  });
});

describe('the .ics export', () => {
  it('writes one all-day event per key date, escaped and folded as RFC 5545 asks', () => {
    const ics = keyDatesCalendar(
      'a1',
      [
        {
          id: 'funding_deadline',
          date: '2026-11-23',
          label: { fr: 'dernier jour, pour candidater; au soutien', en: 'last day' },
          fixed: false,
          citation: {
            title: 'ANCT — NEC locaux, 2023',
            file: '000.txt',
            section: 'Commitments by project initiators',
          },
        },
      ],
      'fr',
      new Date('2026-11-23T09:00:00Z'),
      'Les Liens, NEC local',
    );
    expect(ics).toContain('BEGIN:VCALENDAR\r\n');
    expect(ics).toContain('UID:a1-funding_deadline@nec-bot');
    expect(ics).toContain('DTSTART;VALUE=DATE:20261123\r\nDTEND;VALUE=DATE:20261124');
    expect(ics).toContain('SUMMARY:Les Liens\\, NEC local : dernier jour\\, pour candidater\\; au soutien');
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  });
});
