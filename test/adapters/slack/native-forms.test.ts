/**
 * Slack's native forms over signed HTTP against the fake Web API: a date step's datepicker answers the step
 * (and an older message's picker answers nothing), the App Home shows the application's progress with its
 * buttons, and « Modifier ma candidature » opens a modal whose bad date comes back as the field's error,
 * while a good submission is saved in one go; a check slower than Slack's 3 s closes the modal and the
 * outcome comes in the DM.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationStore } from '../../../dialogs/application.ts';
import { userKey } from '../../../src/store/user-records.ts';
import type { RecordedCall } from '../../support/fake-slack-api.ts';
import { type SlackHarness, startSlackHarness } from '../../support/slack-harness.ts';
import {
  eventBody,
  FORM,
  interactionBody,
  JSON_TYPE,
  nativeInputPayload,
  signedPost,
  viewButtonPayload,
  viewSubmissionPayload,
} from '../../support/slack-requests.ts';

const USER = 'U0FORM';
const DM = `D${USER}`;

let harness: SlackHarness;

beforeAll(async () => {
  harness = await startSlackHarness();
});

afterAll(async () => {
  await harness?.close();
});

const later = () => harness.later();

/** The bot's next post in the DM whose text matches, after the first `after` posts. */
function posted(pattern: RegExp, after = 0): Promise<RecordedCall> {
  return harness.fake.waitFor(
    'chat.postMessage',
    (c) =>
      c.params.channel === DM &&
      pattern.test(String(c.params.text)) &&
      harness.fake.callsTo('chat.postMessage').indexOf(c) >= after,
  );
}

function interact(payload: Record<string, unknown>): Promise<Response> {
  later();
  return signedPost(harness.baseUrl, interactionBody(payload), FORM);
}

async function application() {
  const user = userKey('slack', USER, 'T0NEC');
  const [found] = await new ApplicationStore(harness.app.records).list(user);
  if (!found) throw new Error('no application stored');
  return found;
}

type View = {
  blocks: Array<{ type: string; block_id?: string; text?: { text: string } } & Record<string, unknown>>;
};

async function openHome(): Promise<View> {
  const seen = harness.fake.callsTo('views.publish').length;
  const home = { type: 'app_home_opened', user: USER, channel: DM, tab: 'home', event_ts: `1.${seen}` };
  await signedPost(harness.baseUrl, eventBody(home, `Ev-form-home-${seen}`), JSON_TYPE);
  const published = await harness.fake.waitFor(
    'views.publish',
    (c) => harness.fake.callsTo('views.publish').indexOf(c) >= seen,
  );
  return published.params.view as View;
}

describe('Slack native forms', () => {
  let dateStep: RecordedCall;

  it('answers a date step from its datepicker, typing still possible', async () => {
    later();
    await harness.dm(USER, 'apply local-nec');
    const first = await posted(/Step 1\b/);
    later();
    await harness.dm(USER, 'Tiers-Lieu du Bocage');
    const second = await posted(/Step 2\b/);
    await harness.click(second, USER, 'association');
    dateStep = await posted(/Step 3\b/);
    expect(first.params.blocks).not.toContainEqual(expect.objectContaining({ type: 'input' }));
    const picker = (dateStep.params.blocks as View['blocks']).find((b) =>
      b.block_id?.startsWith('nec_answer:'),
    );
    expect(picker).toMatchObject({
      type: 'actions',
      elements: [{ type: 'datepicker', action_id: 'nec_date' }],
    });
    // The text fallback still asks the question in words.
    expect(String(dateStep.params.text)).toMatch(/Step 3\b/);

    const answered = await interact(
      nativeInputPayload(dateStep, USER, { date: '2027-06-12' }, harness.fake.responseUrl('date')),
    );
    expect(answered.status).toBe(200);
    await posted(/Noted: .*12 June 2027/);
    await posted(/Step 4\b/);
    const update = await harness.fake.waitFor('chat.update', (c) => c.params.ts === dateStep.response?.ts);
    expect(JSON.stringify(update.params.blocks)).toContain('Answer: 2027-06-12');
    expect((update.params.blocks as View['blocks']).map((b) => b.type)).not.toContain('actions');
    expect((await application()).answers.event_date).toBe('2027-06-12');
  });

  it('refuses a date picked on an older question: it answers nothing', async () => {
    const mark = harness.fake.callsTo('chat.postMessage').length;
    await interact(
      nativeInputPayload(dateStep, USER, { date: '2027-09-01' }, harness.fake.responseUrl('stale')),
    );
    await posted(/no longer the one being asked/, mark);
    expect((await application()).answers.event_date).toBe('2027-06-12');
  });

  let modal: RecordedCall;

  it('shows the application on the App Home with its progress, status and buttons', async () => {
    const view = await openHome();
    const text = view.blocks.map((b) => b.text?.text ?? '').join('\n');
    expect(text).toMatch(/— \*Step 4\* \(\d+ more questions after this one\) · In progress/);
    expect(text).toMatch(/▰+▱+ 3 of 1[67] answers/);
    const buttons = view.blocks.flatMap(
      (b) => (b.elements as Array<{ text: { text: string } }> | undefined) ?? [],
    );
    expect(buttons.map((b) => b.text.text)).toEqual(['Resume', 'Edit my application', 'Export']);

    expect((await interact(viewButtonPayload(view, USER, 'nec_edit_form'))).status).toBe(200);
    modal = await harness.fake.waitFor('views.open');
    const modalView = modal.params.view as View & { callback_id: string };
    expect(modalView.callback_id).toBe('nec_edit_application');
    const inputs = modalView.blocks.filter((b) => b.type === 'input');
    expect(inputs.map((b) => b.block_id)).toEqual(expect.arrayContaining(['organizer_name', 'event_date']));
    expect(inputs.find((b) => b.block_id === 'event_date')).toMatchObject({
      element: { type: 'datepicker', initial_date: '2027-06-12' },
    });
    expect(inputs.find((b) => b.block_id === 'organizer_name')).toMatchObject({
      element: { type: 'plain_text_input', initial_value: 'Tiers-Lieu du Bocage' },
    });
  });

  /** Saves the modal with these answers: the organizer's name, the association, and `date` as event date. */
  function submit(name: string, date: string, more: Record<string, Record<string, unknown>> = {}) {
    const view = modal.params.view as Record<string, string>;
    return interact(
      viewSubmissionPayload(view, USER, {
        organizer_name: { type: 'plain_text_input', value: name },
        legal_entity: { type: 'static_select', selected_option: { value: 'association' } },
        event_date: { type: 'datepicker', selected_date: date },
        ...more,
      }),
    );
  }

  it('returns a bad date as the error beside its field, and saves nothing', async () => {
    const response = await submit('Tiers-Lieu du Bocage', '2020-01-15');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors)).toEqual(['event_date']);
    expect(body.errors.event_date).toMatch(/already passed/);
    expect((await application()).answers.event_date).toBe('2027-06-12');
  });

  it('saves a good submission in one go and carries the chat on', async () => {
    const mark = harness.fake.callsTo('chat.postMessage').length;
    const response = await submit('Tiers-Lieu du Bocage normand', '2027-06-19', {
      event_format: { type: 'static_select', selected_option: null },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    await posted(/Saved: 2 answers changed/, mark);
    await posted(/Step 4\b/, mark);
    const saved = await application();
    expect(saved.answers).toMatchObject({
      organizer_name: 'Tiers-Lieu du Bocage normand',
      event_date: '2027-06-19',
    });
  });

  it('closes a form whose check outlasts Slack’s 3 s, and says the outcome in the DM', async () => {
    const port = harness.app.port;
    const submitForm = port.submitForm;
    // Fault injection: the core answers after the adapter's 2 s budget.
    port.submitForm = async (message) => {
      await new Promise((resolve) => setTimeout(resolve, 2_100));
      return submitForm(message);
    };
    try {
      const mark = harness.fake.callsTo('chat.postMessage').length;
      const response = await submit('Tiers-Lieu du Bocage normand', '2020-01-15');
      expect(await response.text()).toBe('');
      const told = await posted(/I saved nothing: 1 field to look at again/, mark);
      expect(String(told.params.text)).toMatch(/already passed/);
    } finally {
      port.submitForm = submitForm;
    }
  });
});
