/**
 * The shapes a match takes once the entries are ranked and judged: sure of an entry, sure enough of the best-ranked
 * holder (with a second part if asked), unsure (the closest entries offered), or "the sources don't say" on a known
 * topic. matching.ts and within-topic.ts decide which; this module words the match the same way for both.
 */
import type { Ask } from './ask-cues.ts';
import type { Asked } from './asks.ts';
import type { EntryFit } from './fit.ts';
import type { Holdings } from './holding.ts';
import type { FaqEntry } from './knowledge-base.ts';
import type { FaqMatch } from './match.ts';
import type { Ranked } from './retrieval.ts';

export const NO_MATCH: FaqMatch = { score: 0, coverage: 0, confident: false, alternatives: [] };
// Tuned on eval/faq-questions.yaml: below this share of the question's (weighted) subject words, the bot does
// not guess. On a topic the question names, fewer words need to match: the topic is already certain.
export const MIN_COVERAGE_NAMED = 0.3;
// A question naming no topic must match more of its words: a near miss shares a word or two with an entry
// ("train ticket to Lyon") but is about something else.
export const MIN_COVERAGE_UNNAMED = 0.45;
export const MAX_ALTERNATIVES = 3;
// What an entry recording a fact the sources lack must cover of a question that asks no fact.
const MIN_COVERAGE_RECORDED_UNKNOWN = 0.5;

/** A sure match on an entry found by what is asked alone (the question names the topic and nothing else). */
export function sure(entry: FaqEntry): FaqMatch {
  return { entry, score: 0, coverage: 1, confident: true, alternatives: [] };
}

/** An alternative worth offering: it shares more than a stray common word with the question. */
function relevant(ranked: Ranked): boolean {
  return ranked.coverage >= 0.3;
}

/** The closest entries worth offering, of a ranking. */
function offered(ranked: Ranked[]): FaqEntry[] {
  return ranked
    .filter(relevant)
    .slice(0, MAX_ALTERNATIVES)
    .map((r) => r.entry);
}

/** No sure answer: the closest entries, for the choices of the fallback. */
export function unsure(ranked: Ranked[]): FaqMatch {
  const [best] = ranked;
  return {
    entry: best?.entry,
    score: best?.score ?? 0,
    coverage: best?.coverage ?? 0,
    matched: best?.terms,
    confident: false,
    alternatives: offered(ranked),
  };
}

/** "The sources don't say": the topic is known, the fact asked for is not in it. */
export function notInSources(holds: Holdings, topicId: string, asked: Asked, ranked: Ranked[]): FaqMatch {
  return {
    ...unsure(ranked),
    confident: false,
    topic: topicId,
    unknown: {
      asks: [...asked.asks],
      years: asked.years.filter((y) => !holds.topicHoldsYear(topicId, y)),
    },
  };
}

/** A match on `chosen`, confident when it covers enough of the question, with a second part if asked. */
export function chosenMatch(
  fit: EntryFit,
  chosen: Ranked,
  ranked: Ranked[],
  asks: Ask[],
  minCoverage: number,
): FaqMatch {
  // An entry recording what the sources lack answers the question asking that fact, or one it matches well: not
  // one sharing a word with it (« peut-on *venir* avec son chien ? » is not about the NEC events « à venir »).
  const needed =
    chosen.entry.unknown && asks.length === 0
      ? Math.max(minCoverage, MIN_COVERAGE_RECORDED_UNKNOWN)
      : minCoverage;
  const confident = chosen.coverage >= needed;
  const rest = ranked.filter((r) => r !== chosen);
  return {
    entry: chosen.entry,
    second: confident
      ? fit.secondPart(
          chosen.entry,
          asks,
          rest.map((r) => r.entry),
        )
      : undefined,
    score: chosen.score,
    coverage: chosen.coverage,
    matched: chosen.terms,
    threshold: needed,
    confident,
    alternatives: offered(confident ? rest : ranked),
    topic: chosen.entry.topic,
  };
}
