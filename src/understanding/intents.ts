/**
 * What a message at a step is, besides an answer: "I do not know yet", a question, a correction of the
 * previous answer, a request to change another one. Phrase patterns in French and English, on normalised
 * text; each returns what the rest of the dialog needs (the correcting value, the words naming the step).
 */
import { normalize } from '../core/text.ts';

const NOT_YET = [
  'je (?:ne )?sais pas(?: encore)?',
  '(?:on|nous) (?:ne )?(?:sait|savons) pas(?: encore)?',
  "j'?sais pas",
  'pas encore',
  'not yet',
  "pas pour l'instant",
  'pas pour le moment',
  'not at the moment',
  'aucune idee',
  "pas d'idee",
  'no idea',
  'no clue',
  'not sure',
  'unsure',
  'dunno',
  'pas sur',
  "(?:i|we) (?:don't|do not) know",
  "(?:i'?m|we'?re|i am|we are) not sure",
  'plus tard',
  'later',
  'on verra',
  'nous verrons',
  '(?:je|nous) (?:vous )?(?:le )?(?:dirai|dirons|redirai|redirons) plus tard',
  'je (?:vous )?(?:le )?(?:dirai|redirai)',
  'je reviendrai',
  'nous reviendrons',
  "i'?ll tell you later",
  "(?:i|we)'?ll (?:see|let you know|come back)",
  'pas encore (?:defini|decide|fixe|sur|certain|choisi|arrete|connu|trouve|determine|clair)e?s?',
  'pas encore de \\w+(?: (?:fixee?s?|definie?s?|decidee?s?|precise?e?s?|arretee?s?|connue?s?|trouvee?s?))?',
  "(?:on|nous) (?:n'?a|n'?avons|a|avons) pas encore (?:decide|choisi|fixe|trouve|defini|tranche|arrete|regarde)",
  "(?:i|we) (?:haven'?t|have not) (?:yet )?(?:decided|chosen|settled|fixed|found|worked (?:it|that) out)(?: yet)?",
  'not (?:decided|defined|fixed|known|settled|chosen) yet',
  'not yet (?:decided|defined|fixed|known|settled|chosen)',
  'to be (?:decided|defined|confirmed)',
  'tbd',
  'tbc',
  'a (?:definir|determiner|voir|confirmer|preciser)',
  'difficile a dire',
  'hard to say',
  'ca depend',
  'it depends',
  'still (?:deciding|thinking|working on (?:it|that)|looking|discussing|figuring (?:it|that) out)',
  '(?:on|nous) y reflechi(?:t|ssons)(?: encore)?',
  'en (?:cours de )?reflexion',
  'en discussion',
  'en cours',
  'je ne suis pas sur',
  'je ne suis pas certaine?',
  "je n'?en sais rien",
  'aucune idee pour le moment',
];
const NOT_YET_TAIL =
  "(?:[\\s,.!]+(?:encore|yet|pour (?:le moment|l'instant)|for now|at the moment|du tout|at all|honnetement|honestly|desole|sorry|vraiment|really|trop|exactement|exactly|a vrai dire))*";
const NOT_YET_PATTERN = new RegExp(
  `^(?:(?:euh|heu|hmm|bah|ben|alors|honnetement|honestly|well|um|hmm|oh|ah|desole|sorry|pour l'instant|pour le moment|for now)[\\s,.]+)*(?:${NOT_YET.join('|')})${NOT_YET_TAIL}[\\s.!…]*$`,
);
const NOT_YET_INSIDE = new RegExp(`\\b(?:${NOT_YET.join('|')})\\b`);

/** « je ne sais pas encore », « aucune idée », « plus tard », "no idea yet": not an answer. */
export function isNotYetKnown(text: string): boolean {
  return NOT_YET_PATTERN.test(normalize(text));
}

/**
 * A "not yet known" with a few more words (« pas encore de date fixée, désolé »), without a number: read
 * once the text gave no answer (« on ne sait pas, en ligne ou sur place » names two options).
 */
export function saysNotYetKnown(text: string): boolean {
  const typed = normalize(text);
  if (NOT_YET_PATTERN.test(typed)) return true;
  const inside = NOT_YET_INSIDE.exec(typed);
  if (!inside || /\d/.test(typed)) return false;
  const others = typed
    .replace(inside[0], ' ')
    .split(/[^a-z']+/)
    .filter((w) => w.length > 3);
  return others.length <= 2;
}

/** « euh », « hmm », « bah »: a sound while thinking, not an answer. */
export function isHesitation(text: string): boolean {
  return /^(?:euh+|heu+|hum+|hmm+|bah|ben|bof|hein|uh+|um+|erm)[\s.!…]*$/.test(normalize(text));
}

const QUESTION_START =
  /^(comment|pourquoi|quand|qu'est-ce|qu'est ce|quel|quelle|quels|quelles|combien|est-ce|ou |qui |que |quoi|puis-je|peut-on|peux-je|faut-il|dois-je|doit-on|c'est quoi|ca veut dire|ca engage|ca sert|il faut|how|what|when|why|where|who|which|can |could |is |are |do |does |should |must )/;

/** A text that reads as a question rather than an answer. */
export function readsAsQuestion(text: string): boolean {
  const typed = normalize(text);
  return typed.endsWith('?') || QUESTION_START.test(typed);
}

/** Questions about the step itself, whatever the step: why it is asked, what fits, what it means. */
const ABOUT_THE_STEP =
  /(pourquoi (?:vous )?(?:me )?(?:demande|demandez|cette question|ca)|a quoi (?:ca|cela) sert|why (?:do you|are you) ask|why (?:does|is) (?:that|this|it)|why this question|que (?:faut-il|dois-je|doit-on|dois je|faut il) (?:mettre|ecrire|repondre|indiquer)|qu'est-ce (?:que|qu'il) (?:je dois|faut) (?:mettre|ecrire|repondre)|what (?:should|do|must) (?:i|we) (?:put|write|answer|enter|say)|c'est quoi|qu'est-ce que c'est|qu'est ce que c'est|ca veut dire quoi|que voulez-vous dire|qu'entendez-vous|vous entendez par|what do you mean|what does .* mean|what is meant|what (?:kind|sort|type)s? of|quels? (?:types?|sortes?|genres?)|lesquel|which .* (?:can|may|could)|what .* can (?:we|i) (?:pick|choose|select|put)|quels? .* (?:possibles?|proposes?|au choix)|(?:choix|options) possibles|quelles sont les options|what are the options|exemples?\b|examples?\b|c'est a dire|ca engage|engage a quoi|depuis ou|from where|il faut mettre|do (?:i|we) (?:put|give|need)|faut-il (?:mettre|donner|indiquer)|combien (?:je peux|peut-on|on peut|puis-je|pouvons-nous)|how much can)/;

/** A question about the step being asked (its help answers it), rather than about something else. */
export function asksAboutStep(text: string, stepWords: string[]): boolean {
  if (!readsAsQuestion(text)) return false;
  const typed = normalize(text);
  if (ABOUT_THE_STEP.test(typed)) return true;
  const words = typed.split(/[^a-z0-9]+/).filter((w) => w.length > 3);
  return stepWords.some((w) => w.length > 3 && words.includes(w));
}

const CORRECTION =
  /^(?:(?:non|no|euh|heu|oh|ah)[\s,.!]+)*(?:attendez|attends|attendez une seconde|pardon|oups|oops|desole|sorry|en fait|en realite|plutot|je me suis trompee?|je me suis trompe|nous nous sommes trompes|erreur|correction|je corrige|je voulais dire|actually|wait|my mistake|my bad|i meant|i mean|no wait|scratch that|mistake|make that|make it|finalement|en definitive|after all|finally)\b[\s,.!:;-]*(?:(?:non|no)[\s,.!]+)?(?:en fait[\s,]+)?(?:(?:c'est|ce sera|ca fait|it's|it is|it will be|that's|make it|plutot|rather|i meant|je voulais dire)\s+)?(?:plutot\s+)?/;

/** « c'est plutôt 180 », « on sera plutôt 180 »: « plutôt » among the first words. */
const RATHER = /^(?:\S+\s+){1,3}?(?:plutot|rather|actually|en fait)\s+(?=\S)/;
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

const EDIT_VERB =
  '(?:modifier|changer|corriger|rectifier|revoir|reprendre|mettre a jour|revenir (?:sur|a)|retourner (?:sur|a)|retour (?:sur|a)|edit|change|correct|fix|update|amend|go back to|back to|return to|revisit)';
const EDIT = new RegExp(
  `^(?:(?:je|j'|nous|on)\\s*(?:voudrais|veux|souhaite|souhaitons|aimerais|aimerions|voudrions|peux|pourrais|dois)\\s+|(?:est-ce que|est ce que)?\\s*(?:je peux|on peut|puis-je|peut-on|pouvons-nous|pourrait-on)\\s+|(?:i|we)(?:'d| would)? (?:like to|want to|need to)\\s+|(?:can|could|may) (?:i|we)\\s+|let me\\s+|please\\s+|merci de\\s+)?${EDIT_VERB}\\s+(?<what>.+?)[\\s?!.]*$`,
);
const MISTAKE =
  /^(?:je me suis trompee?|on s'est trompes?|nous nous sommes trompes|i made a mistake|erreur|mistake) (?:sur|dans|de|on|in|with|pour|for) (?<what>.+?)(?:[,;.].*)?[\s?!.]*$/;
const WRONG =
  /^(?<what>.+?) (?:n'est pas (?:bon|bonne|correct|correcte|juste)|est (?:faux|fausse|errone|erronee|incorrect|incorrecte)|is (?:wrong|incorrect|not right)|was wrong|isn't right)\b/;

/**
 * « modifier la date », « je voudrais changer le format », « revenir sur le budget », « je me suis trompé de
 * date », "the budget is wrong": the words naming the step.
 */
export function editRequestIn(text: string): string | undefined {
  const typed = normalize(text);
  return (EDIT.exec(typed) ?? MISTAKE.exec(typed) ?? WRONG.exec(typed))?.groups?.what;
}

const BARE_EDIT = new RegExp(`^${EDIT_VERB}[\\s?!.]*$`);

/** A lone edit verb (« modifier », "change"): the person is asked which answer. */
export function isBareEdit(text: string): boolean {
  return BARE_EDIT.test(normalize(text));
}
