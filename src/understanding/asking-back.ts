/**
 * A message at a free-text step that asks rather than answers, recognised by its form rather than by phrases: a
 * question without « ? » (an interrogative word or « est-ce que » first, a verb–pronoun inversion such as
 * « peut-on », « faut-il », an English auxiliary before its subject: "can I", "should we", "is that"), or words
 * about the step itself in the second person (« vous voulez dire… », « vous parlez de… », "you mean…"). Such a
 * message is asked back before it is stored: a real answer can start the same way (« Comment rapprocher les
 * habitants du numérique »), and then costs only a « oui ». Two readings with the same article (« le nom complet
 * ou le sigle ») are a question too, and so is an answer handed over for approval (« …, je suppose, non »).
 */
import { normalize } from '../core/text.ts';

/** Interrogative openings, French and English (without accents). */
const QUESTION_FIRST =
  /^(?:(?:euh|heu|hmm|bah|ben|alors|et|and|so|um|well|ok|mais|but)[\s,]+)*(?:est-ce qu|qu'est-ce|quel|quelle|quels|quelles|lequel|laquelle|lesquel\w*|comment|pourquoi|combien|quoi|c'est quoi|ou ca|what|which|whose|who|whom|why|how|where|when|(?:can|could|should|shall|may|must|would|will|do|does|did|is|are|was|were|have|has)\s+(?:i|we|you|it|that|this|they|there|one)\b)/;
/** « peut-on », « faut-il », « dois-je », « avez-vous »: a verb and its subject inverted. */
const INVERSION =
  /^(?:(?:euh|heu|et|alors|mais)[\s,]+)*[a-z]+-(?:t-)?(?:je|tu|il|elle|on|nous|vous|ils|elles)\b/;
/** Asking how to fill the step in: « on peut mettre… », « je dois mettre quoi », "should I write…". */
const HOW_TO_FILL =
  /^(?:on|je|nous|i|we) (?:peu[tx]|pouvons|doi[st]|devons|can|could|should|must|need to|have to) (?:mettre|ecrire|remplir|indiquer|repondre|donner|detailler|put|write|fill|answer|give|say|list)\b/;
/** A question put after its words (« le territoire de qui », « il en faut combien », « le nom de quoi »). */
const QUESTION_LAST = /\b(?:de qui|de quoi|a qui|pour qui|combien|lequel|laquelle|comment ca|ou ca|or what)$/;
/** Speaking to the bot of the step: « vous voulez dire… », « vous parlez de… », "you mean…", "do you mean…". */
const ABOUT_THE_STEP =
  /^(?:(?:euh|heu|hmm|ah|ok|so)[\s,]+)*(?:vous (?:voulez dire|parlez d\w*|entendez|attendez|demandez|voulez)|tu (?:veux dire|parles d\w*)|you (?:mean|want|are asking|re asking)|(?:il|ca) (?:faut|doit) (?:un|une|des|le|la|mettre|ecrire|etre))\b/;

/** An answer handed over for approval: « tout le monde je suppose, non », "mediators I guess, right". */
const TAG_QUESTION =
  /(?:\b(?:je suppose|j'imagine|je pense|i guess|i suppose|i think)(?:,? (?:non|hein|right|no))?|, (?:non|hein|n'est-ce pas|right|no|isn't it|don't you think))$/;

/** Two readings offered back with the same article: « le nom complet ou le sigle », "the full name or the short one". */
const EITHER = /^(the|le|la|les|un|une|a|an) [^,]+ (?:or|ou) \1 \S+(?: \S+)?$/;

/** Whether a free-text answer is rather a question or talk about the step: it is asked back, never stored as is. */
export function asksRatherThanAnswers(text: string): boolean {
  const typed = normalize(text).replace(/[.!…\s]+$/, '');
  if (typed.split(' ').length > 14) return false;
  return (
    QUESTION_FIRST.test(typed) ||
    INVERSION.test(typed) ||
    HOW_TO_FILL.test(typed) ||
    QUESTION_LAST.test(typed) ||
    ABOUT_THE_STEP.test(typed) ||
    EITHER.test(typed) ||
    TAG_QUESTION.test(typed)
  );
}
