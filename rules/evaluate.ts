/**
 * The engine: runs every rule of a call on an application's answers and gives a verdict per benefit.
 * One unmet excluding rule makes a benefit "not eligible" whatever is still unknown; a missing answer only
 * makes it "unknown"; "eligible" means the published requirements are met, never that it is funded.
 */
import type { Lang, Localized } from '../src/core/i18n.ts';
import { type Day, dayIn, yearOf } from './calendar.ts';
import { type Citation, formatCitation, resolveCitation } from './citation.ts';
import { windowOn } from './dates.ts';
import { type Check, checkRule } from './operators.ts';
import type { BenefitDefinition, CallDefinition } from './schema.ts';
import { type Answers, figureParams, localize, type Param, type RuleContext, slotOf } from './values.ts';

/** Ids of the checks the engine adds from the call's window, for every benefit. */
export const CALL_CLOSED = 'call_closed';
export const CALL_NOT_OPEN_YET = 'call_not_open_yet';

/** How one rule came out for one application. */
export interface RuleOutcome {
  ruleId: string;
  benefits: string[];
  status: 'met' | 'failed' | 'unknown' | 'warning';
  /** The requirement, followed by what is wrong or still needed. */
  text: Localized;
  citation: Citation;
  /** Slots whose answers the rule still needs. */
  missing: string[];
}

/** The verdict for one benefit: `eligible` is null while an answer is missing and nothing has failed. */
export interface BenefitVerdict {
  benefit: BenefitDefinition;
  eligible: boolean | null;
  outcomes: RuleOutcome[];
}

export interface Verdict {
  call: CallDefinition;
  today: Day;
  benefits: BenefitVerdict[];
  /** Things to know about the whole call (past edition, no form linked…). */
  notices: Array<{ text: Localized; citation?: Citation }>;
}

/** Evaluates answers against a call on a given day (the injected clock's), in the person's time zone. */
export function evaluate(call: CallDefinition, answers: Answers, today: Date, timezone: string): Verdict {
  const ctx: RuleContext = { call, answers, today: dayIn(today, timezone), timezone };
  const outcomes = [
    ...windowOutcomes(ctx),
    ...call.rules.map((rule) => toOutcome(ctx, rule, checkRule(rule, ctx))),
  ];
  const figures = figureParams(call);
  const benefits = call.benefits.map((benefit): BenefitVerdict => {
    const own = outcomes.filter((o) => o.benefits.includes(benefit.id));
    const eligible = own.some((o) => o.status === 'failed')
      ? false
      : own.some((o) => o.status === 'unknown')
        ? null
        : true;
    // Names may quote figures too ("possible €{allowance_eur} allowance").
    return { benefit: { ...benefit, name: localize(benefit.name, figures) }, eligible, outcomes: own };
  });
  return { call, today: ctx.today, benefits, notices: notices(ctx) };
}

/** The verdict as plain data for scripts: per benefit, eligible, reasons, warnings, failed and unknown rule ids. */
export function verdictData(verdict: Verdict, lang: Lang): Record<string, VerdictEntry> {
  return Object.fromEntries(
    verdict.benefits.map((b) => [
      b.benefit.id,
      {
        eligible: b.eligible,
        reasons: reasons(b, lang),
        warnings: b.outcomes.filter((o) => o.status === 'warning').map((o) => cited(o, lang)),
        failed: b.outcomes.filter((o) => o.status === 'failed').map((o) => o.ruleId),
        unknown: b.outcomes.filter((o) => o.status === 'unknown').map((o) => o.ruleId),
      },
    ]),
  );
}

export interface VerdictEntry {
  eligible: boolean | null;
  reasons: string[];
  warnings: string[];
  failed: string[];
  unknown: string[];
}

/** An outcome's text followed by its citation. */
export function cited(outcome: RuleOutcome, lang: Lang): string {
  return `${outcome.text[lang]} (${formatCitation(outcome.citation, lang)})`;
}

/** "Eligible" is never "funded": who selects next and on which published criteria (or what follows, if nobody does). */
export function selectionText(benefit: BenefitDefinition, lang: Lang): string {
  const { selection } = benefit;
  if (!selection) return benefit.next?.[lang] ?? '';
  const by = selection.by[lang];
  if (selection.criteria.length === 0)
    return lang === 'fr'
      ? `Éligible ne veut pas dire retenu : ${by} sélectionne ensuite les dossiers ; la source ne publie pas ses critères.`
      : `Eligible does not mean selected: ${by} then selects the applications; the source does not publish its criteria.`;
  const criteria = selection.criteria.map((c) => c[lang]).join(' ; ');
  return lang === 'fr'
    ? `Éligible ne veut pas dire retenu : ${by} sélectionne ensuite sur ces critères publiés : ${criteria}.`
    : `Eligible does not mean selected: ${by} then selects on these published criteria: ${criteria}.`;
}

function reasons(b: BenefitVerdict, lang: Lang): string[] {
  if (b.eligible === true) {
    const met =
      lang === 'fr'
        ? `Toutes les conditions publiées pour « ${b.benefit.name.fr} » sont remplies.`
        : `Every published requirement for “${b.benefit.name.en}” is met.`;
    return [met, selectionText(b.benefit, lang)].filter(Boolean);
  }
  const order = { failed: 0, unknown: 1 } as const;
  return b.outcomes
    .filter(
      (o): o is RuleOutcome & { status: 'failed' | 'unknown' } =>
        o.status === 'failed' || o.status === 'unknown',
    )
    .sort((x, y) => order[x.status] - order[y.status])
    .map((o) => cited(o, lang));
}

const STILL_NEEDED: Localized = { fr: 'réponse encore attendue : {slots}', en: 'still needed: {slots}' };

function toOutcome(ctx: RuleContext, rule: CallDefinition['rules'][number], check: Check): RuleOutcome {
  const base = figureParams(ctx.call);
  const requirement = localize(rule.message, base);
  const status =
    check.status === 'met'
      ? 'met'
      : check.status === 'unknown'
        ? 'unknown'
        : rule.effect === 'warn'
          ? 'warning'
          : 'failed';
  let text = requirement;
  if (check.status === 'unmet')
    text = join(requirement, localize(check.detail, { ...base, ...check.params }));
  if (check.status === 'unknown') {
    const labels = check.missing.map((id) => slotOf(ctx.call, id)?.label ?? { fr: id, en: id });
    text = join(
      requirement,
      localize(STILL_NEEDED, { slots: { kind: 'localized', value: joinLabels(labels) } }),
    );
  }
  return {
    ruleId: rule.id,
    benefits: rule.benefits,
    status,
    text,
    citation: resolveCitation(ctx.call, rule.citation),
    missing: check.status === 'unknown' ? check.missing : [],
  };
}

/** A closed call fails every benefit ("closed since …"); one not open yet only warns. */
function windowOutcomes(ctx: RuleContext): RuleOutcome[] {
  const { call } = ctx;
  const window = windowOn(call, ctx.answers, ctx.today);
  if (!call.window || window.day === undefined) return [];
  const all = call.benefits.map((b) => b.id);
  const citation = resolveCitation(call, call.window.citation);
  const day: Record<string, Param> = { day: { kind: 'day', value: window.day } };
  if (window.state === 'closed') {
    const text = localize(
      { fr: 'Cet appel est clos depuis le {day}.', en: 'This call has been closed since {day}.' },
      day,
    );
    return [{ ruleId: CALL_CLOSED, benefits: all, status: 'failed', text, citation, missing: [] }];
  }
  const text = localize(
    {
      fr: 'Cet appel n’ouvre que le {day} : candidatez à partir de ce jour.',
      en: 'This call only opens on {day}: apply from that day.',
    },
    day,
  );
  return [{ ruleId: CALL_NOT_OPEN_YET, benefits: all, status: 'warning', text, citation, missing: [] }];
}

function notices(ctx: RuleContext): Verdict['notices'] {
  const { call } = ctx;
  const list: Verdict['notices'] = [];
  if (call.edition < yearOf(ctx.today)) list.push({ text: pastEditionNotice(call) });
  const figures = figureParams(call);
  for (const note of call.notes)
    list.push({ text: localize(note.text, figures), citation: resolveCitation(call, note.citation) });
  return list;
}

/** Said whenever a call's rules come from an earlier year's edition. */
export function pastEditionNotice(call: CallDefinition): Localized {
  return {
    fr: `Ces règles viennent de l’édition ${call.edition} de l’appel (${call.source.title}) : ${call.organiser} a pu les modifier depuis. Vérifiez auprès du contact indiqué avant de déposer un dossier.`,
    en: `These rules come from the ${call.edition} edition of the call (${call.source.title}): ${call.organiser} may have changed them since. Check with the contact given before applying.`,
  };
}

/** "Requirement — what is wrong." as one sentence. */
function join(first: Localized, second: Localized): Localized {
  const both = (a: string, b: string) => `${a.replace(/\.$/, '')} — ${b}.`;
  return { fr: both(first.fr, second.fr), en: both(first.en, second.en) };
}

function joinLabels(labels: Localized[]): Localized {
  return { fr: labels.map((l) => l.fr).join(', '), en: labels.map((l) => l.en).join(', ') };
}
