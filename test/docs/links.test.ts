/**
 * The docs a newcomer reads: every relative link and `#anchor` in README.md and docs/ resolves, every docs page
 * is reachable from the README, and the README stays short (the details live in docs/).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const PAGES = ['README.md', ...readdirSync(join(ROOT, 'docs')).map((name) => `docs/${name}`)].filter((p) =>
  p.endsWith('.md'),
);

/** The text outside fenced code blocks and inline code, where a `[x](y)` is not a link. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

/** The anchors GitHub gives a page's headings (duplicates get `-1`, `-2`…). */
function anchors(markdown: string): Set<string> {
  const slugger = new GithubSlugger();
  const headings = prose(markdown).match(/^#{1,6} .+$/gm) ?? [];
  return new Set(headings.map((h) => slugger.slug(h.replace(/^#+ /, '').trim())));
}

function links(markdown: string): string[] {
  return [...prose(markdown).matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] as string);
}

/** What is wrong with each relative link of a page (none when all resolve). */
function brokenLinks(page: string): string[] {
  const text = readFileSync(join(ROOT, page), 'utf8');
  const problems: string[] = [];
  for (const link of links(text)) {
    if (/^[a-z]+:/i.test(link)) continue; // https:, mailto:: not ours to check offline
    const [path = '', anchor] = link.split('#');
    const target = path === '' ? join(ROOT, page) : resolve(dirname(join(ROOT, page)), path);
    if (!existsSync(target)) {
      problems.push(`${page}: ${link} → no such file`);
      continue;
    }
    if (anchor !== undefined && target.endsWith('.md') && !anchors(readFileSync(target, 'utf8')).has(anchor))
      problems.push(`${page}: ${link} → no heading #${anchor} in ${relative(ROOT, target)}`);
  }
  return problems;
}

describe('docs', () => {
  it('resolves every relative link and anchor', () => {
    expect(PAGES.flatMap(brokenLinks)).toEqual([]);
  });

  it('reaches every docs page from the README', () => {
    const linked = new Set(links(readFileSync(join(ROOT, 'README.md'), 'utf8')));
    expect(PAGES.filter((p) => p.startsWith('docs/') && !linked.has(p))).toEqual([]);
  });

  it('keeps the README short', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n').length).toBeLessThanOrEqual(150);
  });

  it('finds a broken link or anchor (the check can fail)', () => {
    const text = '[a](missing.md) [b](#nowhere) `[c](ignored.md)`\n## Real heading\n[d](#real-heading)';
    expect(links(text)).toEqual(['missing.md', '#nowhere', '#real-heading']);
    expect(anchors(text).has('real-heading')).toBe(true);
    expect(anchors(text).has('nowhere')).toBe(false);
  });
});
