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
  'aucune idee',
  "pas d'idee",
  'no idea',
  'not sure',
  'dunno',
  "(?:i|we) (?:don't|do not) know",
  'plus tard',
  'later',
  'on verra',
  'nous verrons',
  '(?:je|nous) (?:vous )?(?:le )?dir(?:ai|ons) plus tard',
  "i'?ll tell you later",
  "(?:i|we)'?ll (?:see|let you know)",
  'pas encore (?:defini|decide|fixe|sur|certain|choisi|arrete|connu|trouve|determine)e?s?',
  'not (?:decided|defined|fixed|known|settled|chosen) yet',
  'to be (?:decided|defined|confirmed)',
  'tbd',
  'tbc',
  'a (?:definir|determiner|voir|confirmer|preciser)',
  'difficile a dire',
  'hard to say',
  'je ne suis pas sur',
  'pas sur',
  'aucune idee pour le moment',
];
const NOT_YET_PATTERN = new RegExp(
  `^(?:(?:euh|heu|hmm|bah|ben|alors|honnetement|honestly|well|um)[\\s,.]+)*(?:${NOT_YET.join('|')})(?:[\\s,.!]+(?:encore|yet|pour (?:le moment|l'instant)|for now|at the moment|du tout|at all|honnetement|honestly|desole|sorry|vraiment|really))*[\\s.!…]*$`,
);

/** « je ne sais pas encore », « aucune idée », « plus tard », "no idea yet": not an answer. */
export function isNotYetKnown(text: string): boolean {
  return NOT_YET_PATTERN.test(normalize(text));
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
  /^(?:(?:non|no|euh|heu|oh|ah)[\s,.!]+)*(?:attendez|attends|attendez une seconde|pardon|oups|oops|desole|sorry|en fait|en realite|plutot|je me suis trompee?|je me suis trompe|nous nous sommes trompes|erreur|correction|je corrige|je voulais dire|actually|wait|my mistake|my bad|i meant|i mean|no wait|scratch that|mistake)\b[\s,.!:;-]*(?:(?:non|no)[\s,.!]+)?(?:en fait[\s,]+)?(?:(?:c'est|ce sera|ca fait|it's|it is|it will be|that's|make it|plutot|rather|i meant|je voulais dire)\s+)?(?:plutot\s+)?/;

/** « non attendez, c'est 180 », « en fait plutôt 180 personnes », "sorry, I meant 180": the corrected value. */
export function correctionIn(text: string): string | undefined {
  const typed = text.trim();
  const match = CORRECTION.exec(normalize(typed));
  if (!match || match[0].trim() === '') return undefined;
  const rest = typed.slice(match[0].length).trim();
  return rest === '' ? undefined : rest;
}

const EDIT_VERB =
  '(?:modifier|changer|corriger|rectifier|revoir|reprendre|mettre a jour|edit|change|correct|fix|update|amend)';
const EDIT = new RegExp(
  `^(?:(?:je|j'|nous|on)\\s*(?:voudrais|veux|souhaite|souhaitons|aimerais|aimerions|voudrions|peux|pourrais|dois)\\s+|(?:est-ce que|est ce que)?\\s*(?:je peux|on peut|puis-je|peut-on|pouvons-nous|pourrait-on)\\s+|(?:i|we)(?:'d| would)? (?:like to|want to|need to)\\s+|(?:can|could|may) (?:i|we)\\s+|let me\\s+|please\\s+|merci de\\s+)?${EDIT_VERB}\\s+(?<what>.+?)[\\s?!.]*$`,
);
const MISTAKE =
  /^(?:je me suis trompee?|nous nous sommes trompes|i made a mistake|erreur|mistake) (?:sur|dans|on|in|with|pour|for) (?<what>.+?)(?:[,;.].*)?[\s?!.]*$/;

/** « modifier la date », « je voudrais changer le format », "edit the themes": the words naming the step. */
export function editRequestIn(text: string): string | undefined {
  const typed = normalize(text);
  return (EDIT.exec(typed) ?? MISTAKE.exec(typed))?.groups?.what;
}

/** A lone edit verb (« modifier », "change"): the person is asked which answer. */
export function isBareEdit(text: string): boolean {
  return new RegExp(`^${EDIT_VERB}[\\s?!.]*$`).test(normalize(text));
}
