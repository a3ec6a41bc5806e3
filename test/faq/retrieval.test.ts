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

describe('FAQ retrieval: scene-setting words', () => {
  const confidentEnough = (q: string) => (index.rank(q)[0]?.coverage ?? 0) >= 0.4;

  it('gives no credit to an entry that shares only a place, a month or a kind of scheme with the question', () => {
    // « Bruxelles » and « novembre » are both in the NEC ESS dates entry; « concert » is the question's subject.
    expect(confidentEnough('un concert à bruxelles en novembre')).toBe(false);
    expect(confidentEnough("appel a projets du ministere de l'agriculture")).toBe(false);
  });

  it('still credits those words beside a word about the entry’s subject', () => {
    expect(index.rank('le nec ess a lieu en novembre à bruxelles ?')[0]?.entry.id).toBe('nec-ess-dates');
    expect(confidentEnough('le nec ess a lieu en novembre à bruxelles ?')).toBe(true);
  });
});
