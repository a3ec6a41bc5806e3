/**
 * Calls added without code: a new edition imported in the console names the call whose dialog asks its
 * questions (`dialog: local-nec`) and is applied to with that dialog under its own id, its steps resolved
 * against its own call file (its figures, dates and texts).
 */
import type { CallDefinition } from '../rules/schema.ts';
import type { Localized } from '../src/core/i18n.ts';
import type { DialogDefinition } from './definition.ts';

/** The shipped dialogs, then one for each call that borrows a dialog and has none of its own. */
export function dialogsInForce(
  shipped: readonly DialogDefinition[],
  calls: readonly CallDefinition[],
): DialogDefinition[] {
  const borrowed = calls.flatMap((call) => {
    if (shipped.some((d) => d.id === call.id) || call.dialog === undefined) return [];
    const base = shipped.find((d) => d.id === call.dialog);
    return base ? [{ ...base, id: call.id }] : [];
  });
  return [...shipped, ...borrowed];
}

/** Why people could not apply to a call with a dialog (none fits its file), or undefined when they can. */
export function dialogProblem(
  shipped: readonly DialogDefinition[],
  call: CallDefinition,
): Localized | undefined {
  if (shipped.some((d) => d.id === call.id)) return undefined;
  const names = shipped.map((d) => d.id).join(', ');
  if (call.dialog === undefined)
    return {
      fr: `aucun dialogue ne pose les questions de cet appel : ajoutez « dialog: » suivi de l’appel dont il reprend les questions (${names})`,
      en: `no dialog asks this call's questions: add “dialog:” followed by the call whose questions it reuses (${names})`,
    };
  const base = shipped.find((d) => d.id === call.dialog);
  if (!base)
    return {
      fr: `« dialog: ${call.dialog} » : aucun appel de ce nom n’a de dialogue (${names})`,
      en: `“dialog: ${call.dialog}”: no call of that name has a dialog (${names})`,
    };
  const slots = new Set(call.slots.map((s) => s.id));
  const missing = slotsAskedBy(base).filter((slot) => !slots.has(slot));
  if (missing.length > 0)
    return {
      fr: `le dialogue de ${base.id} demande des champs que cet appel n’a pas : ${missing.join(', ')}`,
      en: `the dialog of ${base.id} asks for slots this call lacks: ${missing.join(', ')}`,
    };
  return undefined;
}

/** Every slot a dialog asks, fills or exports. */
function slotsAskedBy(dialog: DialogDefinition): string[] {
  const steps = dialog.steps.flatMap((s) => (s.detailSlot ? [s.slot, s.detailSlot] : [s.slot]));
  return [...new Set([...steps, ...dialog.dossier.flatMap((d) => d.slots)])];
}
