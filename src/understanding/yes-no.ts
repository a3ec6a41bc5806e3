/**
 * Yes or no at the start of a sentence, in French and English, and what the sentence says besides
 * (« oui, la Ville de Nantes » → yes, and « la Ville de Nantes »). Microsoft's recognizers-text-choice was
 * tried: it misses « tout à fait », « j'accepte », « pas encore » and "we accept", so the words are ours.
 */
import { normalize } from '../core/text.ts';

const YES = [
  'oui',
  'ouais',
  'ouaip',
  'yes',
  'yep',
  'yeah',
  'yup',
  'ok',
  'okay',
  "d'accord",
  'daccord',
  'dac',
  'bien sur',
  'sure',
  'volontiers',
  'vrai',
  'true',
  'tout a fait',
  'absolument',
  'evidemment',
  'certainement',
  'exactement',
  'effectivement',
  'carrement',
  'affirmatif',
  'bien entendu',
  'naturellement',
  'avec plaisir',
  "j'accepte",
  'nous acceptons',
  'on accepte',
  'accepte',
  'acceptee',
  'acceptes',
  "j'approuve",
  'nous approuvons',
  "c'est bon",
  'ca marche',
  'parfait',
  'je confirme',
  'nous confirmons',
  'confirme',
  'confirmer',
  'confirm',
  'of course',
  'certainly',
  'definitely',
  'absolutely',
  'indeed',
  'agreed',
  'i agree',
  'we agree',
  'i accept',
  'we accept',
  'accepted',
  'correct',
  "that's right",
  'right',
  'yes please',
  'oui merci',
  "on s'engage",
  'nous nous engageons',
  "je m'engage",
  'we commit',
  // Go-aheads: « vas-y », « oui allez-y », "yes go ahead" say yes to what was just offered.
  'vas-y',
  'vas y',
  'allez-y',
  'allez y',
  'allons-y',
  "c'est parti",
  'je veux bien',
  'on veut bien',
  'nous voulons bien',
  'go ahead',
  'go on',
  'go for it',
  "let's go",
  "let's do it",
  'please do',
];
const NO = [
  'non',
  'no',
  'nope',
  'nan',
  'pas du tout',
  'pas encore',
  'not yet',
  'faux',
  'false',
  'aucun',
  'aucune',
  'none',
  'not at all',
  'malheureusement non',
  'negatif',
  'hélas non',
  'helas non',
  'pas pour le moment',
  "pas pour l'instant",
  'pas vraiment',
  'not really',
  'je refuse',
  'nous refusons',
  'refuse',
  'non merci',
  'no thanks',
  'annuler',
  "we haven't",
  'we have not',
  "i haven't",
  "we don't",
  "i don't",
  'not so far',
  'pas a ma connaissance',
];

const byLength = (words: string[]) => [...words].sort((a, b) => b.length - a.length);
const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const phrase = (words: string[]) => byLength(words).map(escaped).join('|');
/** A hedge before the answer (« a priori oui », "probably yes") leaves the answer as it is. */
const HEDGE =
  /^(?:a priori|normalement|en principe|je pense que|je crois que|il me semble que|probablement|sans doute|surement|i think|i believe|probably|most likely|likely)[\s,]+(?=(?:oui|non|yes|no|so)\b)/;
/**
 * A yes or a no said as likely only (« probablement oui », "probably yes", « sans doute non »): to a question of
 * the dossier, a guess to check, where a firmer lead (« a priori oui », « normalement oui », "I think so") is kept.
 */
const LIKELY_ONLY =
  /^(?:probablement|probably|sans doute|most likely|likely|surement|possibly)[\s,]+(?:oui|non|yes|no)\b[\s.!]*$/;

/** Whether a yes or a no is said as likely only (`LIKELY_ONLY`): asked back at a step of the dossier. */
export const saysLikelyOnly = (text: string): boolean =>
  LIKELY_ONLY.test(normalize(text).replace(LEADING_FILLER, ''));

/** What a "no" of not knowing is about: "no idea", "no clue", « aucune idée », "no news yet". */
const NOT_KNOWING =
  /^\s+(?:idea|clue|notion|answer|response|reply|decision|news|word|info\w*|idee|reponse|decision|nouvelles?|retour|certitude)\b/;
/** Sounds people make before answering. */
const FILLER = '(?:(?:euh+|heu+|hmm+|ben|bah|alors|well|um+|oh|ah|eh bien|bon)[\\s,.!…]+)*';
const LEADING_FILLER = new RegExp(`^${FILLER}`);
const LEADING = new RegExp(`^${FILLER}(${phrase(YES)}|${phrase(NO)})(?=$|[\\s,.;:!?()…-])`);
const YES_SET = new Set(YES);
/** A negation right after a yes (« oui mais non ») or a "no" followed by a yes (« non, oui ») cancels it. */
const CONTRADICTED = /^(?:(?:mais|et|and|but|ou|or)\s+)?(?:non|no|pas|not)\b/;

export interface YesNoReading {
  value: boolean;
  /** What follows the yes or no, as typed (« la Ville de Nantes »); empty when nothing does. */
  rest: string;
}

/** Yes or no at the start of a text, with the rest; undefined when the text does not start with either. */
export function yesNoIn(text: string): YesNoReading | undefined {
  const typed = normalize(text).replace(LEADING_FILLER, '').replace(HEDGE, '');
  if (/^(?:i think so|i believe so|je pense|je crois)[\s.!]*$/.test(typed) && !/^je/.test(typed))
    return { value: true, rest: '' };
  if (/^i (?:don'?t|do not) think so[\s.!]*$/.test(typed)) return { value: false, rest: '' };
  // Single letters are answers only on their own (« y a-t-il… » is not a yes).
  if (/^[oy][.!]?$/.test(typed)) return { value: true, rest: '' };
  if (/^n[.!]?$/.test(typed)) return { value: false, rest: '' };
  const match = LEADING.exec(typed);
  if (!match) return undefined;
  const word = match[1] ?? '';
  const value = YES_SET.has(word);
  // "no idea", « aucune idée », "no answer yet": a "no" of not knowing, no answer to the question.
  if (!value && NOT_KNOWING.test(typed.slice(match[0].length))) return undefined;
  let rest = typed.slice(match[0].length).replace(/^[\s,.;:!?()-]+/, '');
  // « oui oui », « oui, bien sûr », « non, jamais »: a second word of the same answer is still the answer.
  for (let again = LEADING.exec(rest); again; again = LEADING.exec(rest)) {
    if (YES_SET.has(again[1] ?? '') !== value) return undefined;
    rest = rest.slice(again[0].length).replace(/^[\s,.;:!?()-]+/, '');
  }
  if (value && CONTRADICTED.test(rest)) return undefined;
  return { value, rest: restAsTyped(text, rest) };
}

/** The end of the original text matching the normalised rest (accents and capitals kept). */
function restAsTyped(text: string, rest: string): string {
  if (rest === '') return '';
  const trimmed = text.trim();
  return trimmed.slice(Math.max(0, trimmed.length - rest.length)).trim();
}

/** Yes or no when that is all the text says (a confirmation): « oui », « oui bien sûr », "no thanks". */
export function plainYesNo(text: string): boolean | undefined {
  const reading = yesNoAnswer(text);
  if (typeof reading !== 'object') return undefined;
  return /^(?:merci|thanks|thank you|pour moi|pour nous|for me|for us|svp|please)?[\s.!]*$/i.test(
    normalize(reading.rest),
  )
    ? reading.value
    : undefined;
}

/** « peut-être », « oui et non », "maybe", "kind of", « plus ou moins »: neither yet. */
const UNDECIDED =
  /\b(peut-etre|peut etre|maybe|perhaps|possibly|possiblement|probablement|probably|sans doute|likely|oui et non|yes and no|oui ou non|yes or no|plutot oui|plutot non|kind of|kinda|sort of|more or less|plus ou moins|en quelque sorte|a moitie|half|might|pourrai[st]?|pourraient)\b/;
/**
 * What after a yes or a no takes it back into doubt: « oui, enfin… », « non, enfin je crois », "yes, not sure
 * though", « oui je sais pas », a trailing ellipsis or question mark on the answer itself.
 */
const DOUBT_AFTER =
  /^(?:(?:enfin|quoique|though|mais bon|but then again|or not|ou pas)\b.*|.*\b(?:pas sur|pas sure|pas certaine?|je sais pas|je ne sais pas|sais pas|jsp|not sure|unsure|i don'?t know|dunno|je crois pas|peut-etre|maybe|a verifier|to be checked|je dois verifier|i need to check)\b.*|[\s.…]*(?:…|\.\.\.|\?)[\s.…?]*)$/;

/**
 * The one reading of a yes/no answer, for every yes/no question of the bot (a step, a confirmation): yes or no
 * with what follows; `'unsure'` for a hedge (« peut-être », « euh je crois que oui, enfin… »), to be asked back
 * rather than taken; undefined when the text says neither.
 */
export function yesNoAnswer(text: string): YesNoReading | 'unsure' | undefined {
  const reading = yesNoIn(text);
  if (reading) {
    const rest = normalize(reading.rest);
    // « non, enfin je crois » and « oui… » hold back the answer; « oui, la Ville de Nantes » does not.
    if (DOUBT_AFTER.test(rest)) return 'unsure';
    return reading;
  }
  return UNDECIDED.test(normalize(text)) ? 'unsure' : undefined;
}
