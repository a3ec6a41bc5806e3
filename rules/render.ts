/** Verdicts, a call's rules and a call's status as Markdown, in French or English, every statement cited. */
import type { Lang, Localized } from '../src/core/i18n.ts';
import { formatDay } from './calendar.ts';
import { formatCitation, resolveCitation } from './citation.ts';
import { type CallStatus, keyDates } from './dates.ts';
import {
  type BenefitState,
  cited,
  pastEditionNotice,
  type RuleOutcome,
  selectionText,
  type Verdict,
} from './evaluate.ts';
import type { CallDefinition } from './schema.ts';
import { figureParams, localize } from './values.ts';

const MARK: Record<RuleOutcome['status'], string> = {
  met: '✅',
  failed: '❌',
  unknown: '❓',
  to_confirm: '❔',
  warning: '⚠️',
};

const STATE: Record<BenefitState, Localized> = {
  eligible: { fr: '✅ éligible', en: '✅ eligible' },
  not_eligible: { fr: '❌ non éligible', en: '❌ not eligible' },
  unknown: {
    fr: '❓ pas encore possible à dire (réponses manquantes)',
    en: '❓ cannot tell yet (answers missing)',
  },
  to_confirm: {
    fr: '❔ à confirmer (la source ne prévoit pas ce cas)',
    en: '❔ to be confirmed (the source does not provide for this case)',
  },
};

/**
 * The verdict per benefit: what failed, what is still needed or to confirm, warnings, what is met; then, once for
 * the whole verdict, who selects among eligible applications (benefits sharing a selection share its paragraph).
 * Neither the call's name nor its contacts: the summary and the dossier that show it name the call in their
 * heading and the contacts in their next steps.
 */
export function renderVerdict(verdict: Verdict, lang: Lang): string {
  const lines: string[] = [];
  for (const notice of verdict.notices)
    lines.push(
      `_${notice.text[lang]}${notice.citation ? ` (${formatCitation(notice.citation, lang)})` : ''}_`,
    );
  const selections = new Set<string>();
  for (const b of verdict.benefits) {
    // A closed call: said, and the rest still given, so the organiser can prepare the next round.
    const ifOpen = b.ifOpen
      ? lang === 'fr'
        ? ` (appel clos) — sinon : ${STATE[b.ifOpen].fr}`
        : ` (the call is closed) — otherwise: ${STATE[b.ifOpen].en}`
      : '';
    lines.push('', `**${b.benefit.name[lang]}**${colon(lang)} ${STATE[b.state][lang]}${ifOpen}`);
    // Every line says why, with its source: what stands in the way first, then what is met.
    for (const o of [
      ...b.outcomes.filter((o) => o.status !== 'met'),
      ...b.outcomes.filter((o) => o.status === 'met'),
    ])
      lines.push(`• ${MARK[o.status]} ${cited(o, lang)}`);
    if (b.state === 'eligible' || b.state === 'to_confirm') {
      const next = selectionText(verdict.call, b.benefit, lang);
      if (next) selections.add(next);
    }
  }
  if (selections.size > 0) lines.push('', ...[...selections].map((s) => `→ ${s}`));
  // The notices open it; without any, the first benefit does (no blank line first).
  return lines.join('\n').replace(/^\n/, '');
}

/** A call's rules in plain words, per benefit, with their sources, its key days and contacts (`eligibility <id>`). */
export function renderCallRules(call: CallDefinition, status: CallStatus, lang: Lang): string {
  const fr = lang === 'fr';
  const figures = figureParams(call);
  const lines = [`**${call.name[lang]}** — ${call.organiser}, ${renderStatus(call, status, lang)}`];
  if (status.pastEdition) lines.push(`_${pastEditionNotice(call, status.state === 'closed')[lang]}_`);
  for (const benefit of call.benefits) {
    lines.push('', `**${localize(benefit.name, figures)[lang]}**`);
    for (const rule of call.rules.filter((r) => r.benefits.includes(benefit.id))) {
      const kind = {
        exclude: '',
        warn: fr ? ' _(avertissement, pas une exclusion)_' : ' _(a warning, not an exclusion)_',
        not_foreseen: fr
          ? ' _(cas non prévu par la source : à confirmer, pas une exclusion)_'
          : ' _(a case the source does not provide for: to be confirmed, not an exclusion)_',
      }[rule.effect];
      lines.push(
        `• ${localize(rule.message, figures)[lang]}${kind} (${formatCitation(resolveCitation(call, rule.citation), lang)})`,
      );
    }
    for (const need of benefit.requires) {
      const required = call.benefits.find((b) => b.id === need.benefit);
      const name = required ? localize(required.name, figures)[lang] : need.benefit;
      lines.push(
        `• ${fr ? `Réservé à qui obtient « ${name} »` : `Only for those who get “${name}”`} (${formatCitation(resolveCitation(call, need.citation), lang)})`,
      );
    }
    const next = selectionText(call, benefit, lang);
    if (next) lines.push(`→ ${next}`);
  }
  const days = keyDates(call, {}, 'UTC');
  if (days.length > 0) {
    lines.push('', '**Dates**');
    for (const d of days)
      lines.push(`• ${formatDay(d.date, lang)} — ${d.label[lang]} (${formatCitation(d.citation, lang)})`);
  }
  for (const note of call.notes)
    lines.push(
      '',
      `_${localize(note.text, figures)[lang]} (${formatCitation(resolveCitation(call, note.citation), lang)})_`,
    );
  lines.push(...contactLines(call, lang));
  return lines.join('\n');
}

/** "open", "closed since 13 March 2024", "opens on …", plus "2023 edition" when the rules are a past year's. */
export function renderStatus(call: CallDefinition, status: CallStatus, lang: Lang): string {
  const fr = lang === 'fr';
  const day = status.day === undefined ? '' : formatDay(status.day, lang);
  const state = {
    open: fr ? 'ouvert' : 'open',
    closed: fr ? `clos depuis le ${day}` : `closed since ${day}`,
    upcoming: fr ? `ouvre le ${day}` : `opens on ${day}`,
  }[status.state];
  if (!status.pastEdition) return state;
  return fr
    ? `${state} — édition ${call.edition}, les règles d’une année passée`
    : `${state} — ${call.edition} edition, a past year’s rules`;
}

function contactLines(call: CallDefinition, lang: Lang): string[] {
  const fr = lang === 'fr';
  if (call.contacts.length === 0)
    return ['', fr ? '_La source ne donne aucun contact._' : '_The source gives no contact._'];
  return [
    '',
    '**Contact**',
    ...call.contacts.map((c) => {
      const how = [c.email, c.phone].filter(Boolean).join(', ');
      return `• ${c.name}${c.role ? ` (${c.role[lang]})` : ''}${how ? `${colon(lang)} ${how}` : ''}`;
    }),
  ];
}

/** French puts a (non-breaking) space before a colon; English does not. */
function colon(lang: Lang): string {
  return lang === 'fr' ? ' :' : ':';
}
