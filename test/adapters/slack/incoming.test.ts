/** Slack events as the core's incoming messages. */
import type { BlockAction } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import {
  fromBlockAction,
  fromDirectMessage,
  fromMemberJoined,
  fromMention,
  fromSlackText,
} from '../../../adapters/slack/incoming.ts';

const now = new Date('2026-11-23T10:00:00Z');

describe('fromSlackText', () => {
  it('reads links, mentions and entities back as typed', () => {
    expect(fromSlackText('<http://example.org|example.org> &amp; <https://a.b/c>')).toBe(
      'example.org & https://a.b/c',
    );
    expect(fromSlackText('<mailto:a@b.org|a@b.org> &lt;3 <@U1> <#C1|general>')).toBe('a@b.org <3 @U1 #C1');
  });
});

describe('message events', () => {
  const event = {
    type: 'message',
    channel_type: 'im',
    channel: 'D1',
    user: 'U1',
    text: 'hello',
    ts: '1700000000.000100',
  };

  it('maps a direct message with its event id, workspace and time', () => {
    expect(fromDirectMessage(event, 'T1', 'Ev1', now)).toEqual({
      ref: {
        platform: 'slack',
        workspace: 'T1',
        roomId: 'D1',
        userId: 'U1',
        isDirect: true,
        threadId: undefined,
      },
      userId: 'U1',
      text: 'hello',
      eventId: 'Ev1',
      timestamp: new Date(1_700_000_000_000 + 0.1),
    });
  });

  it('ignores bots, edits, other subtypes and channel messages', () => {
    expect(fromDirectMessage({ ...event, bot_id: 'B1' }, 'T1', 'E', now)).toBeUndefined();
    expect(fromDirectMessage({ ...event, subtype: 'message_changed' }, 'T1', 'E', now)).toBeUndefined();
    expect(fromDirectMessage({ ...event, edited: { ts: '1' } }, 'T1', 'E', now)).toBeUndefined();
    expect(fromDirectMessage({ ...event, channel_type: 'channel' }, 'T1', 'E', now)).toBeUndefined();
  });

  it('drops the mention and answers in the thread', () => {
    const mention = { ...event, type: 'app_mention', channel: 'C1', text: '<@U0BOT> dates?' };
    const message = fromMention(mention, 'T1', 'Ev2', 'U0BOT', now);
    expect(message?.text).toBe('dates?');
    expect(message?.ref).toMatchObject({ roomId: 'C1', isDirect: false, threadId: '1700000000.000100' });
  });
});

describe('fromBlockAction', () => {
  const base = {
    type: 'block_actions',
    team: { id: 'T1', domain: 'nec' },
    user: { id: 'U1', username: 'u1', team_id: 'T1' },
    channel: { id: 'D1', name: 'directmessage' },
    container: { type: 'message', channel_id: 'D1', message_ts: '1.1', is_ephemeral: false },
    message: { type: 'message', ts: '1.1', text: 'q' },
    response_url: 'http://x',
    trigger_id: 't',
    api_app_id: 'A',
    token: 'v',
  };

  it('reads a button as the same text a typed answer gives: the choice id', () => {
    const body = {
      ...base,
      actions: [
        {
          type: 'button',
          action_id: 'nec_choice:1',
          block_id: 'nec_choices',
          value: 'hybrid',
          text: { type: 'plain_text', text: 'Hybrid' },
          action_ts: '9.9',
        },
      ],
    } as unknown as BlockAction;
    const clicked = fromBlockAction(body, now);
    expect(clicked?.message).toMatchObject({ text: 'hybrid', choiceId: 'hybrid', eventId: 'action:9.9' });
    expect(clicked?.label).toBe('Hybrid');
  });

  it('reads the ticked checkboxes on submit, and ignores the ticking itself', () => {
    const state = {
      values: {
        nec_choices: {
          nec_pick_many: {
            type: 'checkboxes',
            selected_options: [
              { value: 'a', text: { type: 'plain_text', text: 'A' } },
              { value: 'c', text: { type: 'plain_text', text: 'C' } },
            ],
          },
        },
      },
    };
    const submit = { type: 'button', action_id: 'nec_submit', block_id: 'nec_choices', action_ts: '9.8' };
    const body = { ...base, state, actions: [submit] } as unknown as BlockAction;
    expect(fromBlockAction(body, now)).toMatchObject({
      message: { text: 'a,c', choiceId: 'a,c' },
      label: 'A, C',
    });
    const tick = {
      type: 'checkboxes',
      action_id: 'nec_pick_many',
      block_id: 'nec_choices',
      selected_options: [],
    };
    expect(fromBlockAction({ ...body, actions: [tick] } as unknown as BlockAction, now)).toBeUndefined();
  });
});

describe('member_joined_channel', () => {
  it('takes the bot’s own join (added to a channel) for no newcomer', () => {
    const event = { user: 'U0BOT', channel: 'C0WELCOME' };
    expect(fromMemberJoined(event, 'T1', 'Ev1', 'U0BOT', now)).toBeUndefined();
    expect(fromMemberJoined({ ...event, user: 'U0NEW' }, 'T1', 'Ev2', 'U0BOT', now)).toMatchObject({
      ref: { platform: 'slack', workspace: 'T1', roomId: 'C0WELCOME', isDirect: false },
      userId: 'U0NEW',
    });
  });
});
