/**
 * The talk around an answer, in French and English: the clauses at either end of a message that speak of the
 * person or of the conversation rather than of the step's subject — an apology or a greeting, a filler, the
 * person's own situation (« je suis dans le bus », "I'm at the doctor's", "my laptop just died"), a line meant for
 * a colleague (« @Julien tu peux regarder ça », « Karine tu peux me rappeler… »), a remark about the question or
 * the medium (« pas facile de répondre à ça », "the connection here is awful"), the answer put off (« je finis ce
 * soir », "will finish this later").
 *
 * Each clause is read by its form — who speaks (the typist's « je », "I", "my", not the organisation's « nous »,
 * "we"), to whom (« vous », "you", a name called), of what (the conversation, the difficulty of answering) — not
 * matched against whole phrases. Clauses are peeled off the ends only: the commas inside an answer (« la
 * médiathèque, Emmaüs Connect et le CCAS ») are never cut. What remains is the answer, if anything does; a message
 * of talk only is no answer at all, and nothing of it is stored.
 */
import { normalize } from '../core/text.ts';
import { chatKind } from './chat.ts';
import { asksWithoutMark, readsAsQuestion } from './questions.ts';

/** What a clause of talk is; `later` and `unsure` change what the step does (leave it for later, ask back). */
export type TalkKind = 'polite' | 'situation' | 'addressed' | 'remark' | 'later' | 'unsure';

export interface AroundTheAnswer {
  /** The kinds of the clauses peeled off, in order. */
  talk: TalkKind[];
  /** The message without them, as typed (empty when it was talk only). */
  rest: string;
}

// Word lists are kept only for closed classes of words, in both languages: a list of phrases would grow with
// every new wording, these do not.

/** Interjections and discourse fillers: words that carry no content of their own. */
const FILLERS = new Set(
  'euh heu hmm hmmm bon ok okay oh ah alors donc voila bah ben pff pfff ugh bref so well um uh er right'.split(
    ' ',
  ),
);
/** Greetings. */
const GREETINGS = new Set('bonjour bonsoir salut coucou re rebonjour hello hi hey'.split(' '));
/** The first word of an apology (thanks alone are no talk here: `saysNothing` reads them, at any step). */
const APOLOGY =
  /^(?:desolee?s?|pardon|excuse[sz]?(?:-moi)?|excusez|oups|oops|sorry|apologies|my bad|mea culpa)\b/;
/** The typist speaking of themself: the first person singular (the organisation speaks as « nous », "we"). */
const TYPIST = /(?:^|\s)(?:j'|m'|(?:je|j|moi|me|mon|ma|mes|i|i'm|im|i've|i'll|i'd|my|mine)(?=\s|$|[,.!?]))/;
/** Spoken to: the bot or a colleague. */
const ADDRESSEE =
  /(?:^|\s)(?:t'|(?:vous|votre|vos|tu|te|ton|ta|tes|toi|you|your|you're|you've|u)(?=\s|$|[,.!?]))/;
/**
 * A first person saying what they want or think, which may carry the answer (« je voudrais rapprocher… », "I'd
 * say 120"): never peeled as talk.
 */
const AIM_OR_VIEW =
  /(?:^|\s)(?:je|j'|i|i'd)\s*(?:veux|voudrais|souhaite\w*|aimerais|vise|propose\w*|dirais|pense|crois|want|would like|'d like|like to|would love|love|adorerais|aim|hope|propose|say|think|guess|reckon|believe|suppose|imagine|assume|presume)\b/;
/** Words that put the answer off to a later time. */
const LATER =
  /\b(?:plus tard|tout a l'heure|ce soir|demain|des que|(?<!d')apres (?:ma|mon|notre) \w+|je (?:finis|finirai|reviens|reviendrai|complete\w*|termine\w*)|later|tonight|tomorrow|as soon as|after (?:my|our) \w+|(?:will|'ll) (?:finish|do|complete|come back|get back|answer)|come back to)\b/;
/** The typist looking the answer up: « je vérifie », « je demande au gardien », "I'd have to ask", "let me check". */
const CHECKING =
  /\b(?:verifi\w*|demand(?:e|er)|regarde|retrouv\w*|cherch\w*|ask|check|checking|look(?:ing)? (?:it )?up)\b/;
/** The typist held back: a negation or an obligation (« je dois d'abord la lire », "I'd prefer not to share it"). */
const HELD_BACK =
  /\b(?:ne|n'|pas|not|don't|can't|cannot|haven't|dois|doit|faut|prefere|must|have to|need to|'d have to|prefer|d'abord|first)\b/;
/** Words of knowing or not knowing: such a clause is read by `not-yet.ts` and `unsure.ts`, never peeled here. */
const KNOWING =
  /\b(?:sai[st]|savons|know|knew|idee|idea|clue|sure|pas (?:tres |trop |vraiment )?sure?|certaine?|dunno|idk)\b/;
/** Words of not being clear yet. */
const UNCLEAR = /\b(?:flou|pas clair|on verra|unclear|not clear|we'll see|up in the air)\b/;
/** Words of the difficulty of answering. */
const DIFFICULT =
  /\b(?:difficile|dur|facile|simple|complique\w*|hard|easy|tricky|complicated|confusing|long)\b/;
/** Verbs of answering and explaining: what a remark on the difficulty speaks of. */
const ANSWERING =
  /\b(?:repondre|expliquer|decrire|resumer|nommer|formuler|answer\w*|explain\w*|describ\w*|sum\w* up|nam\w*|put\w* into words)\b/;
/** Verbs of saying or knowing the value: the difficulty of saying it is a doubt on the value. */
const SAYING = /\b(?:dire|savoir|estimer|say|tell|know|estimat\w*)\b/;
/** A question word: a clause asking something (« je dois mettre quoi exactement ») is a question, not talk. */
const ASKING = /\b(?:quoi|quel\w*|comment|combien|pourquoi|what|how|which|why|where)\b/;
/** A clause with no subject of its own but « ça », « c'est », "it", "that", "pas": a remark, not a thing named. */
const BARE_SUBJECT = /^(?:c'est|c est|ca|cela|it's|it is|that's|that is|this is|pas|not)\b/;
/** The words of the conversation's medium: the chat, its window, the device, the connection, the typing. */
const MEDIUM =
  /\b(?:bot|robot|chat|fenetre|window|message|formulaire|questionnaire|form|clavier|keyboard|ecran|screen|telephone|phone|portable|laptop|ordi|computer|batterie|battery|connexion|connection|reseau|signal|wifi|reception|capte|fautes|typos?)\b/;
/** What is said of the medium: its trouble, or a judgement on the bot. */
const JUDGED =
  /\b(?:mal|nul|horrible|terrible|awful|bad|wrong|faux|lent|slow|trop vite|too fast|plante|coupe|bug\w*|died|dead|dropping|drops|keeps|poli|polite|drole|funny|bizarre|weird|marrant|haha|lol)\b/;

const wordsOf = (clause: string): string[] => clause.split(/[\s,.!?;:…]+/).filter(Boolean);

/** A clause of fillers, greetings and laughs only. */
function fillerOnly(typed: string): boolean {
  const words = wordsOf(typed);
  return (
    words.length > 0 &&
    words.every((w) => FILLERS.has(w) || GREETINGS.has(w) || /^(?:lol|mdr|haha+|hihi|xd|btw)$/.test(w))
  );
}

/**
 * What kind of talk a clause is, if it is talk: read on the clause as typed (a capital inside names something,
 * a digit counts something: neither is talk, but for a line spoken to someone).
 */
export function talkKind(clause: string): TalkKind | undefined {
  const typed = normalize(clause);
  if (!typed) return undefined;
  const words = wordsOf(typed);
  if (
    /(?:^|\s)@\w/.test(clause) ||
    /^\p{Lu}\p{Ll}+,?\s+(?:tu|can you|could you|peux-tu)\b/u.test(clause.trim())
  )
    return 'addressed';
  if (fillerOnly(typed)) return 'polite';
  if (words.length > 14) return undefined;
  if (KNOWING.test(typed) || ASKING.test(typed)) return undefined;
  if (LATER.test(typed) && (TYPIST.test(typed) || !/\p{Lu}/u.test(clause.slice(1)))) return 'later';
  if ((CHECKING.test(typed) || HELD_BACK.test(typed)) && TYPIST.test(typed)) return 'later';
  // « une seconde », "hang on": a wait said as one clause of several (`chatKind` reads whole messages).
  if (chatKind(clause) === 'wait') return 'polite';
  if (UNCLEAR.test(typed) && words.length <= 6) return 'unsure';
  if (APOLOGY.test(typed)) return 'polite';
  const namesOrCounts =
    /\d/.test(typed) || /\s\p{Lu}/u.test(clause.trim().replace(/\s(?:I|I'm|I've|I'd|I'll)\b/g, ''));
  // « c'est écrit dans le dossier PDF que je vous ai envoyé »: spoken to the bot, whatever it names.
  if (ADDRESSEE.test(typed) && (TYPIST.test(typed) || /\b(?:deja|already|humain|human)\b/.test(typed)))
    return 'addressed';
  if (namesOrCounts) return undefined;
  if (
    MEDIUM.test(typed) &&
    (JUDGED.test(typed) || TYPIST.test(typed) || /\b(?:ce|cette|this|here|ici)\b/.test(typed))
  )
    return 'remark';
  // "hard to say at this point": a doubt on the value; « pas facile de répondre à ça », « c'est compliqué à
  // expliquer »: a remark on answering.
  if (DIFFICULT.test(typed) && words.length <= 8) {
    if (SAYING.test(typed)) return 'unsure';
    // « pfff pas simple »: the remark after its filler.
    const said = words
      .slice(
        Math.max(
          0,
          words.findIndex((w) => !FILLERS.has(w)),
        ),
      )
      .join(' ');
    if (ANSWERING.test(typed) || BARE_SUBJECT.test(said)) return 'remark';
  }
  // The typist as the clause's subject, in its first words (« tout le monde je suppose » speaks of others).
  const opening = words.slice(0, 3).join(' ');
  if (TYPIST.test(opening) && !AIM_OR_VIEW.test(typed) && words.length <= 10) return 'situation';
  return undefined;
}

/** Splits a message into clauses, keeping each one's text as typed (a comma inside a number is not a cut). */
function clausesOf(text: string): string[] {
  return text
    .split(/\s*(?:[.!?;:…]+(?=\s|$)|\s[-–—]\s|,(?!\d)|\s\(|\)\s)\s*/)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}

/**
 * Peels the talk off both ends of a message. `holdsAnswer` says whether a clause holds a value the step reads (a
 * « oui » at a yes/no step, a number at a count): such a clause is never peeled, whatever its form. A bare « pardon »
 * or "sorry" is peeled only before more talk: alone before a value it marks a correction (« pardon, c'est 180 »).
 */
export function aroundTheAnswer(
  text: string,
  holdsAnswer: (clause: string) => boolean = () => false,
): AroundTheAnswer {
  // A question ("where can I find it?", « coucou, vous êtes là ? ») is read whole, as one: the step's help or the FAQ.
  if ((readsAsQuestion(text) || asksWithoutMark(text)) && !/(?:^|\s)@\w/.test(text))
    return { talk: [], rest: text.trim() };
  const clauses = clausesOf(text);
  const kinds = clauses.map((c) => (holdsAnswer(c) ? undefined : talkKind(c)));
  const bare = (i: number) => /^(?:pardon|sorry|desolee?|oups|oops)$/.test(normalize(clauses[i] ?? ''));
  let start = 0;
  while (start < clauses.length && kinds[start] !== undefined) {
    if (bare(start) && start + 1 < clauses.length && kinds[start + 1] === undefined) break;
    start++;
  }
  let end = clauses.length;
  while (end > start && kinds[end - 1] !== undefined) end--;
  const talk = [...kinds.slice(0, start), ...kinds.slice(end)].filter((k): k is TalkKind => k !== undefined);
  if (talk.length === 0) return { talk, rest: text.trim() };
  const kept = clauses.slice(start, end);
  if (kept.length === 0) return { talk, rest: '' };
  // The rest as typed, from its first clause's start to its last clause's end.
  const from = text.indexOf(kept[0] as string);
  const last = kept[kept.length - 1] as string;
  const to = text.lastIndexOf(last) + last.length;
  return { talk, rest: from >= 0 && to > from ? text.slice(from, to).trim() : kept.join(', ') };
}
