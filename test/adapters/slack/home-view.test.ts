/**
 * The App Home tab of community managers: the workspace's scheduled broadcasts and channel subscriptions, set up
 * through the real Slack adapter (slash commands, a clicked confirmation) and read back from `views.publish`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeSlackApi, RecordedCall } from '../../support/fake-slack-api.ts';
import { type SlackHarness, startSlackHarness } from '../../support/slack-harness.ts';
import { eventBody, FORM, JSON_TYPE, signedPost, slashCommandBody } from '../../support/slack-requests.ts';

let harness: SlackHarness;
let fake: FakeSlackApi;
let sequence = 0;

/** Runs `/nec <text>` as `user` in `channel`; resolves with the bot's first post there. */
async function slash(user: string, channel: string, text: string): Promise<RecordedCall> {
  sequence += 1;
  const body = slashCommandBody({ text, user, channel, responseUrl: fake.responseUrl(`home-${sequence}`) });
  const seen = fake.callsTo('chat.postMessage').length;
  await signedPost(harness.baseUrl, body, FORM);
  return fake.waitFor(
    'chat.postMessage',
    (c) => c.params.channel === channel && fake.callsTo('chat.postMessage').indexOf(c) >= seen,
  );
}

/** Opens `user`'s Home tab; resolves with the text of every block published. */
async function openHome(user: string): Promise<string> {
  sequence += 1;
  const event = {
    type: 'app_home_opened',
    user,
    channel: `D0${user}`,
    tab: 'home',
    event_ts: `17.${sequence}`,
  };
  const seen = fake.callsTo('views.publish').length;
  await signedPost(harness.baseUrl, eventBody(event, `Ev-home-${sequence}`), JSON_TYPE);
  const published = await fake.waitFor(
    'views.publish',
    (c) => c.params.user_id === user && fake.callsTo('views.publish').indexOf(c) >= seen,
  );
  const view = published.params.view as { blocks: Array<{ text?: { text: string } }> };
  return view.blocks.map((b) => b.text?.text ?? '').join('\n');
}

beforeAll(async () => {
  harness = await startSlackHarness({ env: { SLACK_MANAGERS: 'U0BOSS,U0CHEF' } });
  fake = harness.fake;
});

afterAll(async () => {
  await harness?.close();
});

describe('App Home for community managers', () => {
  it('shows an empty state, in the manager’s language, before anything is scheduled', async () => {
    await slash('U0CHEF', 'D0U0CHEF', 'langue fr');
    const home = await openHome('U0CHEF');
    expect(home).toContain('*Diffusions programmées* (gestionnaires)');
    expect(home).toContain('Aucune diffusion programmée.');
    expect(home).toContain('Aucun canal abonné.');
  });

  it('lists the broadcasts scheduled and the channels subscribed', async () => {
    const preview = await slash(
      'U0BOSS',
      'C0GEN',
      'broadcast <#C0NEWS|news> tomorrow 9:00 Deadline soon for NIR',
    );
    expect(String(preview.params.text)).toContain('Shall I schedule this broadcast?');
    await harness.click(preview, 'U0BOSS', 'yes');
    await fake.waitFor('chat.postMessage', (c) => String(c.params.text).includes('scheduled ('));
    const subscribed = await slash('U0BOSS', 'C0ANN', 'subscribe local-nec America/Martinique');
    expect(String(subscribed.params.text)).toContain('This channel follows');

    const home = await openHome('U0BOSS');
    expect(home).toContain('*Scheduled broadcasts* (managers)');
    expect(home).toMatch(/• \d{4}-\d\d-\d\d 09:00 — <#C0NEWS> — 📣 Deadline soon for NIR \(`b\w{4}`\)/);
    expect(home).toContain('*Channels subscribed to calls* (managers)');
    expect(home).toMatch(/• <#C0ANN> — \*[^*]+\* \(`local-nec`\) — America\/Martinique/);
    expect(home).not.toContain('No broadcast scheduled');

    // The other manager reads the same workspace's list, in French.
    const chef = await openHome('U0CHEF');
    expect(chef).toContain('<#C0NEWS> — 📣 Deadline soon for NIR');
    expect(chef).toContain('*Canaux abonnés aux appels* (gestionnaires)');
  });

  it('shows an application’s next key date in words, in the person’s language', async () => {
    for (const text of ['langue fr', 'candidater local-nec', 'Les Liens', 'association', '23/03/2027'])
      await slash('U0ORGA', 'D0U0ORGA', text);
    const home = await openHome('U0ORGA');
    // Four months before the event: the last day to apply for the funding, in French words.
    expect(home).toMatch(
      /Prochaine date\s:\s23\snovembre\s2026 — dernier jour pour candidater au soutien financier/,
    );
  });

  it('shows nothing of it to someone who is not a manager', async () => {
    const home = await openHome('U0PLAIN');
    expect(home).toContain('No application yet');
    expect(home).not.toContain('broadcast');
    expect(home).not.toContain('C0NEWS');
    expect(home).not.toContain('C0ANN');
  });
});
