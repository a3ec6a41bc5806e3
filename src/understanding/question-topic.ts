/**
 * What a question at a step is about: the step (its help answers it), something else (the FAQ), or both —
 * read from its subject words against the step's own, and from the forms that ask of the answer (a condition,
 * its sufficiency, how to give it, what the step's thing must be to count).
 */
import { asQuestionTyped, QUESTION_FRAME } from './questions.ts';
import { contentWords, wordMatch } from './words.ts';

/** A question that opens on the answer asked for (« ça… », « est-ce que ça… », "does it…", "is that…"). */
const POINTS_AT_STEP =
  /^(?:(?:et|mais|and|but|so)\s+)?(?:ca|cela|(?:est-ce que|est ce que)\s+(?:ca|cela|c'est)|(?:does|do|is|should|can|could|will)\s+(?:it|that|this)|(?:it|that|this)\s+(?:includes?|counts?|means?|is|should))\b/;

/** « que veut dire X », "what do you mean by X", « X ça veut dire quoi / ça veut dire… »: X, the term asked about. */
const MEANING =
  /^(?:(?:que|qu'est-ce que) veut dire|qu'entendez-vous par|qu'est-ce que vous entendez par|vous entendez quoi par|what do you mean by|what does|what's meant by|what is meant by)\s+(?<term>[^,?;]+)|^(?<term2>[^,?;]+?)\s+(?:ca|cela) veut dire\b/;

/** What a question at a step is about: the step (its help answers it), something else (the FAQ), or both. */
export type QuestionTopic = 'step' | 'elsewhere' | 'both';

/** The subject words of a question: its content words less the question's frame. */
const subjectOf = (text: string): string[] =>
  contentWords(text).filter((w) => w.length > 1 && !QUESTION_FRAME.has(w) && !/^\d+$/.test(w));

/**
 * Reads what a question at a step is about, from its subject words against the step's own words: none left
 * (« pourquoi vous demandez ça ? », « que faut-il mettre ici ? ») or mostly the step's (« c'est quoi le
 * territoire ? », "what do you mean by area, the city or the whole region?") is about the step; none of the
 * step's (« c'est quoi le montant max de la subvention ? » at the partners step, « c'est quoi un NEC local ? »)
 * is for the FAQ; fewer of the step's than others is both (the FAQ answers if it is sure, else the step's
 * help). The caller leaves the call's name out of the step's words: « un NEC local » says what the question
 * is about, not which step.
 */
export function questionTopic(text: string, stepWords: string[]): QuestionTopic {
  const typed = asQuestionTyped(text);
  // « ça compte si… ? », "does it count if…?": a condition on the answer asked for.
  if (
    POINTS_AT_STEP.test(typed) &&
    /^\S+(?:\s+\S+){0,3}?\s+(?:si|if|when|quand|meme si|even if)\b/.test(typed)
  )
    return 'step';
  // "what do you mean by claimed, asked for or received?", « soutenir ça veut dire… ? »: the term asked about.
  const term = MEANING.exec(typed);
  const own = subjectOf(term?.groups?.term ?? term?.groups?.term2 ?? typed);
  const onStep = own.filter((w) => stepWords.some((known) => wordMatch(w, known) !== undefined)).length;
  if (onStep * 2 >= own.length) return 'step';
  // « ça compte les intervenants ? », "does it include VAT?": « ça » is what the step asks.
  if (POINTS_AT_STEP.test(typed) && own.length - onStep <= 2) return 'step';
  // "what if it runs over several days?", « et si notre thème n'est pas dans la liste ? », « ça suffit ? »,
  // "what should I put here?", « dans quelle case ? », "before or after VAT?": a condition on the answer, its
  // sufficiency, how to give it, or which of two to give — the step's question, whatever words it uses.
  if (HYPOTHETICAL.test(typed) || ENOUGH.test(typed) || ANSWERING.test(typed) || TO_SEE.test(typed))
    return 'step';
  // "does a partner have to be signed up already?", « un partenaire doit-il avoir signé ? »: what the step's
  // thing must be to count — the step's question.
  const found = REQUIRED.exec(typed)?.groups;
  const required = found?.noun ?? found?.noun2 ?? found?.noun3;
  if (required && stepWords.some((known) => wordMatch(required, known) !== undefined)) return 'step';
  if (onStep === 0 && typed.endsWith('?') && /\b(?:ou|or)\b/.test(typed) && typed.split(' ').length <= 12)
    return 'step';
  // "do I need the full official name?": how to answer, most likely this step (the FAQ answers first if sure).
  if (onStep === 0 && HOW_TO_ANSWER.test(typed)) return 'both';
  return onStep === 0 ? 'elsewhere' : 'both';
}

/** What a thing must be to count (« un partenaire doit-il être signé », "does a partner have to be", "what counts as a partner"). */
const REQUIRED =
  /^(?:(?:and|but|so|et|mais|alors)\s+)?(?:(?:does|do|must|should|can|could|will|would)\s+(?:an?|the|our|my|each|every|all)?\s*(?<noun>[a-z]+)s?\s+(?:have to|has to|need to|needs to|be|count|qualify)\b|(?:est-ce qu'|est-ce que\s+)?(?:une?|le|la|les|nos|notre|chaque|tous les|toutes les)\s+(?<noun2>[a-z]+)\s+(?:doit|doivent|peut|peuvent|faut)(?:-(?:il|elle|ils|elles)| (?:il|elle|ils|elles))?\s+(?:etre|avoir|deja|forcement|obligatoirement)\b|(?:what|which|who|qu'est-ce qui|qu'est ce qui|qui|quoi)\s+(?:counts|count|compte|comptent|qualifies|est considere)\s+(?:as|comme)\s+(?:an?|the|une?|des)?\s*(?<noun3>[a-z]+))/;

/** Asking to see or read what the step is about: "can I see it first?", « je peux la lire avant ? ». */
const TO_SEE =
  /^(?:(?:and|but|so|et|mais|alors|ok)[\s,]+)?(?:(?:can|could|may) (?:i|we) (?:see|read|look at|have a look at|get) (?:it|that|this|them)|(?:je|on) (?:peux|peut|pourrais|pourrait) (?:la|le|les) (?:voir|lire|consulter|avoir)|(?:ou|where) (?:est-ce qu'on|est-ce que je|can i|can we|do i|do we) (?:la|le|les|it|them)? ?(?:trouve|lit|find|read))\b/;

/** A condition put on the answer: "what if…", « et si… », « si jamais… », "if two of us come…". */
const HYPOTHETICAL =
  /^(?:(?:et|and|but|mais|so|sorry|desole|desolee|pardon|ok|okay)[\s,]+)?(?:what if|what about if|what happens if|and if|if|et si|si|si jamais|que se passe-t-il si|qu'est-ce qui se passe si)\b/;
/** Whether the answer would do: « ça suffit ? », « ça compte ? », "is that enough?", "does it count?". */
const ENOUGH =
  /^(?:does|do|would|will|can)\s.*\s(?:count|qualify|suffice|be enough|do)(?:\s+(?:too|also|as well))?[\s?!.]*$|^est-ce qu(?:e |').*\s(?:compte|suffit|suffira|marche|passe)[\s?!.]*$|\b(?:ca|cela) (?:suffit|suffira|compte|marche|passe|rentre)\b|\b(?:is|does|would|will) (?:that|it|this) (?:be )?(?:enough|ok|okay|fine|count|work)\b|\best-ce suffisant\b/;
/** How to give the answer: what to put, write, tick, add up, agree to; which box it goes in. */
const ANSWERING =
  /\b(?:(?:je|on|nous|il) (?:dois|doit|devons|faut|peux|peut|pouvons)\s+(?:\S+\s+)?(?:mettre|ecrire|indiquer|choisir|cocher|donner|repondre|compter|additionner)|faut (?:\S+\s+)?(?:mettre|ecrire|indiquer|choisir|cocher|donner|compter)|qu'il faut (?:donner|mettre|ecrire|indiquer|compter)|(?:should|must|do|can|could|shall) (?:i|we) (?:\S+\s+)?(?:put|write|enter|give|pick|choose|select|tick|fill|count|add)|(?:am i|are we) (?:agreeing|committing|signing|accepting)|(?:je m'engage|on s'engage|nous nous engageons|ca m'engage|ca nous engage|ca engage) a quoi|(?:je|on) (?:reponds|repond|mets|met|coche|choisis|choisit) quoi|qu'est-ce que (?:je|j'|on) (?:reponds|repond|mets|met|coche|choisis)|what do (?:i|we) (?:answer|put|say|tick|pick)|(?:vous|tu) (?:attendez|attends|voulez|veux) quoi|qu'est-ce que vous (?:attendez|voulez)|what do you (?:expect|want|need)|dans quelle case|quelle case|which (?:box|category|option)|where does (?:it|that|this) (?:fit|go))\b/;

/** A question on how to answer: what the person should write, pick or give. */
const HOW_TO_ANSWER =
  /\b(?:(?:do|should|must|can|could|shall) (?:i|we)|(?:i|we) (?:should|must|need to|have to)|which (?:one|option|answer)|dois-je|doit-on|devons-nous|faut-il|(?:je|on|nous) (?:dois|doit|devons|mets|met|mettons|ecris|ecrit|choisis|choisit|coche|indique)|(?:il )?faut (?:que (?:je|j'|on) )?(?:mettre|ecrire|indiquer|choisir|cocher|donner)|est-ce que (?:je|j'|on) (?:dois|doit|peux|peut|mets|met))\b/;

/** The words of "what is", « c'est quoi », « que veut dire », « ça veut dire quoi ». */
const WHAT_IS = new Set(
  'quoi que qu veut dire signifie ca cela exactement entendez entend par what whats mean means meant by exactly does counts count compte comptent comme as considered considere qualifies'.split(
    ' ',
  ),
);

/**
 * Whether a question's subject is all in these words (a step's label and other names: « c'est quoi le
 * territoire ? » asks about the step called « territoire concerné », whichever step is being asked).
 */
export function asksAbout(text: string, words: string[]): boolean {
  // Only "what is X" asked of the name alone: « le montant max de la subvention » asks a fact of it (the FAQ's).
  const own = contentWords(asQuestionTyped(text)).filter((w) => !WHAT_IS.has(w));
  return own.length > 0 && own.every((w) => words.some((known) => wordMatch(w, known) !== undefined));
}
