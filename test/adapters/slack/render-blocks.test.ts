/** Block Kit rendering of core replies. */

import type { BlockAction } from '@slack/bolt';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBlockAction } from '../../../adapters/slack/incoming.ts';
import { answeredBlocks, renderReply, splitText, toMrkdwn } from '../../../adapters/slack/render-blocks.ts';
import { ownLink } from '../../../src/core/links.ts';
import type { OutgoingReply, Reply } from '../../../src/core/port.ts';
import { nativeInputPayload } from '../../support/slack-requests.ts';

/** The reply as the port hands it over, in `lang`. */
const inLang = (reply: Reply, lang: 'fr' | 'en', extra: Partial<OutgoingReply> = {}): OutgoingReply => ({
  ...reply,
  lang,
  ...extra,
});

const choices = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `c${i + 1}`, label: `Choice ${i + 1}` }));

describe('toMrkdwn', () => {
  it('converts bold, italic, links, headings and lists, and escapes Slack markup', () => {
    expect(toMrkdwn('**Bold** and *italic*')).toBe('*Bold* and _italic_');
    expect(toMrkdwn(`See ${ownLink('the call', 'https://example.org/a?b=1&c=2')}`)).toBe(
      'See <https://example.org/a?b=1&c=2|the call>',
    );
    expect(toMrkdwn('# Title\n- one\n- two')).toBe('*Title*\n• one\n• two');
    expect(toMrkdwn('a < b & c > d')).toBe('a &lt; b &amp; c &gt; d');
  });

  it.each([
    ['remind me to [hi](!here) tomorrow', 'remind me to [hi](!here) tomorrow'],
    ['[boss](!channel)', '[boss](!channel)'],
    ['[x](@U0ADMIN) and [y](#C0GENERAL)', '[x](@U0ADMIN) and [y](#C0GENERAL)'],
    ['[free money](https://evil.example/login)', '[free money](https://evil.example/login)'],
    [
      '<!here> <!everyone> <@U0ADMIN> <#C0GENERAL|general>',
      '&lt;!here&gt; &lt;!everyone&gt; &lt;@U0ADMIN&gt; &lt;#C0GENERAL|general&gt;',
    ],
  ])('never turns text a person typed into a mention or a link: %s', (typed, shown) => {
    expect(toMrkdwn(typed)).toBe(shown);
  });

  it('never lets a text open Slack markup (<…>) of its own', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const out = toMrkdwn(text.replace(/[[\]()]/g, ''));
        expect(out).not.toMatch(/[<>]/);
      }),
    );
  });
});

describe('renderReply', () => {
  const reply = (extra: Partial<Reply>): Reply => ({ text: 'Which one?', intent: 'dialog:x:y', ...extra });

  it('always sets the text fallback, and sections for the text', () => {
    const rendered = renderReply(inLang(reply({ text: '**Hello**' }), 'en'));
    expect(rendered.text).toBe('*Hello*');
    expect(rendered.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: '*Hello*' } }]);
  });

  it('shows up to five choices as buttons whose values are the choice ids', () => {
    const [, actions] = renderReply(inLang(reply({ choices: choices(5) }), 'en')).blocks;
    expect(actions).toMatchObject({ type: 'actions', block_id: 'nec_choices' });
    const elements = (actions as { elements: Array<{ type: string; value: string }> }).elements;
    expect(elements.map((e) => [e.type, e.value])).toEqual(choices(5).map((c) => ['button', c.id]));
  });

  it('shows more choices as a static select', () => {
    const [, actions] = renderReply(inLang(reply({ choices: choices(6) }), 'fr')).blocks;
    const [select] = (actions as { elements: Array<{ type: string; options: unknown[] }> }).elements;
    expect(select?.type).toBe('static_select');
    expect(select?.options).toHaveLength(6);
  });

  it('shows multi-choices as checkboxes with a submit button in the person’s language', () => {
    const [, actions] = renderReply(inLang(reply({ choices: choices(3), multiple: true }), 'fr')).blocks;
    const elements = (actions as { elements: Array<{ type: string; text?: { text: string } }> }).elements;
    expect(elements.map((e) => e.type)).toEqual(['checkboxes', 'button']);
    expect(elements[1]?.text?.text).toBe('Valider');
  });

  it('asks for confirmation before a button that cancels or broadcasts', () => {
    const confirm = reply({
      intent: 'confirm:broadcast-send',
      choices: [
        { id: 'yes', label: 'Yes' },
        { id: 'no', label: 'No' },
      ],
    });
    const [, actions] = renderReply(inLang(confirm, 'en')).blocks;
    const [yes, no] = (actions as { elements: Array<{ confirm?: unknown }> }).elements;
    expect(yes?.confirm).toBeDefined();
    expect(no?.confirm).toBeUndefined();
  });

  it('renders fields as section fields, ten per section', () => {
    const fields = Array.from({ length: 12 }, (_, i) => ({ label: `L${i}`, value: `**v${i}**` }));
    const blocks = renderReply(inLang(reply({ fields }), 'en')).blocks;
    const sections = blocks.filter((b) => b.type === 'section' && 'fields' in b) as Array<{
      fields: unknown[];
    }>;
    expect(sections.map((s) => s.fields.length)).toEqual([10, 2]);
    expect(sections[0]?.fields[0]).toEqual({ type: 'mrkdwn', text: '*L0*\n*v0*' });
  });

  it('splits a long text into sections within Slack’s limit, and keeps the choices past 50 blocks', () => {
    const long = Array.from({ length: 60 }, (_, i) => `${'word '.repeat(600)}${i}`).join('\n\n');
    const { blocks, text } = renderReply(inLang(reply({ text: long, choices: choices(2) }), 'en'));
    expect(blocks).toHaveLength(50);
    expect(blocks.at(-1)?.type).toBe('actions');
    for (const block of blocks)
      if (block.type === 'section' && block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
    expect(text.length).toBeLessThanOrEqual(4000);
  });
});

describe('splitText', () => {
  it('keeps every word, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,12}$/), { maxLength: 200 }), (words) => {
        const text = words.join(' ');
        const pieces = splitText(text, 50);
        expect(pieces.join(' ').split(/\s+/).filter(Boolean)).toEqual(words);
        for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(50);
      }),
    );
  });
});

describe('answeredBlocks', () => {
  it('drops the buttons and says what was answered', () => {
    const { blocks } = renderReply(
      inLang({ text: 'Format?', intent: 'dialog:x:y', choices: choices(2) }, 'en'),
    );
    expect(answeredBlocks(blocks, 'Choice 1', 'en')).toEqual([
      blocks[0],
      { type: 'context', elements: [{ type: 'mrkdwn', text: '✓ Answer: Choice 1' }] },
    ]);
  });
});

describe('summary verdict', () => {
  it('shows the verdict per benefit as fields, with the benefit names given', () => {
    const summary: Reply = {
      text: '**Summary**',
      intent: 'dialog:local-nec:summary',
      data: { call: 'local-nec', verdict: { label: { eligible: true }, funding: { eligible: null } } },
    };
    const names: Record<string, string> = { label: 'Local NEC label' };
    const { blocks } = renderReply(inLang(summary, 'fr', { benefitNames: names }));
    expect(blocks[1]).toEqual({
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: '*Local NEC label*\n✅ Éligible' },
        { type: 'mrkdwn', text: '*funding*\n❔ À confirmer' },
      ],
    });
  });
});

describe('native inputs', () => {
  const question = (input: Reply['input']): OutgoingReply =>
    inLang(
      { text: '**Step 9/17** — How many people?', intent: 'dialog:local-nec:expected_attendance', input },
      'en',
      { data: { application: 'a1b2c3', slot: 'expected_attendance' } },
    );

  it('gives a count step a number field that Enter sends, its answer read as the typed number', () => {
    const posted = { params: { channel: 'D0X', ...renderReply(question({ kind: 'integer', min: 1 })) } };
    const input = posted.params.blocks.find((b) => b.type === 'input');
    expect(input).toMatchObject({
      block_id: 'nec_answer:a1b2c3:expected_attendance',
      dispatch_action: true,
      element: { type: 'number_input', is_decimal_allowed: false, min_value: '1' },
    });
    const payload = nativeInputPayload(
      { ...posted, response: { ts: '1.0' } },
      'U0X',
      { number: ' 200 ' },
      'http://127.0.0.1:9/respond',
    );
    const clicked = fromBlockAction(payload as unknown as BlockAction, new Date());
    expect(clicked?.message).toMatchObject({
      text: '200',
      answering: { application: 'a1b2c3', slot: 'expected_attendance' },
    });
    expect(clicked?.message.choiceId).toBeUndefined();
  });

  it('adds nothing to a text step, nor to a reply that is not a dialog question', () => {
    expect(renderReply(question({ kind: 'text' })).blocks.map((b) => b.type)).toEqual(['section']);
    const plainDate = inLang({ text: 'When?', intent: 'x', input: { kind: 'date' } }, 'en');
    expect(renderReply(plainDate).blocks.map((b) => b.type)).toEqual(['section']);
  });
});
