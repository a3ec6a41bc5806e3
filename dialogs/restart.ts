/**
 * A message in the middle of an application that only says "I want to apply" again (« salut, je veux candidater
 * pour un NEC local »), as a person coming back days later does: no answer to the step in front of them. Once its
 * greeting, its wish, its verb of applying and the call's name are set aside, no word is left. A goal written as
 * « nous voulons organiser un NEC local pour rapprocher les habitants… » keeps words of its own: an answer.
 */

import { normalize } from '../src/core/text.ts';
import { contentWords } from '../src/understanding/words.ts';
import { DOING, WANTS } from './definition.ts';
import { withoutCallNames } from './facts.ts';

const GREETING = /\b(?:bonjour|salut|hello|hi|hey|coucou|bonsoir|re)\b/g;
const APPLYING =
  /\b(?:candidat\w*|postul\w*|organis\w*|organiz\w*|monter|faire|host|run|apply|applying|application|dossier|demande|prepar\w*|deposer|remplir)\b/g;
// Every occurrence: compiled once, not on each message.
const ALL_WANTS = new RegExp(WANTS.source, 'g');
const ALL_DOING = new RegExp(DOING.source, 'g');

/** Whether the message says nothing but that the person wants to apply (to a call it may name). */
export function onlyAsksToApply(text: string): boolean {
  const rest = withoutCallNames(normalize(text))
    .replace(ALL_WANTS, ' ')
    .replace(ALL_DOING, ' ')
    .replace(APPLYING, ' ')
    .replace(GREETING, ' ');
  return contentWords(rest).length === 0;
}
