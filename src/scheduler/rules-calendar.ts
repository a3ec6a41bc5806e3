/** The rules' call registry seen as the calendar the reminders and announcements need. */
import { applicationDates } from '../../rules/application-dates.ts';
import { type CallRegistry, callStatus } from '../../rules/index.ts';
import { applicationReminders } from '../../rules/reminders.ts';
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
    reminders(callId, answers, timezone, now, name) {
      const call = calls.get(callId);
      return call ? applicationReminders(call, answers, now, timezone, name) : [];
    },
  };
}
