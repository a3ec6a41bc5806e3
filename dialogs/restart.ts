/**
 * A message in the middle of an application that only says "I want to apply" again (« salut, je veux candidater
 * pour un NEC local », "hi again, we'd like to submit an application for a local NEC"), as a person coming back
 * days later does: no answer to the step in front of them. Once its greeting, its politeness, its wish, its verb
 * of applying and the call's names (the dialog's own: « défraiement », "the NIR call") are set aside, no word is
 * left. A goal written as « nous voulons organiser un NEC local pour rapprocher les habitants… » keeps words of
 * its own: an answer.
 */

import { normalize } from '../src/core/text.ts';
import { contentWords } from '../src/understanding/words.ts';
import { type DialogDefinition, DOING, WANTS } from './definition.ts';
import { withoutCallNames } from './facts.ts';

const GREETING =
  /\b(?:bonjour|salut|hello|hi|hey|coucou|bonsoir|re|rebonjour|again|encore|merci|thanks|please|svp|stp)\b/g;
const APPLYING =
  /\b(?:candidat\w*|postul\w*|organis\w*|organiz\w*|monter|faire|host|run|apply|applying|application|submit\w*|deposer|dossier|demande\w*|prepar\w*|remplir|call|appel)\b/g;
// Every occurrence: compiled once, not on each message.
const ALL_WANTS = new RegExp(WANTS.source, 'g');
const ALL_DOING = new RegExp(DOING.source, 'g');

/** Each dialog's names as one pattern, built once per dialog (this runs on every message of an application). */
const NAMES = new WeakMap<DialogDefinition, RegExp>();
function namesOf(dialog: DialogDefinition): RegExp {
  let names = NAMES.get(dialog);
  if (!names) {
    // The longest first: « nec ess europe » rather than « nec ess » and a word left over.
    const escaped = [...dialog.names]
      .sort((a, b) => b.length - a.length)
      .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    names = new RegExp(`\\b(?:${escaped.join('|')})\\b`, 'g');
    NAMES.set(dialog, names);
  }
  return names;
}

/** Whether the message says nothing but that the person wants to apply to this dialog's call. */
export function onlyAsksToApply(text: string, dialog: DialogDefinition): boolean {
  const rest = withoutCallNames(normalize(text))
    .replace(namesOf(dialog), ' ')
    .replace(ALL_WANTS, ' ')
    .replace(ALL_DOING, ' ')
    .replace(APPLYING, ' ')
    .replace(GREETING, ' ');
  return contentWords(rest).length === 0;
}
