/** The rules' call registry seen as the calendar the reminders and announcements need. */
import { applicationDates } from '../../rules/application-dates.ts';
import { type CallRegistry, type Citation, callFigure, callStatus } from '../../rules/index.ts';
import type { CallCalendar } from './application-reminders.ts';

export function rulesCalendar(calls: Pick<CallRegistry, 'get'>): CallCalendar {
  return {
    keyDates(callId, answers, timezone, now) {
      const call = calls.get(callId);
      return call ? applicationDates(call, answers, now, timezone).current : [];
    },
    closedSince(callId, now, timezone) {
      const call = calls.get(callId);
      const status = call ? callStatus(call, now, timezone) : undefined;
      return status?.state === 'closed' ? status.day : undefined;
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
    dialog(callId) {
      return calls.get(callId)?.dialog ?? callId;
    },
  };
}
