/**
 * The engine: runs every rule of a call on an application's answers and gives a verdict per benefit.
 * One unmet excluding rule makes a benefit "not eligible" whatever is still unknown; a missing answer only
 * makes it "unknown"; a case the source does not foresee makes it "to be confirmed"; "eligible" means the
 * published requirements are met, never that it is funded. A benefit that requires another is never better
 * off than the one it requires.
 */
import type { Lang, Localized } from '../src/core/i18n.ts';
import { listOf } from '../src/core/lists.ts';
import { type Day, dayIn, yearOf } from './calendar.ts';
import { type Citation, formatCitation, resolveCitation } from './citation.ts';
import { windowOn } from './dates.ts';
import { type Check, checkRule } from './operators.ts';
import type { BenefitDefinition, CallDefinition, CitationDefinition } from './schema.ts';
import { type Answers, figureParams, localize, type Param, type RuleContext, slotOf } from './values.ts';

/** Ids of the checks the engine adds from the call's window, for every benefit. */
export const CALL_CLOSED = 'call_closed';
export const CALL_NOT_OPEN_YET = 'call_not_open_yet';

/** How one rule came out for one application; `to_confirm`: unmet, but the source does not foresee the case. */
export interface RuleOutcome {
  ruleId: string;
  benefits: string[];
  status: 'met' | 'failed' | 'unknown' | 'to_confirm' | 'warning';
  /** The requirement, followed by what is wrong or still needed. */
  text: Localized;
  citation: Citation;
  /** Slots whose answers the rule still needs. */
  missing: string[];
}

/** Where a benefit stands, from worst to best: the order `requires` takes the lesser of. */
export const BENEFIT_STATES = ['not_eligible', 'unknown', 'to_confirm', 'eligible'] as const;
export type BenefitState = (typeof BENEFIT_STATES)[number];

/** The verdict for one benefit: `eligible` is null while it is unknown or to be confirmed. */
export interface BenefitVerdict {
  benefit: BenefitDefinition;
  state: BenefitState;
  eligible: boolean | null;
  outcomes: RuleOutcome[];
  /** For a closed call: where the benefit would stand were the call open (to prepare the next round). */
  ifOpen?: BenefitState;
}

/** Ids of the outcomes `requires` adds: `requires:<benefit id>`. */
export const REQUIRES_PREFIX = 'requires:';

export interface Verdict {
  call: CallDefinition;
  today: Day;
  benefits: BenefitVerdict[];
  /** Things to know about the whole call (past edition, no form linked…). */
  notices: Array<{ text: Localized; citation?: Citation }>;
}

/** Evaluates answers against a call on a given day (the injected clock's), in the person's time zone. */
export function evaluate(call: CallDefinition, answers: Answers, today: Date, timezone: string): Verdict {
  const verdict = evaluateOn(call, answers, today, timezone, true);
  if (!verdict.benefits.some((b) => b.outcomes.some((o) => o.ruleId === CALL_CLOSED))) return verdict;
  // Closed: every benefit fails on that alone, so the other criteria are worked out as if it were open.
  const open = evaluateOn(call, answers, today, timezone, false);
  const benefits = verdict.benefits.map((b, i) => ({ ...b, ifOpen: open.benefits[i]?.state }));
  return { ...verdict, benefits };
}

function evaluateOn(
  call: CallDefinition,
  answers: Answers,
  today: Date,
  timezone: string,
  withWindow: boolean,
): Verdict {
  const ctx: RuleContext = { call, answers, today: dayIn(today, timezone), timezone };
  const outcomes = [
    ...(withWindow ? windowOutcomes(ctx) : []),
    ...call.rules.map((rule) => toOutcome(ctx, rule, checkRule(rule, ctx))),
  ];
  const figures = figureParams(call);
  const done = new Map<string, BenefitVerdict>();
  // The schema refuses circles of `requires`, so this terminates; each benefit is worked out once.
  const verdictOf = (benefit: BenefitDefinition): BenefitVerdict => {
    const known = done.get(benefit.id);
    if (known) return known;
    const own = outcomes.filter((o) => o.benefits.includes(benefit.id));
    for (const need of benefit.requires) {
      const required = call.benefits.find((b) => b.id === need.benefit);
      if (required) own.push(requiresOutcome(ctx, benefit, verdictOf(required), need.citation));
    }
    const state = stateOf(own);
    // Names may quote figures too ("possible €{allowance_eur} allowance").
    const verdict: BenefitVerdict = {
      benefit: { ...benefit, name: localize(benefit.name, figures) },
      state,
      eligible: state === 'eligible' ? true : state === 'not_eligible' ? false : null,
      outcomes: own,
    };
    done.set(benefit.id, verdict);
    return verdict;
  };
  const benefits = call.benefits.map(verdictOf);
  return { call, today: ctx.today, benefits, notices: notices(ctx) };
}

/** The worst of a benefit's outcomes: a failure, then a missing answer, then a case to confirm. */
function stateOf(outcomes: RuleOutcome[]): BenefitState {
  if (outcomes.some((o) => o.status === 'failed')) return 'not_eligible';
  if (outcomes.some((o) => o.status === 'unknown')) return 'unknown';
  if (outcomes.some((o) => o.status === 'to_confirm')) return 'to_confirm';
  return 'eligible';
}

/** What a benefit that requires another says of it; not settled yet, what would settle it (`{slots}`). */
const REQUIRES_TEXT: Record<BenefitState, Localized> = {
  eligible: {
    fr: 'Réservé à qui obtient « {name} », que vous obtenez.',
    en: 'Only for those who get “{name}”, which you do.',
  },
  not_eligible: {
    fr: 'Réservé à qui obtient « {name} », non éligible ici.',
    en: 'Only for those who get “{name}”, which is not eligible here.',
  },
  unknown: {
    fr: 'Réservé à qui obtient « {name} », encore impossible à dire — réponse encore attendue : {slots}.',
    en: 'Only for those who get “{name}”, which cannot be told yet — still needed: {slots}.',
  },
  to_confirm: {
    fr: 'Réservé à qui obtient « {name} », encore à confirmer : ce qui confirmera « {name} » réglera aussi ce point.',
    en: 'Only for those who get “{name}”, which is still to be confirmed: what confirms “{name}” settles this too.',
  },
};

/** How a required benefit's verdict weighs on the one that requires it (met when it is eligible). */
function requiresOutcome(
  ctx: RuleContext,
  benefit: BenefitDefinition,
  required: BenefitVerdict,
  citation: CitationDefinition,
): RuleOutcome {
  const status = (
    { eligible: 'met', not_eligible: 'failed', unknown: 'unknown', to_confirm: 'to_confirm' } as const
  )[required.state];
  // The answers the required benefit waits for are this one's too.
  const missing = [...new Set(required.outcomes.flatMap((o) => o.missing))];
  const labels = missing.map((id) => slotOf(ctx.call, id)?.label ?? { fr: id, en: id });
  const text = localize(REQUIRES_TEXT[required.state], {
    name: { kind: 'localized', value: required.benefit.name },
    slots: { kind: 'localized', value: joinLabels(labels) },
  });
  return {
    ruleId: `${REQUIRES_PREFIX}${required.benefit.id}`,
    benefits: [benefit.id],
    status,
    text,
    citation: resolveCitation(ctx.call, citation),
    missing,
  };
}

/**
 * The verdict as plain data for scripts: per benefit, its state, reasons, warnings, the ids of the rules failed,
 * unknown or to confirm, and where each rule that is not met comes from (with the source's file id, for tools).
 */
export function verdictData(verdict: Verdict, lang: Lang): Record<string, VerdictEntry> {
  const ids = (b: BenefitVerdict, status: RuleOutcome['status']) =>
    b.outcomes.filter((o) => o.status === status).map((o) => o.ruleId);
  return Object.fromEntries(
    verdict.benefits.map((b) => [
      b.benefit.id,
      {
        eligible: b.eligible,
        state: b.state,
        reasons: reasons(verdict.call, b, lang),
        warnings: b.outcomes.filter((o) => o.status === 'warning').map((o) => cited(o, lang)),
        failed: ids(b, 'failed'),
        unknown: ids(b, 'unknown'),
        toConfirm: ids(b, 'to_confirm'),
        sources: b.outcomes.filter((o) => o.status !== 'met').map((o) => ({ rule: o.ruleId, ...o.citation })),
        ...(b.ifOpen ? { ifOpen: b.ifOpen } : {}),
      },
    ]),
  );
}

export interface VerdictEntry {
  eligible: boolean | null;
  state: BenefitState;
  reasons: string[];
  warnings: string[];
  failed: string[];
  unknown: string[];
  toConfirm: string[];
  sources: Array<{ rule: string } & Citation>;
  /** A closed call's benefit: its state were the call open. */
  ifOpen?: BenefitState;
}

/** An outcome's text followed by its citation. */
export function cited(outcome: RuleOutcome, lang: Lang): string {
  return `${outcome.text[lang]} (${formatCitation(outcome.citation, lang)})`;
}

/**
 * "Eligible" is never "funded": who selects next and on which published criteria (or what follows, if nobody
 * does), with where the source says it.
 */
export function selectionText(call: CallDefinition, benefit: BenefitDefinition, lang: Lang): string {
  const { selection, next } = benefit;
  const source = (citation: CitationDefinition | undefined) =>
    citation ? ` (${formatCitation(resolveCitation(call, citation), lang)})` : '';
  if (!selection) return next ? `${next[lang]}${source(next.citation)}` : '';
  const by = selection.by[lang];
  // Cited after the sentence, as every verdict line is.
  const cite = source(selection.citation);
  if (selection.criteria.length === 0)
    return lang === 'fr'
      ? `Éligible ne veut pas dire retenu : ${by} sélectionne ensuite les dossiers ; la source ne publie pas ses critères.${cite}`
      : `Eligible does not mean selected: ${by} then selects the applications; the source does not publish its criteria.${cite}`;
  const criteria = listOf(
    selection.criteria.map((c) => c[lang]),
    lang,
  );
  return lang === 'fr'
    ? `Éligible ne veut pas dire retenu : ${by} sélectionne ensuite sur ces critères publiés : ${criteria}.${cite}`
    : `Eligible does not mean selected: ${by} then selects on these published criteria: ${criteria}.${cite}`;
}

function reasons(call: CallDefinition, b: BenefitVerdict, lang: Lang): string[] {
  if (b.eligible === true) {
    const met =
      lang === 'fr'
        ? `Toutes les conditions publiées pour « ${b.benefit.name.fr} » sont remplies.`
        : `Every published requirement for “${b.benefit.name.en}” is met.`;
    return [met, selectionText(call, b.benefit, lang)].filter(Boolean);
  }
  const order = { failed: 0, unknown: 1, to_confirm: 2 } as const;
  return b.outcomes
    .filter(
      (o): o is RuleOutcome & { status: 'failed' | 'unknown' | 'to_confirm' } =>
        o.status === 'failed' || o.status === 'unknown' || o.status === 'to_confirm',
    )
    .sort((x, y) => order[x.status] - order[y.status])
    .map((o) => cited(o, lang));
}

const STILL_NEEDED: Localized = { fr: 'réponse encore attendue : {slots}', en: 'still needed: {slots}' };

function toOutcome(ctx: RuleContext, rule: CallDefinition['rules'][number], check: Check): RuleOutcome {
  const base = figureParams(ctx.call);
  const requirement = localize(rule.message, base);
  const unmet = { exclude: 'failed', not_foreseen: 'to_confirm', warn: 'warning' } as const;
  const status = check.status === 'met' ? 'met' : check.status === 'unknown' ? 'unknown' : unmet[rule.effect];
  let text = requirement;
  if (check.status === 'unmet')
    text = join(requirement, localize(check.detail, { ...base, ...check.params }));
  if (check.status === 'unmet' && rule.not_foreseen)
    text = toConfirm(
      ctx.call,
      text,
      localize(rule.not_foreseen.source_says, base),
      localize(rule.not_foreseen.certain_if, base),
    );
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

/** A case the source does not foresee: what it says, what would settle it, and whom to ask. */
function toConfirm(call: CallDefinition, text: Localized, says: Localized, certainIf: Localized): Localized {
  const contact = call.contacts[0];
  const who = contact ? [contact.name, contact.email].filter(Boolean).join(', ') : undefined;
  const ask: Localized = who
    ? {
        fr: `vérifiez-le auprès du contact de l’appel (${who})`,
        en: `check it with the call’s contact (${who})`,
      }
    : {
        fr: `vérifiez-le auprès de l’organisateur, ${call.organiser} (la source ne donne pas de contact)`,
        en: `check it with the organiser, ${call.organiser} (the source gives no contact)`,
      };
  const line = (lang: Lang) =>
    lang === 'fr'
      ? `À confirmer : ${text.fr.replace(/\.$/, '')}. Ce que dit la source : ${says.fr.replace(/\.$/, '')} ; ${ask.fr} ; ce qui le rendrait certain : ${certainIf.fr.replace(/\.$/, '')}.`
      : `To be confirmed: ${text.en.replace(/\.$/, '')}. What the source says: ${says.en.replace(/\.$/, '')}; ${ask.en}; what would make it certain: ${certainIf.en.replace(/\.$/, '')}.`;
  return { fr: line('fr'), en: line('en') };
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
  const closed = windowOn(call, ctx.answers, ctx.today).state === 'closed';
  if (call.edition < yearOf(ctx.today)) list.push({ text: pastEditionNotice(call, closed) });
  const figures = figureParams(call);
  for (const note of call.notes)
    list.push({ text: localize(note.text, figures), citation: resolveCitation(call, note.citation) });
  return list;
}

/**
 * Said whenever a call's rules come from an earlier year's edition. An open call's says to check them before
 * applying, with the contact the source gives, else with its organiser; a closed call's never speaks of applying
 * (its summary says to keep the file for a next edition, and whom to ask whether one is planned).
 */
export function pastEditionNotice(call: CallDefinition, closed: boolean): Localized {
  const from = {
    fr: `Ces règles viennent de l’édition ${call.edition} de l’appel (${call.source.title})`,
    en: `These rules come from the ${call.edition} edition of the call (${call.source.title})`,
  };
  if (closed)
    return {
      fr: `${from.fr} : une prochaine édition pourra en avoir d’autres.`,
      en: `${from.en}: a next edition may have others.`,
    };
  const check =
    call.contacts.length > 0
      ? { fr: 'Vérifiez-les auprès du contact indiqué', en: 'Check them with the contact given' }
      : {
          fr: `Vérifiez-les auprès de l’organisateur, ${call.organiser} (la source ne donne pas de contact),`,
          en: `Check them with the organiser, ${call.organiser} (the source gives no contact),`,
        };
  return {
    fr: `${from.fr} : ${call.organiser} a pu les modifier depuis. ${check.fr} avant de déposer un dossier.`,
    en: `${from.en}: ${call.organiser} may have changed them since. ${check.en} before applying.`,
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
