/**
 * A correction of an earlier answer said in plain words: « non attendez, c'est 180 », « en fait plutôt 180
 * personnes », « c'est Paris finalement, pas Bruxelles », "sorry, I meant 180", « je corrige, … »: the
 * correcting value (and the value it replaces), as typed.
 */
import { normalize } from '../core/text.ts';

const CORRECTION =
  /^(?:(?:non|no|euh|heu|oh|ah|et|and|une|petite|grosse|small|little|quick|tiny|si)[\s,.!]+)*(?:attendez|attends|attendez une seconde|pardon|oups|oops|desole|desolee|sorry|en fait|en realite|au fait|by the way|plutot|je me suis trompee?|on s'est trompes?|nous nous sommes trompes|erreur|correction|coquille|typo|je corrige|je rectifie|je voulais dire|actually|wait|my mistake|my bad|i meant|i mean|no wait|scratch that|mistake|make that|make it|finalement|en definitive|after all|finally|change of plan|changement|(?:maintenant |quand )?que j'? ?y (?:pense|reflechis)|a la reflexion|reflexion faite|tout bien reflechi|on second thoughts?|now that i think (?:about it|of it)|come to think of it|thinking about it)\b[\s,.!:;-]*(?:(?:non|no)[\s,.!]+)?(?:en fait[\s,]+)?(?:(?:c'est|ce sera|ca fait|it's|it is|it will be|that's|make it|plutot|rather|i meant|je voulais dire)\s+)?(?:plutot\s+)?/;

/** « c'est plutôt 180 », « euh non, on sera plutôt 170 »: « plutôt » among the first words. */
const RATHER = /^(?:\S+\s+){1,4}?(?:plutot|rather|actually|en fait)\s+(?!not\b|than\b|que\b)(?=\S)/;
/** « la capacité c'est 350 en fait », « on passe au 2 avril finalement »: the correction said last. */
const SAID_LAST =
  /[\s,]+(?:en fait|finalement|plutot|pardon|desole|desolee|au final|actually|instead|rather|sorry|after all|(?:je l'|j')avais oublie|i forgot)(?:\s*,\s*(?:pas|not)\s+[^,.!?]+)?[\s.!]*$/;
const NOT_THIS_BUT = /^(?:non[\s,]+)?(?:pas|not)\s+.+?\s+(?:mais|but)\s+/;
const PLAIN_NO = /^(?:non|no|nope)[\s,.!:;-]+(?=\S)/;

/**
 * « non attendez, c'est 180 », « en fait plutôt 180 personnes », « pas 150 mais 180 », "sorry, I meant 180":
 * the corrected value. A plain « non, 180 » counts only where a "no" is not itself an answer (`plainNo`).
 */
export function correctionIn(text: string, plainNo = false): string | undefined {
  const typed = text.trim();
  const normalized = normalize(typed);
  // A plain « non, » corrects only with a value right after it (« non, 180 »; "no grant, zero" is an answer).
  const plain =
    plainNo && /^(?:non|no|nope)[\s,.!:;-]+\d/.test(normalized) ? PLAIN_NO.exec(normalized) : null;
  const match =
    NOT_THIS_BUT.exec(normalized) ?? CORRECTION.exec(normalized) ?? RATHER.exec(normalized) ?? plain;
  if (!match || match[0].trim() === '') return undefined;
  const rest = typed.slice(match[0].length).trim();
  return rest === '' ? undefined : rest;
}

/** « X, pas Y », "X not Y", « X au lieu de Y », "X instead of Y", « Y → X »: the new words, then the old. */
const INSTEAD = [
  /^(?<now>.+?)[\s,]+(?:et\s+)?(?:pas|non pas|plutot que|au lieu de|not|rather than|instead of)\s+(?<was>(?:[^,.;!?]|(?<=\d)[,.](?=\d))+?)[\s.!]*$/d,
  /^(?:non[\s,]+)?(?:pas|not)\s+(?<was>.+?)[\s,]+(?:mais|but)\s+(?<now>.+?)[\s.!]*$/d,
  /^(?<was>[^,;→>]+?)\s*(?:→|->|=>)\s*(?<now>.+?)[\s.!]*$/d,
];

/**
 * « c'est Paris finalement, pas Bruxelles », "the grant is 7,000 not 9,000", « pas 150 mais 180 »: the value
 * given now and the one it replaces (which tells the answer corrected), as typed; undefined without both.
 */
export function replacementIn(text: string): { now: string; was: string } | undefined {
  // « …, je me suis trompée », "…, my mistake": a remark closing the correction, not the old value.
  const typed = text
    .trim()
    .replace(
      /[\s,;.!-]+(?:je me suis tromp[ée]e?|on s['’]est tromp[ée]s?|j['’]avais oubli[ée]|d[ée]sol[ée]e?|pardon|sorry|my mistake|my bad|oops|oups)[\s.!]*$/i,
      '',
    );
  const normalized = normalize(typed);
  if (normalized.length !== typed.length) return undefined;
  for (const pattern of INSTEAD) {
    const found = pattern.exec(normalized);
    const now = found?.indices?.groups?.now;
    const was = found?.indices?.groups?.was;
    if (now && was)
      return { now: typed.slice(now[0], now[1]).trim(), was: typed.slice(was[0], was[1]).trim() };
  }
  return undefined;
}

/** « je corrige », « oups », "my bad", « je me suis trompé »: said to correct, never to answer. */
const OWNS_UP =
  /^(?:(?:non|no|euh|heu|oh|ah)[\s,.!]+)*(?:je corrige|je rectifie|correction|erreur|oups|oops|my bad|my mistake|je me suis trompee?|on s'est trompes?|nous nous sommes trompes|i meant|je voulais dire|scratch that|no wait|non attendez|sorry,? i meant)\b/;

/** Whether a message opens by saying it corrects something (« je corrige, … », "my bad, …"). */
export function ownsUpToMistake(text: string): boolean {
  return OWNS_UP.test(normalize(text));
}

/**
 * « la capacité c'est 350 en fait », « on passe au 2 avril finalement »: a correction said last, the words
 * before it. Read only where the step could not take the message as its answer (« 250 plutôt » answers).
 */
export function correctionSaidLast(text: string): string | undefined {
  const typed = text.trim();
  const normalized = normalize(typed);
  const last = SAID_LAST.exec(normalized);
  if (!last || normalized.length !== typed.length) return undefined;
  const rest = withoutLeadingNo(typed.slice(0, last.index).trim());
  return rest === '' ? undefined : rest;
}

/** « ah non c'est Paris finalement », « euh non c'est une SCOP »: the « non » is the correction's, not a no to anything. */
export const withoutLeadingNo = (text: string): string =>
  text.replace(/^(?:(?:ah|oh|euh|heu|bah|ben)[\s,]+)*(?:non|no|nope)[\s,.!]+(?=\S)/i, '');
