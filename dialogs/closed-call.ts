/**
 * A closed call is said first: before the first step, since when it is closed (by its source) and what its past
 * edition did, then the choice to prepare a file anyway for a next edition, or to stop there.
 */
import { applicationDates, pastEditionLine } from '../rules/application-dates.ts';
import { formatDay } from '../rules/calendar.ts';
import { formatCitation, resolveCitation } from '../rules/citation.ts';
import type { CallStatus } from '../rules/index.ts';
import type { CallDefinition } from '../rules/schema.ts';
import { type Lang, t } from '../src/core/i18n.ts';
import type { Turn } from '../src/core/turn.ts';
import { yesNoIn } from '../src/understanding/yes-no.ts';
import type { DialogContext } from './context.ts';
import type { DialogDefinition } from './definition.ts';

/** The confirmation that starts a closed call's application anyway. */
export const CLOSED_CALL_ACTION = 'dialog-closed-call';

/**
 * Registers what "yes, prepare it anyway" does: start the dialog at once, with the facts of its opening message
 * and of the yes typed (« ok. we're “Les Connecteurs”, an association »: a button's click says nothing more).
 */
export function registerClosedCall(
  ctx: DialogContext,
  start: (turn: Turn, dialog: DialogDefinition, opening?: string) => Promise<void>,
): void {
  ctx.deps.confirmations.register(CLOSED_CALL_ACTION, {
    yes: (turn, data) => {
      // What follows the yes (« ok. » then the facts), a sentence of its own after the opening's.
      const more = turn.message.choiceId === undefined ? (yesNoIn(turn.message.text)?.rest ?? '') : '';
      const said = [data.opening, more].filter(
        (text): text is string => typeof text === 'string' && text !== '',
      );
      return start(turn, ctx.dialog(String(data.callId)), said.length > 0 ? said.join('.\n') : undefined);
    },
    declined: {
      fr: 'D’accord, je m’arrête là. « appels » montre les appels et leur état.',
      en: 'All right, I stop here. “calls” shows the calls and their status.',
    },
  });
}

/** The question asked before a closed call's first step. */
export function closedCallQuestion(
  call: CallDefinition,
  status: CallStatus,
  now: Date,
  timezone: string,
  lang: Lang,
): string {
  const source = call.window ? ` (${formatCitation(resolveCitation(call, call.window.citation), lang)})` : '';
  const earlier = pastEditionLine(call, applicationDates(call, {}, now, timezone).pastEdition, lang);
  return [
    t(
      lang,
      {
        fr: '⚠️ « {name} » est clos depuis le {day}{source}.',
        en: '⚠️ “{name}” has been closed since {day}{source}.',
      },
      { name: call.name[lang], day: formatDay(status.day ?? '', lang), source },
    ),
    ...(earlier ? [earlier] : []),
    t(lang, {
      fr: 'Je peux quand même préparer avec vous un dossier pour une prochaine édition (ses règles et ses dates pourront changer), ou nous arrêter là. Le préparer quand même ? (oui / non)',
      en: 'I can still prepare a file with you for a next edition (its rules and dates may change), or we can stop here. Prepare it anyway? (yes / no)',
    }),
  ].join('\n');
}
