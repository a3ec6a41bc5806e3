/** Live eligibility: right after an answer, what it breaks (or puts at risk), and what remains possible. */

import { cited, evaluate, type RuleOutcome, rulesTouching, type Verdict } from '../rules/index.ts';
import type { CallDefinition } from '../rules/schema.ts';
import type { Lang } from '../src/core/i18n.ts';
import type { Answers } from './application.ts';
import { andList } from './render.ts';

/** How each outcome worth telling at once is marked: a failure, a case to confirm, a warning. */
const LIVE_MARK: Partial<Record<RuleOutcome['status'], string>> = {
  failed: '⚠️',
  to_confirm: '❔',
  warning: 'ℹ️',
};

/**
 * The rules these slots' answers now fail or warn about, with their citations (each rule once, however many of the
 * slots it reads), the benefits the change brings back within reach (a rule the answers `before` failed, now met:
 * an edited date that meets the funding deadline again), and the benefits still within reach; undefined when the
 * answers break nothing and bring nothing back (the dialog then simply goes on).
 */
export function liveEligibility(
  call: CallDefinition,
  answers: Answers,
  slots: readonly string[],
  now: Date,
  timezone: string,
  lang: Lang,
  before?: Answers,
): string | undefined {
  const touched = new Set(slots.flatMap((slot) => rulesTouching(call, slot)));
  if (touched.size === 0) return undefined;
  const verdict = evaluate(call, answers, now, timezone);
  const earlier = before ? evaluate(call, before, now, timezone) : undefined;
  const nameOf = (id: string) => verdict.benefits.find((b) => b.benefit.id === id)?.benefit.name[lang] ?? id;
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const benefit of verdict.benefits) {
    for (const outcome of benefit.outcomes) {
      if (!touched.has(outcome.ruleId) || seen.has(outcome.ruleId)) continue;
      const mark = LIVE_MARK[outcome.status];
      const back = earlier && outcome.status === 'met' ? backWithin(earlier, verdict, outcome) : [];
      if (!mark && back.length === 0) continue;
      seen.add(outcome.ruleId);
      if (mark) lines.push(`${mark} ${outcome.benefits.map(nameOf).join(', ')} — ${cited(outcome, lang)}`);
      else
        lines.push(
          lang === 'fr'
            ? `✅ ${back.map(nameOf).join(', ')} : de nouveau à votre portée — ${cited(outcome, lang)}`
            : `✅ ${back.map(nameOf).join(', ')}: within reach again — ${cited(outcome, lang)}`,
        );
    }
  }
  if (lines.length === 0) return undefined;
  // Within reach, not "obtained": eligible is never selected.
  const open = andList(
    verdict.benefits.filter((b) => b.eligible !== false).map((b) => b.benefit.name[lang]),
    lang,
  );
  lines.push(
    open !== ''
      ? lang === 'fr'
        ? `Restent à votre portée : ${open}. Poursuivons.`
        : `Still within reach: ${open}. Let’s continue.`
      : lang === 'fr'
        ? 'Avec cette réponse, aucun avantage de cet appel n’est accessible ; vous pouvez la modifier à tout moment. Poursuivons.'
        : 'With this answer, no benefit of this call is within reach; you can change it at any time. Let’s continue.',
  );
  return lines.join('\n');
}

/**
 * The benefits a rule now met brings back: the rule failed before the change, and its benefits that were out of
 * reach then are not now (another rule may still keep one out).
 */
function backWithin(earlier: Verdict, verdict: Verdict, outcome: RuleOutcome): string[] {
  const failedBefore = earlier.benefits.some((b) =>
    b.outcomes.some((o) => o.ruleId === outcome.ruleId && o.status === 'failed'),
  );
  if (!failedBefore) return [];
  const eligible = (v: Verdict, id: string) => v.benefits.find((b) => b.benefit.id === id)?.eligible;
  return outcome.benefits.filter((id) => eligible(earlier, id) === false && eligible(verdict, id) !== false);
}
