/** Live eligibility: right after an answer, what it breaks (or puts at risk), and what remains possible. */

import { cited, evaluate, type RuleOutcome, rulesTouching } from '../rules/index.ts';
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
 * slots it reads), and the benefits still within reach; undefined when the answers break nothing (the dialog then
 * simply goes on).
 */
export function liveEligibility(
  call: CallDefinition,
  answers: Answers,
  slots: readonly string[],
  now: Date,
  timezone: string,
  lang: Lang,
): string | undefined {
  const touched = new Set(slots.flatMap((slot) => rulesTouching(call, slot)));
  if (touched.size === 0) return undefined;
  const verdict = evaluate(call, answers, now, timezone);
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const benefit of verdict.benefits) {
    for (const outcome of benefit.outcomes) {
      if (!touched.has(outcome.ruleId) || seen.has(outcome.ruleId)) continue;
      const mark = LIVE_MARK[outcome.status];
      if (!mark) continue;
      seen.add(outcome.ruleId);
      const names = outcome.benefits
        .map((id) => verdict.benefits.find((b) => b.benefit.id === id)?.benefit.name[lang] ?? id)
        .join(', ');
      lines.push(`${mark} ${names} — ${cited(outcome, lang)}`);
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
