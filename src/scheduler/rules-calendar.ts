/** The rules' call registry seen as the calendar the reminders and announcements need. */
import { type CallRegistry, type Citation, callFigure, keyDates } from '../../rules/index.ts';
import type { CallCalendar } from './application-reminders.ts';

export function rulesCalendar(calls: Pick<CallRegistry, 'get'>): CallCalendar {
  return {
    keyDates(callId, answers, timezone) {
      const call = calls.get(callId);
      return call ? keyDates(call, answers, timezone) : [];
    },
    source(callId, section): Citation | undefined {
      const call = calls.get(callId);
      return call ? { title: call.source.title, file: call.source.file, section } : undefined;
    },
    figure(callId, name) {
      const call = calls.get(callId);
      const value = call ? callFigure(call, name) : undefined;
      return value === undefined ? undefined : String(value);
    },
  };
}
