/**
 * Socket Mode with events acknowledged after their listeners, as over HTTP with `processBeforeResponse`.
 * Bolt acknowledges an Events API envelope before any listener runs, so a process killed between that
 * acknowledgement and the inbox would lose an event Slack never sends again. Here an event's acknowledgement
 * waits for its listeners, which keep it in the inbox and return (the turn runs after); an envelope left
 * unacknowledged (the store could not keep it: the listener failed, or the process died) is sent again by
 * Slack. Interactive envelopes (commands, clicks, submissions) are acknowledged by their listeners, after
 * keeping them.
 */
import { type App, type ReceiverEvent, SocketModeReceiver } from '@slack/bolt';

export class KeepFirstSocketModeReceiver extends SocketModeReceiver {
  override init(app: App): void {
    super.init(Object.assign(Object.create(app) as App, { processEvent: ackAfterListeners(app) }));
  }
}

/** `app.processEvent`, an event's acknowledgement sent once its listeners are done, and only if they were. */
function ackAfterListeners(app: App): App['processEvent'] {
  return async (event: ReceiverEvent) => {
    if ((event.body as { type?: unknown }).type !== 'event_callback') return app.processEvent(event);
    let asked = false;
    await app.processEvent({
      ...event,
      ack: async () => {
        asked = true;
      },
    });
    if (asked) await event.ack();
  };
}
