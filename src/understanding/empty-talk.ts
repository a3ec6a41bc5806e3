/**
 * Messages at a step that say nothing to keep: a sound while thinking (« euh », "hmm"), a bare yes, a thank-you
 * or a filler at a free-text step (« oui bien sûr », « ok merci », « 👍 »). « aucun » is an answer.
 */
import { normalize } from '../core/text.ts';
import { yesNoIn } from './yes-no.ts';

/** « euh », « hmm », « bah »: a sound while thinking, not an answer. */
export function isHesitation(text: string): boolean {
  return /^(?:euh+|heu+|hum+|hmm+|bah|ben|bof|hein|uh+|um+|erm)[\s.!…]*$/.test(normalize(text));
}

/** Words that answer nothing a free-text step asks: thanks, greetings, approval, sounds while thinking. */
const EMPTY_WORDS = new Set(
  (
    'merci thanks thank you super parfait genial cool top voila bon bien entendu note compris bonjour salut ' +
    'hello hi hey coucou please svp stp ok okay dac euh heu hmm hum bah ben bof uh um erm eh ah oh ' +
    // « merci beaucoup pour votre aide », « re bonjour », "thanks a lot", "hello again", « bonne journée ».
    'beaucoup bcp infiniment mille re rebonjour bonsoir again there lot much so very tres pour votre ton ' +
    'aide help your for the a all tous everyone nice great awesome bonne journee soiree day alright ' +
    "d'accord dacc daccord entendu nickel impeccable excellent yes oui yep ouais tout thx thnx ty tks mrc mci " +
    // « merci, ça m'aide », "thanks, that helps", « c'est clair », "that makes sense".
    "that it helps helped helpful utile clair clear makes sense ca m'aide c'est"
  ).split(' '),
);
/** « aucun », "none": at a free-text step (the partners), that is an answer. */
const NONE_WORDS = /\b(?:aucune?s?|none|personne|rien|nothing|nobody|no one|neant|pas de)\b/;

/**
 * A bare yes or no, a thank-you or a filler (« oui bien sûr », « ok merci », « non », "yes sure", « 👍 »): at a
 * free-text step it gives nothing to keep, so it is asked again rather than stored. « aucun » is an answer.
 */
export function saysNothing(text: string): boolean {
  const typed = normalize(text);
  if (NONE_WORDS.test(typed)) return false;
  const rest = yesNoIn(text)?.rest ?? text;
  return normalize(rest)
    .split(/[^\p{L}\p{N}']+/u)
    .every((w) => w === '' || EMPTY_WORDS.has(w));
}
