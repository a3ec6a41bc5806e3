import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownInline, markdownParagraphs } from '../../dialogs/export/markdown.ts';

describe('user text in the Markdown dossier', () => {
  it('a forged section stays on its line, escaped', () => {
    expect(markdownInline('Ville\n\n## Budget prévisionnel\n- **subvention** : 1 000 000 €')).toBe(
      'Ville \\#\\# Budget prévisionnel - \\*\\*subvention\\*\\* : 1 000 000 €',
    );
  });

  it('raw HTML becomes text, and links, images, code and tables lose their markup', () => {
    expect(markdownInline('<script>x</script> & ![i](j) `k` a|b ~~c~~')).toBe(
      '&lt;script&gt;x&lt;/script&gt; &amp; \\!\\[i\\]\\(j\\) \\`k\\` a\\|b \\~\\~c\\~\\~',
    );
  });

  it('keeps paragraphs, and no line of them can open a block', () => {
    expect(markdownParagraphs('1. first\n- second\n\n=== \n+ third', '  ')).toBe(
      '  1\\. first \\- second\n\n  \\=== \\+ third',
    );
  });

  it('whatever is typed: no raw tag, no line break inline, no unescaped markup character', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('a', ' ', '\n', '#', '-', '*', '_', '<', '>', '[', ']', '`', '1', '.', '|'),
        }),
        (text) => {
          const out = markdownInline(text);
          expect(out).not.toMatch(/[\n<>]/);
          expect(out.replace(/\\[\\`*_[\]{}()!|~#.+=-]/g, '')).not.toMatch(/[`*_[\]|#]/);
          for (const line of markdownParagraphs(text).split('\n'))
            expect(line).not.toMatch(/^\s*([#>+*=]|-\s|\d+[.)])/);
        },
      ),
    );
  });
});
