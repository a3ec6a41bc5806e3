import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/faq/knowledge-base.ts';
import { FaqIndex } from '../../src/faq/retrieval.ts';

const index = new FaqIndex(loadKnowledgeBase());

describe('FAQ retrieval coverage', () => {
  it('counts a word met only through a typo for less than the word itself', () => {
    const coverage = (q: string) =>
      index.rank(q).find((r) => r.entry.id === 'local-nec-charter')?.coverage ?? 0;
    expect(coverage('charte nec')).toBe(1);
    expect(coverage('chartr nec')).toBeGreaterThan(0);
    expect(coverage('chartr nec')).toBeLessThan(1);
  });

  it('finds an entry through a synonym in the other language', () => {
    expect(index.rank('financement nec local')[0]?.entry.id).toBe('local-nec-grant');
  });

  it('answers a question that only names a topic with that topic’s overview', () => {
    expect(index.rank('interconectés ?')[0]?.entry.id).toBe('interconnectes-what');
    expect(index.rank('numérique en commun')[0]?.entry.id).toBe('local-nec-what');
    expect(index.rank('forum des interconnectés')[0]?.entry.id).toBe('interconnectes-forum');
  });
});
