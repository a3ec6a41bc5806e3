/**
 * « Edit my application » runs the chat's own checks, over signed HTTP through the real Bolt app against the
 * fake Web API: a changed field that makes no sense beside the others (a grant above the budget, a budget
 * below the grant) comes back as the error beside that field and saves nothing; a budget and a grant changed
 * together are checked together; and a save that rules the grant out removes its deadline reminders and says
 * so in the DM, as the chat does — and they come back, said too, when it is within reach again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationStore } from '../../../dialogs/application.ts';
import type { Reply } from '../../../src/core/message.ts';
import { userKey } from '../../../src/store/user-records.ts';
import { driveToSummary } from '../../dialogs/support.ts';
import type { RecordedCall } from '../../support/fake-slack-api.ts';
import { type SlackHarness, startSlackHarness } from '../../support/slack-harness.ts';
import {
  eventBody,
  FORM,
  interactionBody,
  JSON_TYPE,
  modalState,
  signedPost,
  viewButtonPayload,
  viewSubmissionPayload,
} from '../../support/slack-requests.ts';

const USER = 'U0CHECK';
const DM = `D${USER}`;
const REF = { platform: 'slack' as const, workspace: 'T0NEC', roomId: DM, userId: USER, isDirect: true };

/** An eligible application whose funding deadline (23 May 2027) is ahead of the clock (23 November 2026). */
const ANSWERS: Record<string, string> = {
  organizer_name: 'Open Lab Co',
  legal_entity: 'association',
  event_date: '23/09/2027',
  event_format: 'hybrid',
  themes: '1, 7',
  goal: 'Bring digital mediators, elected officials and associations together to share their tools.',
  area: 'Lyon metropolitan area',
  audience: 'digital mediators and elected officials',
  expected_attendance: '150',
  venue_capacity: '200',
  partners: 'City of Lyon',
  local_authority_support: 'yes',
  local_authority_name: 'City of Lyon',
  session_formats: 'workshops and round tables',
  resources: 'two staff members and a room',
  budget_total: '12000',
  grant_requested: '9600',
  charter: 'yes',
};

let harness: SlackHarness;

beforeAll(async () => {
  harness = await startSlackHarness();
  // The application is written in the chat (as this Slack person, through the core), its reminders accepted.
  const app = harness.app;
  const say = (user: string, text: string): Promise<Reply[]> => {
    harness.later();
    return app.say(user, text, { ref: REF });
  };
  const { all } = await driveToSummary({ ...app, say }, USER, await say(USER, 'apply local-nec'), ANSWERS);
  expect(all.map((r) => r.intent)).toContain('confirm:reminders:accept');
  await say(USER, 'yes');
});

afterAll(async () => {
  await harness?.close();
});

async function stored() {
  const [found] = await new ApplicationStore(harness.app.records).list(userKey('slack', USER, 'T0NEC'));
  if (!found) throw new Error('no application stored');
  return found;
}

async function fundingReminders(): Promise<number> {
  const jobs = await harness.app.scheduler.listByOwner(`application:${(await stored()).id}`);
  return jobs.filter((j) => j.kind === 'funding-deadline').length;
}

function interact(payload: Record<string, unknown>): Promise<Response> {
  harness.later();
  return signedPost(harness.baseUrl, interactionBody(payload), FORM);
}

type View = {
  callback_id: string;
  private_metadata: string;
  blocks: Array<{ type: string; block_id?: string; element?: Record<string, unknown> }>;
};

/** Opens the App Home, presses « Edit my application » and returns the modal Slack was asked to open. */
async function openModal(): Promise<View> {
  const seen = harness.fake.callsTo('views.publish').length;
  const home = { type: 'app_home_opened', user: USER, channel: DM, tab: 'home', event_ts: `2.${seen}` };
  await signedPost(harness.baseUrl, eventBody(home, `Ev-check-home-${seen}`), JSON_TYPE);
  const published = await harness.fake.waitFor(
    'views.publish',
    (c) => harness.fake.callsTo('views.publish').indexOf(c) >= seen,
  );
  const opened = harness.fake.callsTo('views.open').length;
  await interact(viewButtonPayload(published.params.view as never, USER, 'nec_edit_form'));
  const modal = await harness.fake.waitFor(
    'views.open',
    (c) => harness.fake.callsTo('views.open').indexOf(c) >= opened,
  );
  return modal.params.view as View;
}

/** Saves the modal as opened, but for `changes` (by slot). */
async function save(changes: Record<string, string>): Promise<Response> {
  const view = await openModal();
  return interact(viewSubmissionPayload(view, USER, modalState(view, changes)));
}

async function refused(changes: Record<string, string>): Promise<Record<string, string>> {
  const response = await save(changes);
  const body = (await response.json()) as { response_action: string; errors: Record<string, string> };
  expect(body.response_action).toBe('errors');
  return body.errors;
}

/** The bot's next post in the DM matching `pattern`, after the first `after` posts. */
function posted(pattern: RegExp, after: number): Promise<RecordedCall> {
  return harness.fake.waitFor(
    'chat.postMessage',
    (c) =>
      c.params.channel === DM &&
      pattern.test(String(c.params.text)) &&
      harness.fake.callsTo('chat.postMessage').indexOf(c) >= after,
  );
}

describe('the edit modal runs the chat’s checks', () => {
  it('refuses a grant above the budget beside the grant, and saves nothing', async () => {
    const errors = await refused({ grant_requested: '15000' });
    expect(Object.keys(errors)).toEqual(['grant_requested']);
    expect(errors.grant_requested).toMatch(/more than the total provisional budget/);
    expect((await stored()).answers.grant_requested).toBe(9600);
  });

  it('refuses a budget below the grant beside the budget, and a budget of 0', async () => {
    let errors = await refused({ budget_total: '5000' });
    expect(Object.keys(errors)).toEqual(['budget_total']);
    expect(errors.budget_total).toMatch(/smaller than the grant requested/);
    errors = await refused({ budget_total: '0' });
    expect(errors.budget_total).toMatch(/describes no expenditure/);
    expect((await stored()).answers.budget_total).toBe(12000);
  });

  it('checks a budget and a grant changed together against each other', async () => {
    const mark = harness.fake.callsTo('chat.postMessage').length;
    const response = await save({ budget_total: '20000', grant_requested: '15000' });
    expect(await response.text()).toBe('');
    await posted(/Saved: 2 answers changed/, mark);
    expect((await stored()).answers).toMatchObject({ budget_total: 20000, grant_requested: 15000 });
  });

  it('removes the funding reminders when a save rules the grant out, says so, and brings them back', async () => {
    expect(await fundingReminders()).toBe(3);
    let mark = harness.fake.callsTo('chat.postMessage').length;
    expect(await (await save({ expected_attendance: '140' })).text()).toBe('');
    // What the change breaks is said, as in the chat, then what it did to the reminders.
    await posted(/⚠️ ANCT grant.*at least 150/s, mark);
    const followed = await posted(/Your reminders follow your answers: 3 reminders removed/, mark);
    expect(String(followed.params.text)).toMatch(/no longer allow/);
    expect(await fundingReminders()).toBe(0);

    mark = harness.fake.callsTo('chat.postMessage').length;
    await save({ expected_attendance: '150' });
    await posted(/Your reminders follow your answers: 3 reminders added/, mark);
    expect(await fundingReminders()).toBe(3);
  });
});
