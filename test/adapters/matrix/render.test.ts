/** Replies as Matrix HTML: the Markdown subset, tables, numbered choices — and no markup from user text. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownToHtml, noticeContent } from '../../../adapters/matrix/render.ts';
import { ownLink } from '../../../src/core/links.ts';

/** The only tags the renderer writes. */
const OUR_TAGS = /<\/?(?:p|br|ul|ol|li|strong|em|code|a|table|tbody|tr|th|td)(?: href="[^"<>]*")?>/g;

describe('markdownToHtml', () => {
  it('renders bold, italic, code, links and lists', () => {
    expect(
      markdownToHtml(
        `**Dates** and _deadlines_: \`apply\`\n- one\n- ${ownLink('site', 'https://example.org/a?b=1&c=2')}`,
      ),
    ).toBe(
      '<p><strong>Dates</strong> and <em>deadlines</em>: <code>apply</code></p>' +
        '<ul><li>one</li><li><a href="https://example.org/a?b=1&amp;c=2">site</a></li></ul>',
    );
  });

  it('keeps paragraphs and numbered lists apart', () => {
    expect(markdownToHtml('First\nline\n\n1. a\n2. b')).toBe(
      '<p>First<br>line</p><ol><li>a</li><li>b</li></ol>',
    );
  });

  it('makes no link of one a person typed, and mentions no one', () => {
    expect(markdownToHtml('see [my page](https://evil.example/login)')).toBe(
      '<p>see [my page](https://evil.example/login)</p>',
    );
    expect(noticeContent({ text: '@room look', intent: 'x' })['m.mentions']).toEqual({});
  });

  it('escapes markup typed by users instead of rendering it', () => {
    const html = markdownToHtml('<img src=x onerror="alert(1)"> **<b>hi</b>** [x](javascript:alert(1))');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
  });

  it('never lets any text produce a tag of its own', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii' }), (text) => {
        const html = markdownToHtml(text).replace(OUR_TAGS, '');
        expect(html).not.toMatch(/[<>"]/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('noticeContent', () => {
  it('sends choices as a numbered list and fields as a table, with a plain-text body', () => {
    const content = noticeContent({
      text: 'Your answers:',
      intent: 'dialog:local-nec:summary',
      fields: [{ label: 'Organizer <name>', value: '<script>alert(1)</script>' }],
      choices: [
        { id: 'association', label: 'Association' },
        { id: 'company', label: 'Company & co' },
      ],
    });
    expect(content.msgtype).toBe('m.notice');
    expect(content.format).toBe('org.matrix.custom.html');
    expect(content.formatted_body).toBe(
      '<p>Your answers:</p>' +
        '<table><tbody><tr><th>Organizer &lt;name&gt;</th><td><p>&lt;script&gt;alert(1)&lt;/script&gt;</p></td></tr></tbody></table>' +
        '<ol><li>Association</li><li>Company &amp; co</li></ol>',
    );
    expect(content.body).toContain('1. Association');
    expect(content.body).toContain('2. Company & co');
  });
});
