/**
 * A whole local-nec application completed in Slack by a mix of clicks (buttons, a select, checkboxes) and
 * typed answers, over signed HTTP against the fake Web API; then the App Home shows it, and the export
 * lands in the DM as a file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedCall } from '../../support/fake-slack-api.ts';
import { type SlackHarness, startSlackHarness } from '../../support/slack-harness.ts';
import { eventBody, FORM, JSON_TYPE, signedPost, slashCommandBody } from '../../support/slack-requests.ts';

const USER = 'U0ORG';
const DM = `D${USER}`;

let harness: SlackHarness;

beforeAll(async () => {
  harness = await startSlackHarness();
});

afterAll(async () => {
  await harness?.close();
});

/** The bot's next post in the DM whose text matches (steps are numbered, so each is found once). */
function posted(pattern: RegExp): Promise<RecordedCall> {
  return harness.fake.waitFor(
    'chat.postMessage',
    (c) => c.params.channel === DM && pattern.test(String(c.params.text)),
  );
}

const later = () => harness.later();

async function type(text: string, next: RegExp): Promise<RecordedCall> {
  later();
  expect((await harness.dm(USER, text)).status).toBe(200);
  return posted(next);
}

async function click(on: RecordedCall, choose: string | string[], next: RegExp): Promise<RecordedCall> {
  later();
  expect((await harness.click(on, USER, choose)).status).toBe(200);
  const update = await harness.fake.waitFor('chat.update', (c) => c.params.ts === on.response?.ts);
  // The answered question lost its controls: it cannot be answered twice.
  expect((update.params.blocks as Array<{ type: string }>).map((b) => b.type)).not.toContain('actions');
  return posted(next);
}

function elementTypes(call: RecordedCall): string[] {
  const blocks = call.params.blocks as Array<{ type: string; elements?: Array<{ type: string }> }>;
  return blocks.flatMap((b) => (b.type === 'actions' ? (b.elements ?? []).map((e) => e.type) : []));
}

describe('a local-nec application in Slack', () => {
  it('is completed by clicks and typed answers, and shows on the App Home', async () => {
    let step = await type('apply local-nec', /Step 1\b/);
    step = await type('Tiers-Lieu du Bocage', /Step 2\b/);
    expect(elementTypes(step)).toEqual(['static_select']);
    step = await click(step, 'association', /Step 3\b/);
    step = await type('12/06/2027', /Step 4\b/);
    expect(elementTypes(step)).toEqual(['button', 'button', 'button']);
    step = await click(step, 'hybrid', /Step 5\b/);
    expect(elementTypes(step)).toEqual(['checkboxes', 'button']);
    step = await click(step, ['digital_inclusion', 'digital_commons'], /Step 6\b/);

    // Halfway, the App Home shows where the application stands.
    const home = { type: 'app_home_opened', user: USER, channel: DM, tab: 'home', event_ts: '1.0' };
    await signedPost(harness.baseUrl, eventBody(home, 'Ev-home-1'), JSON_TYPE);
    const view = await harness.fake.waitFor('views.publish');
    // The step in the very words of the question it stands at (« Step 6 (11 more questions after this one) »).
    const heading = /\*Step 6\* \(\d+ more questions after this one\)/.exec(String(step.params.text))?.[0];
    expect(heading).toBeDefined();
    expect(JSON.stringify(view.params.view)).toContain(`— ${heading}`);

    step = await type('Bring seniors and families closer to digital services.', /Step 7\b/);
    step = await type('Bocage normand', /Step 8\b/);
    step = await type('seniors and families', /Step 9\b/);
    step = await type('200', /Step 10\b/);
    step = await type('skip', /Step 11\b/);
    step = await type('la médiathèque', /Step 12\b/);
    step = await click(step, 'yes', /Step 13\b/);
    step = await type('Communauté de communes du Bocage', /Step 14\b/);
    step = await type('ateliers et tables rondes', /Step 15\b/);
    step = await type('une salle, deux médiateurs', /Step 16\b/);
    step = await type('12000', /Step 17\b/);
    step = await type('5000', /Step 18\b/);
    const summary = await click(step, 'yes', /Summary/);

    // The verdict per benefit shows as fields, named as the call file names them.
    const fields = (summary.params.blocks as Array<{ fields?: Array<{ text: string }> }>).flatMap(
      (b) => b.fields ?? [],
    );
    expect(fields.map((f) => f.text)).toContainEqual(
      expect.stringMatching(/^\*local NEC label .*\n✅ Eligible$/),
    );
    // The answers are fields too, at most ten per section (Slack's limit), and stay in the notification text.
    expect(fields.map((f) => f.text)).toContainEqual(
      expect.stringMatching(/^\*[^*\n]+\*\nTiers-Lieu du Bocage$/),
    );
    const sections = (summary.params.blocks as Array<{ fields?: unknown[] }>).filter((b) => b.fields);
    expect(sections.length).toBeGreaterThan(1);
    for (const section of sections) expect(section.fields?.length).toBeLessThanOrEqual(10);
    expect(String(summary.params.text)).toContain('Tiers-Lieu du Bocage');
    // Its two choices, and « Edit my application » that opens the whole application as a modal.
    expect(elementTypes(summary)).toEqual(['button', 'button', 'button']);

    const reminders = await posted(/reminder/);
    await click(reminders, 'no', /no reminders/i);

    later();
    await harness.click(summary, USER, 'export');
    const completed = await harness.fake.waitFor('files.completeUploadExternal');
    expect(completed.params.channel_id).toBe(DM);
  });

  it('started with /nec in a channel, goes on in the direct message', async () => {
    harness.fake.reset();
    later();
    const command = slashCommandBody({
      text: 'apply local-nec',
      user: 'U0CHAN',
      channel: 'C0GEN',
      responseUrl: harness.fake.responseUrl('apply'),
    });
    expect((await signedPost(harness.baseUrl, command, FORM)).status).toBe(200);
    const first = await harness.fake.waitFor('chat.postMessage', (c) =>
      /Step 1\b/.test(String(c.params.text)),
    );
    expect(first.params.channel).toBe('DU0CHAN');
    expect(harness.fake.callsTo('conversations.open')[0]?.params.users).toBe('U0CHAN');
    // The channel only hears where the conversation went; the questions are not public.
    const inChannel = harness.fake.callsTo('chat.postMessage').filter((c) => c.params.channel === 'C0GEN');
    expect(inChannel.map((c) => String(c.params.text))).toEqual([expect.stringMatching(/direct message/)]);
  });
});
