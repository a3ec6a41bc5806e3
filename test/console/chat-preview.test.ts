/**
 * The broadcast preview shows the message as the manager's chat will: French typography as it leaves the core,
 * then the Markdown each platform reads, on escaped text.
 */
import { describe, expect, it } from 'vitest';
import { chatMessage } from '../../src/console/chat-preview.ts';
import { NARROW_NBSP, NBSP } from '../../src/core/typography.ts';

const shown = (text: string, platform: 'slack' | 'matrix' | 'shell', lang: 'fr' | 'en' = 'fr') =>
  chatMessage(text, platform, lang).value;

describe('a broadcast as the chat shows it', () => {
  it('is typeset in French as the outbox sends it, code spans left as typed', () => {
    const html = shown('Ouverture demain ! Détails : « NEC » ; tapez `aide : appels`', 'slack');
    expect(html).toContain(`demain${NARROW_NBSP}!`);
    expect(html).toContain(`Détails${NBSP}:`);
    expect(html).toContain(`«${NBSP}NEC${NBSP}»${NARROW_NBSP};`);
    expect(html).toContain('<code>aide : appels</code>');
    expect(shown('Opening tomorrow ! Details : here', 'slack', 'en')).toContain('tomorrow ! Details : here');
  });

  it('never turns what the manager typed into markup', () => {
    for (const platform of ['slack', 'matrix', 'shell'] as const)
      expect(shown('Les <b>inscriptions</b> & <script>x</script>', platform)).toContain(
        'Les &lt;b&gt;inscriptions&lt;/b&gt; &amp; &lt;script&gt;',
      );
  });

  it('reads bold, italics and lists as Slack does', () => {
    const html = shown('**Important** : *vite* et _bien_, ~pas~ ça\n- un\n- deux', 'slack');
    expect(html).toBe(
      `<p><strong>Important</strong>${NBSP}: <em>vite</em> et <em>bien</em>, <s>pas</s> ça<br>• un<br>• deux</p>`,
    );
  });

  it('reads them as Matrix does: paragraphs, real lists, *stars* left as typed', () => {
    const html = shown('**Important** : *vite* et _bien_\n\n- un\n- deux', 'matrix');
    expect(html).toBe(
      `<p><strong>Important</strong>${NBSP}: *vite* et <em>bien</em></p><ul><li>un</li><li>deux</li></ul>`,
    );
  });

  it('shows the terminal’s plain text', () => {
    expect(shown('**Important** : `aide`', 'shell')).toBe(`<p class="plain">Important${NBSP}: aide</p>`);
  });
});
