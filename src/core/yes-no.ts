/** Reads yes / no in French and English, as people type it. */
import { normalize } from './text.ts';

const YES = new Set([
  'oui',
  'o',
  'ouais',
  'yes',
  'y',
  'yep',
  'yeah',
  'ok',
  'okay',
  "d'accord",
  'daccord',
  'confirmer',
  'confirm',
  'bien sur',
  'sure',
  'oui merci',
  'yes please',
  'volontiers',
  'vrai',
  'true',
]);
const NO = new Set([
  'non',
  'n',
  'no',
  'nope',
  'nan',
  'non merci',
  'no thanks',
  'annuler',
  'pas du tout',
  'faux',
  'false',
]);

/** `true` for yes, `false` for no, `undefined` when the text is neither. Choice ids `yes` / `no` count too. */
export function parseYesNo(text: string): boolean | undefined {
  const words = normalize(text)
    .replace(/[.!?]+$/, '')
    .trim();
  if (YES.has(words)) return true;
  if (NO.has(words)) return false;
  return undefined;
}
