/**
 * Signs that a message speaks of not knowing the answer, beyond the fixed phrases of `not-yet.ts`: read where
 * the step could not take the message as its answer (a number, a date, an option), so that « on hésite », "no
 * date yet", « pas avant d'en parler au CA » are offered a skip rather than refused; a sentence about the
 * answer at a free-text step (« on en cherche encore », « on le rédige en ce moment »); and the doubt said
 * beside a value (« peut-être 200 », "200 but not sure"), which asks before it stores.
 */
import { normalize } from '../core/text.ts';

/** Word starts that speak of knowing, deciding, waiting or saying, without accents. */
const KNOWING =
  /\b(?:sai[st]|savons|connai[st]|connaissons|know|knew|sure|sur|sure|certaine?|idee|idea|clue|flou|unclear|hesit\w*|decid\w*|defini\w*|fix\w*|choisi\w*|confirm\w*|calcul\w*|chiffr\w*|cherch\w*|look\w*|attend\w*|wait\w*|esper\w*|hop\w*|depend\w*|souvien\w*|rappel\w*|remember|recall|info\w*|confidenti\w*|secret|private|prive|rather|prefer\w*|tard|later|bientot|soon|encore|yet|toujours|still|moment|instant|reserv\w*|book\w*|sign\w*|discut\w*|discuss\w*|parl\w*|talk\w*|reflech\w*|thinking|dois|doit|devons|need|must|abord|first|verifi\w*|check\w*|regard\w*|consult\w*|faut|faudra|faudrait|demand\w*|ask\w*|en train|en cours|in progress|working|drafting|idk|dunno|nsp|jsp|tbd|tbc)\b/;
/** A negation, French or English. */
const NEGATION =
  /\b(?:ne|n'|pas|plus|jamais|aucune?|rien|no|not|never|none|nothing|don't|doesn't|didn't|can't|cannot|won't|haven't|hasn't|isn't|aren't)\b|n't\b/;

/**
 * Whether a message the step could not read speaks of not knowing (a negation or a word of knowing, deciding,
 * waiting), with no number in it and in a sentence's length: such a message is not a badly typed answer.
 */
export function talksOfNotKnowing(text: string): boolean {
  const typed = normalize(text);
  if (/\d/.test(typed) || typed.split(' ').length > 16) return false;
  return KNOWING.test(typed) || (NEGATION.test(typed) && typed.split(' ').length >= 2);
}

/** Who speaks: « on », « nous », « je », « c'est », "we", "I", "it's" — a sentence about us, not an answer. */
const SPEAKER =
  /^(?:(?:euh|bah|ben|alors|well|hmm|bon)[\s,]+)*(?:on|nous|je|j'|c'est|ca|cela|il|elle|we|we're|we've|i|i'm|i've|it|it's|that's|there's|they|they're)\b/;
/** Not now: said at the end (« …pour l'instant », "…yet"), or « encore », "still" after the speaker. */
const NOT_NOW_AT_END =
  /\b(?:encore|pour l'instant|pour le moment|en ce moment|actuellement|plus tard|bientot|prochainement|yet|for now|at the moment|right now|currently|later|soon|in progress|en cours)[\s.!…]*$/;
const STILL = /^\S+(?:\s+\S+){0,3}?\s+(?:encore|toujours|still|en train de|busy)\b/;
/** Still being done, said first: "still drafting it", « toujours en train de le rédiger », « encore en cours ». */
const STILL_DOING =
  /^(?:(?:we're|we are|i'm|i am|on est|je suis|c'est|it's)\s+)?(?:still|toujours|encore)\s+(?:\w+ing\b|en train\b|en cours\b|a (?:l'|la )?(?:etude|reflexion)\b)/;
/** Not yet, anywhere: « pas encore », "yet", "so far". */
const NOT_YET = /\b(?:pas encore|not yet|yet|so far|pour l'instant|pour le moment|encore)\b/;
/** Looking for the answer still: asking around, searching, contacting. */
const SEARCHING =
  /\b(?:cherch\w*|recherch\w*|demand\w*|sollicit\w*|contact\w*|prospect\w*|ask\w*|look\w*|search\w*|reach\w* out)\b/;
/** « aucun pour le moment », "none yet": at a free-text step (the partners) that is an answer. */
const NONE = /\b(?:aucune?s?|none|personne|nobody|no one|rien|nothing|seule?s?|alone)\b/;

/**
 * A sentence about the answer rather than the answer, at a free-text step: « on en cherche encore », « on le
 * rédige en ce moment », « on n'a pas vraiment décidé », « on n'a pas de nom pour l'instant », « c'est confidentiel pour le moment », "we're
 * still writing it". It speaks of us and of not now, in a few words, names nothing (no capital inside, no
 * number) and is not « aucun pour le moment ».
 */
export function speaksOfTheAnswer(text: string): boolean {
  // "we don't have a proper name yet, just a WhatsApp group": what follows « juste », "just" is no answer either.
  const [said, only] = text
    .trim()
    .split(/\s*[,;]\s*(?=(?:just|only|juste|seulement|simplement|rien que)\s)/i);
  if (only !== undefined && said) return speaksOfTheAnswer(said);
  const trimmed = text.trim();
  const typed = normalize(trimmed);
  const words = typed.split(' ');
  if (words.length > 10 || /\d/.test(typed)) return false;
  if (/\s\p{Lu}/u.test(trimmed.replace(/^\S+/, '').replace(/\s(?:I|I'm|I've|I'd|I'll)\b/g, ' ')))
    return false;
  // "still drafting it with the team", « toujours en train de l'écrire »: still being done.
  if (STILL_DOING.test(typed)) return true;
  // "nobody confirmed yet, maybe the library": nothing sure yet, only a guess beside it.
  if (NOT_YET.test(typed) && DOUBT.test(typed)) return true;
  // « aucun pour le moment » is an answer; "none yet, we're asking around" says the search goes on.
  if (NONE.test(typed)) return NOT_YET.test(typed) && SEARCHING.test(typed);
  // « on n'a pas vraiment décidé », "we haven't decided": us, a negation and a word of knowing, in a few words.
  const notKnown = words.length <= 6 && NEGATION.test(typed) && KNOWING.test(typed);
  return SPEAKER.test(typed) && (NOT_NOW_AT_END.test(typed) || STILL.test(typed) || notKnown);
}

/**
 * Doubt said beside a value: « peut-être 200 », "200, not sure", « 200 je crois, enfin je sais pas », and any
 * belief said in the first person (« un CCAS, donc établissement public je suppose », "I reckon 80").
 */
const DOUBT =
  /\b(?:peut-etre|peut etre|sans doute|probablement|maybe|perhaps|probably|je (?:pense|crois|suppose|presume)|j'imagine|j'suppose|i (?:believe|reckon|assume)|a confirmer|a verifier|i think|i guess|i suppose|to be confirmed|tbc|pas sure?|pas certaine?|not sure|unsure|je (?:ne )?sais pas|sais pas|jsp|i don't know|dunno|no idea|aucune idee|ou pas|or not|enfin je crois|je crois pas|(?:on |nous )?attend(?:ons)? (?:encore )?(?:la |une |leur |sa )?(?:confirmation|validation|reponse)|waiting (?:for|on) (?:the |a |their )?(?:confirmation|approval|answer|reply)|pas (?:encore )?confirmee?s?|not (?:yet )?confirmed|sous reserve)\b/;

/** Whether a message holds back the value it gives (« peut-être 200 »): asked to be confirmed, not stored. */
export function doubtsItsValue(text: string): boolean {
  return DOUBT.test(normalize(text));
}

/** Said first with a doubt, then taken back after « mais », "but": « sans doute hybride mais rien n'est calé ». */
const LIKELY_FIRST =
  /^\s*(?:sans doute|probablement|a priori|peut-etre|surement|probably|likely|maybe|perhaps|most likely)\b/;

/**
 * The value part of a doubted answer whose doubt follows « mais », "but" (« hybride » of « sans doute
 * hybride mais rien n'est calé »), without its doubt, to be asked back with that value; undefined otherwise.
 */
export function valueBeforeDoubt(text: string): string | undefined {
  const typed = normalize(text);
  const but = /\s*,?\s*\b(?:mais|but)\b/.exec(typed);
  if (!but) return undefined;
  const likely = LIKELY_FIRST.exec(typed);
  // « sans doute » would read as « sans » (without) the option: the value alone is read.
  if (likely) return typed.slice(likely[0].length, but.index).trim();
  // « en présentiel je pense, mais rien n'est sûr », "hybrid I think, but nothing is booked": the doubt inside.
  const before = typed.slice(0, but.index);
  return DOUBT_INSIDE.test(before) ? before.replace(DOUBT_INSIDE_ALL, ' ').trim() : undefined;
}

/** Words of doubt said beside a value, before « mais », "but". */
const DOUBT_INSIDE =
  /\b(?:je pense|je crois|j'imagine|probablement|surement|i think|i guess|i suppose|probably|likely)\b/;
const DOUBT_INSIDE_ALL = new RegExp(DOUBT_INSIDE.source, 'g');

/** Words of checking or deciding still to come: « je dois vérifier », "I'd have to ask", "nothing official". */
const TO_CHECK =
  /\b(?:verifi\w*|check\w*|ask|demander|parl\w*|talk\w*|discut\w*|discuss\w*|confirm\w*|valid\w*|approv\w*|vot\w*|decid\w*|official|officiel\w*|sign\w*|sure?|certaine?|know|sais)\b/;

/**
 * A yes or no taken back by what follows « mais », "but" (« a priori oui mais je dois en parler au bureau », "I
 * don't think so, but I'd have to ask", "probably, but nothing official yet"): not an answer yet. « oui mais on
 * n'a pas encore le nom » is still a yes.
 */
export function takenBackAfterBut(text: string): boolean {
  const after = /\b(?:mais|but|sauf que|though|except)\b(.*)$/.exec(normalize(text))?.[1];
  return after !== undefined && !/\d/.test(after) && TO_CHECK.test(after);
}

/** Not yet made official: « pas encore officiellement », "not formally yet", "not signed yet". */
const NOT_YET_FORMAL =
  /\b(?:pas encore|not yet)\s+(?:(?:tout a fait|vraiment|completement|fully|really)\s+)?(?:officiel\w*|formel\w*|official\w*|formal\w*|sign\w*|acte\w*|valid\w*|confirm\w*|finalis\w*|finaliz\w*)|\b(?:not (?:officially|formally)|pas (?:officiellement|formellement)) (?:yet|encore)\b/;

/**
 * A « pas encore » that speaks of the form, not of the thing (« pas encore officiellement, on a une lettre
 * d'intention »): under way, not a no.
 */
export function notYetFormally(text: string): boolean {
  return NOT_YET_FORMAL.test(normalize(text));
}

/** Not now, as a time (« pas encore », « pour l'instant », "not yet", "for now"): a no that may change. */
const FOR_NOW =
  /\b(?:pas encore|pas pour l'instant|pour l'instant|pour le moment|not yet|yet|for now|not for now|so far)\b/;
/** Something awaited or under way with someone: an answer, a meeting, a talk, a day. */
const AWAITED =
  /\b(?:attend\w*|waiting|rendez-vous|rdv|meeting|reunion|talking to|en discussion|discut\w* avec|demain|tomorrow|ce soir|tonight|bientot|soon)\b|\d/;

/**
 * A no put off rather than given: « pas encore lue, donc non pour l'instant », "not yet, I'll read it tonight" to a
 * commitment (`commitment`: "do you accept…?"), where not yet means not decided; to a question of fact (« la
 * collectivité soutient-elle ? »), a not yet is a no (« non pas encore », "no, none so far", "not yet, we're
 * looking for one") unless it says what is awaited (« pas encore, on a rendez-vous avec l'élu le 15 », "not yet,
 * we're still talking to them"). Either way a second clause says it: a bare « pas encore » stays a no.
 */
export function putOffForNow(text: string, commitment: boolean): boolean {
  const typed = normalize(text);
  if (!FOR_NOW.test(typed)) return false;
  const clauses = typed
    .split(/\s*(?:[,;:.!…]|\s[-–—]\s|\b(?:donc|so|mais|but|because|car|parce que)\b)\s*/)
    .filter((c) => /\w/.test(c));
  return clauses.length >= 2 && (commitment || AWAITED.test(typed));
}

/** A clause that is only a hedge: « je sais pas trop », "not sure", « bof », "hard to say". */
const HEDGE_ONLY =
  /^(?:(?:euh|heu|bah|ben|hmm+|bof|well|alors|bon|ok)[\s,]*)*(?:(?:je|j')?\s*(?:ne\s+)?sais\s+pas(?:\s+(?:trop|vraiment|encore|bien))?|jsp|chais pas|(?:je (?:ne )?suis )?pas (?:tres |trop )?(?:sure?|certaine?)(?: encore)?|(?:i'm |i am )?not (?:really |quite |too )?sure(?: yet)?|unsure|i don't (?:really )?know|dunno|no idea|aucune idee|difficile a dire|hard to say|bof|je dirais|i'd say|disons|let's say)(?:\s+(?:trop|encore|yet|really))?[\s.!…]*$/;
/** A doubt said inside a clause: « peut-être open data », "maybe cybersecurity", « la cybersécurité sans doute ». */
const DOUBT_IN_CLAUSE =
  /\b(?:peut-etre|peut etre|sans doute|probablement|eventuellement|possiblement|surement|pourquoi pas|a voir|je crois|je pense|maybe|perhaps|probably|possibly|potentially|why not|i think|i guess)\b/;
const DOUBT_WORDS = new RegExp(DOUBT_IN_CLAUSE.source, 'g');
/** Where a list of answers splits: commas, « et », "and", « ainsi que ». */
const LIST_BREAK = /\s*(?:[,;]\s*(?:(?:et|and|puis|then)\s+)?|\s(?:et|and|ainsi que|plus|as well as)\s)\s*/i;

/**
 * A list answer whose items are said with different certainty (« je sais pas trop, inclusion numérique et
 * peut-être open data »): the items said for sure, and those said with a doubt (their doubt words left out).
 * A clause that is only a hedge is left out: a hedge before a clear answer is not a non-answer. Undefined when
 * the message has no doubt in it, or says nothing besides its hedge.
 */
export function sureAndDoubted(text: string): { sure: string; doubted: string } | undefined {
  const sure: string[] = [];
  const doubted: string[] = [];
  let hedged = false;
  for (const clause of text.split(LIST_BREAK)) {
    const typed = normalize(clause).trim();
    if (typed === '') continue;
    const withoutDoubt = typed
      .replace(DOUBT_WORDS, ' ')
      .replace(/[\s?!.…]+/g, ' ')
      .trim();
    if (HEDGE_ONLY.test(typed) || withoutDoubt === '') hedged = true;
    else if (DOUBT_IN_CLAUSE.test(typed)) doubted.push(withoutDoubt);
    else sure.push(clause.trim());
  }
  if ((!hedged && doubted.length === 0) || sure.length + doubted.length === 0) return undefined;
  return { sure: sure.join(', '), doubted: doubted.join(', ') };
}

/** « ça dépend », "it depends", said first before what it depends on or what is asked. */
const DEPENDS = /^(?:ca|cela|tout|it|that)\s+depend\w*$/;

/**
 * A message without the hedge that opens it (« je sais pas, lequel est le plus financé ? », « ça dépend, vous
 * attendez quoi exactement ? »): what follows, or the message itself when no hedge opens it.
 */
export function withoutHedge(text: string): string {
  const comma = /[,;:]/.exec(text);
  if (!comma) return text;
  const first = normalize(text.slice(0, comma.index)).trim();
  const rest = text.slice(comma.index + 1).trim();
  return rest !== '' && (HEDGE_ONLY.test(first) || DEPENDS.test(first)) ? rest : text;
}

/** « on hésite entre accessibilité et inclusion », "torn between X and Y", "can't decide between": not yet a choice. */
const BETWEEN =
  /\b(?:hesit\w*|balanc\w*|torn|undecided|(?:can't|cannot|couldn't) (?:decide|choose)|not sure|pas sure?s?|partag\w*)\s+(?:encore\s+|still\s+)?(?:entre|between)\b/;

/** Whether a clause says its value with a doubt (« probablement hybride », "maybe online", « on hésite entre… »). */
export function doubtsInClause(text: string): boolean {
  const typed = normalize(text);
  return DOUBT_IN_CLAUSE.test(typed) || BETWEEN.test(typed);
}

/** Whether a message hesitates between what it names: the options named are candidates, not the answer. */
export function hesitatesBetween(text: string): boolean {
  return BETWEEN.test(normalize(text));
}
