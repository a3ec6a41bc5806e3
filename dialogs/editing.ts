/** The edit and removal flow: change an answer (even after the summary), stop an edit, abandon or delete. */

import type { Turn } from '../src/core/turn.ts';
import type { Application } from './application.ts';
import type { DialogContext } from './context.ts';
import { applyCorrections, namedChanges } from './corrections.ts';
import { ask } from './progress.ts';

/** Confirmation actions of the removal flow. */
export const CANCEL_ACTION = 'dialog-cancel';
export const DELETE_ACTION = 'dialog-delete';

/** Registers what a "yes" to abandoning or deleting an application does. */
export function registerRemovals(ctx: DialogContext): void {
  ctx.deps.confirmations.register(CANCEL_ACTION, {
    yes: (turn, data) => remove(ctx, turn, String(data.id), 'cancel'),
    declined: {
      fr: 'D’accord, rien n’est supprimé. Écrivez « état » pour voir où vous en êtes.',
      en: 'All right, nothing is deleted. Type “status” to see where you are.',
    },
  });
  ctx.deps.confirmations.register(DELETE_ACTION, {
    yes: (turn, data) => remove(ctx, turn, String(data.id), 'delete'),
    declined: { fr: 'D’accord, je la garde.', en: 'All right, I keep it.' },
  });
}

/** Asks a slot again (from a step, the summary or a completed application); the answer re-evaluates all. */
export async function edit(
  ctx: DialogContext,
  turn: Turn,
  application: Application,
  typed: string,
): Promise<void> {
  // « modifier la date pour le 8 avril 2027 », « modifier le budget total : 14 000 € »: the new value comes with it.
  const changes = namedChanges(ctx, turn, application, ctx.currentStep(application), typed);
  if (changes.length > 0) return applyCorrections(ctx, turn, application, changes);
  const step = ctx.stepNamed(application, typed);
  if (!step) {
    application.pendingEdit = true;
    await ctx.save(turn, application);
    ctx.say(turn, {
      intent: 'dialog:edit-which',
      text: turn.t({
        fr: 'Quelle réponse voulez-vous modifier ?',
        en: 'Which answer do you want to change?',
      }),
      choices: ctx
        .stepsOf(application)
        .filter((s) => !s.onlyIf || s.onlyIf(application.answers))
        .map((s) => ({
          id: `${turn.lang === 'fr' ? 'modifier' : 'edit'} ${s.slot}`,
          label: s.label[turn.lang],
        })),
    });
    return;
  }
  if (step.onlyIf && !step.onlyIf(application.answers)) {
    ctx.say(turn, {
      intent: 'dialog:not-applicable',
      text: turn.t(
        {
          fr: '« {label} » ne s’applique pas avec vos réponses actuelles.',
          en: '“{label}” does not apply given your current answers.',
        },
        { label: step.label[turn.lang] },
      ),
    });
    return;
  }
  application.currentSlot = step.slot;
  application.pendingEdit = undefined;
  turn.state.activeApplication = application.id;
  await ctx.save(turn, application);
  await ask(ctx, turn, application);
}

/** Asks whether to abandon the application in progress; on a completed one being edited, stops the edit. */
export async function cancel(ctx: DialogContext, turn: Turn, application: Application): Promise<void> {
  if (application.status === 'complete') {
    application.currentSlot = undefined;
    turn.state.activeApplication = undefined;
    await ctx.save(turn, application);
    ctx.say(turn, {
      intent: 'dialog:edit-cancelled',
      text: turn.t(
        {
          fr: 'Modification abandonnée : votre candidature « {call} » reste telle qu’elle était.',
          en: 'Edit abandoned: your “{call}” application stays as it was.',
        },
        { call: ctx.callName(application.callId, turn.lang) },
      ),
    });
    return;
  }
  ctx.deps.confirmations.ask(
    turn,
    CANCEL_ACTION,
    turn.t(
      {
        fr: 'Abandonner votre candidature « {call} » et effacer ses réponses ? (oui / non)',
        en: 'Abandon your “{call}” application and erase its answers? (yes / no)',
      },
      { call: ctx.callName(application.callId, turn.lang) },
    ),
    { id: application.id },
  );
}

/** Asks whether to delete an application and its reminders. */
export function confirmDelete(ctx: DialogContext, turn: Turn, application: Application): void {
  ctx.deps.confirmations.ask(
    turn,
    DELETE_ACTION,
    turn.t(
      {
        fr: 'Supprimer votre candidature « {call} » et ses rappels ? (oui / non)',
        en: 'Delete your “{call}” application and its reminders? (yes / no)',
      },
      { call: ctx.callName(application.callId, turn.lang) },
    ),
    { id: application.id },
  );
}

/** Deletes an application and its reminders, once confirmed. */
async function remove(ctx: DialogContext, turn: Turn, id: string, how: 'cancel' | 'delete'): Promise<void> {
  await ctx.store.delete(turn.user, id);
  await ctx.deps.services().reminders?.removeApplication(turn.user, id);
  if (turn.state.activeApplication === id) turn.state.activeApplication = undefined;
  turn.say({
    intent: how === 'cancel' ? 'dialog:cancelled' : 'dialog:deleted',
    text: turn.t(
      how === 'cancel'
        ? {
            fr: 'Candidature abandonnée : ses réponses sont effacées.',
            en: 'Application abandoned: its answers are erased.',
          }
        : {
            fr: 'Candidature supprimée, avec ses rappels.',
            en: 'Application deleted, with its reminders.',
          },
    ),
  });
}
