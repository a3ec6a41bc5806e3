/** The offer to leave a step for later (« je ne sais pas encore », "next"): it stays missing in the summary. */

import type { Localized } from '../src/core/i18n.ts';
import type { Turn } from '../src/core/turn.ts';
import type { Application } from './application.ts';
import type { DialogContext } from './context.ts';
import type { Step } from './steps.ts';

/** The confirmation asked on « je ne sais pas encore »: leave the step for later? */
export const SKIP_OFFER_ACTION = 'dialog-skip-offer';

/**
 * « je ne sais pas encore »: offers to leave the step for later (it stays missing in the summary). The French
 * speaks of « cette étape », not of the label, whose gender and number vary (« les partenaires »).
 */
export function offerSkip(ctx: DialogContext, turn: Turn, application: Application, step: Step): void {
  const question: Localized = step.optional
    ? {
        fr: 'Pas de souci. On passe cette étape (« {label} ») pour l’instant ? Elle restera à compléter (« modifier {label} » pour y revenir). (oui / non)',
        en: 'No problem. Shall we skip “{label}” for now? It stays to be given (“edit {label}” to come back to it). (yes / no)',
      }
    : {
        fr: 'Pas de souci. Cette étape (« {label} ») est nécessaire au dossier : on la laisse pour plus tard ? Elle restera à compléter dans le récapitulatif (« modifier {label} » pour y revenir). (oui / non)',
        en: 'No problem. “{label}” is needed for the application: shall we leave it for later? It stays missing in the summary (“edit {label}” to come back to it). (yes / no)',
      };
  ctx.deps.confirmations.ask(turn, SKIP_OFFER_ACTION, turn.t(question, { label: step.label[turn.lang] }), {
    id: application.id,
    slot: step.slot,
  });
}
