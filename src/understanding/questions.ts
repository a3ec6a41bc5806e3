/**
 * Whether a message at a step is a question rather than an answer, however it is typed (« c quoi », « pk »,
 * no question mark): framed as one, puzzled (« hein ? », "what do you mean"), asking how to answer, whether
 * the step takes several options, or which. What a question is about is `question-topic.ts`.
 */
import { normalize } from '../core/text.ts';
import { contentWords } from './words.ts';

const QUESTION_START =
  /^(comment|pourquoi|pk |pq |pkoi |quand|qu'est-ce|qu'est ce|quel(?:le)?s?\b|combien|est-ce|ou |qui |que (?!du |des |de l|de la |en |sur )|quoi|puis-je|peut-on|peux-je|faut-il|dois-je|doit-on|c'est quoi|ca veut dire|ca engage|ca sert|il faut|(?:how|what|when|why|where|who|which)\b(?!ever)|can |could |would |will |shall |is |are |do |does |did |should |must )/;

/**
 * The normalised text with chat spellings of question words written out (« c quoi », « c koi », « kesako »,
 * « kel », « pk »): the question is read the same however it is typed.
 */
export function asQuestionTyped(text: string): string {
  return normalize(text)
    .replace(/\bkoi\b/g, 'quoi')
    .replace(/\bke(?=l(?:le)?s?\b)/g, 'que')
    .replace(/\b(?:kesako|kezako|quesaco|quezaco)\b/g, "c'est quoi")
    .replace(/^(?:c|cest|c est|ces)\s+(?=quoi\b)/, "c'est ")
    .replace(/\b(?:c|cest|c est)\s+(?=quoi\b)/g, "c'est ")
    .replace(/\bwat\b/g, 'what')
    .replace(/\bu\b/g, 'you');
}

/** A text that reads as a question rather than an answer. */
export function readsAsQuestion(text: string): boolean {
  const typed = asQuestionTyped(text);
  return typed.endsWith('?') || QUESTION_START.test(typed);
}

/**
 * The words that frame a question rather than say what it is about (« c'est quoi », « que faut-il mettre »,
 * "what do you mean by", « est-ce obligatoire ») and words pointing at the question being asked (« ça »,
 * « ici », "this"): what is left is the question's subject.
 */
export const QUESTION_FRAME = new Set(
  (
    'quoi quel quelle quels quelles lequel laquelle lesquels lesquelles comment pourquoi combien quand ou qui que qu ' +
    'est ce ca cela ceci ici la exactement exact vraiment faut faudrait il elle dois doit doivent peut peux puis ' +
    'pouvons pouvez peuvent pourrait pourrais mettre mets met ecrire ecrit repondre reponse indiquer donner ' +
    'choisir prendre demande demandez demander demandes veut veux voulez dire signifie entendez entend entendu ' +
    'entends sert servir engage engager question questions possible possibles choix option options proposes ' +
    'proposez propose exemple exemples difference differences entre obligatoire obligatoires facultatif ' +
    'necessaire besoin sens type types sorte sortes genre genres plusieurs seul seule compte comptes faire fait ' +
    'vous me moi nous je tu on ai avez a sais savoir voir depuis quoi bien mieux plus moins precisement ' +
    'what which who whom whose where when why how much many does do did is are was were can could may might ' +
    'should must shall will would need needed mean means meant meaning matter matters asking ask asked this that ' +
    'these those here there put write answer enter say give pick choose select kind kinds sort sorts type types ' +
    'example examples difference between required mandatory optional several one ones you me us exactly ' +
    'really about count counts from whats as like know ce cet cette ces ' +
    // What a question says of the answer rather than what it is about: having, including, counting, yet.
    'avoir avons ont aura inclure inclut inclus incluse compris comprend comprendre compter comptent ' +
    'prevoir prevu encore deja pas non ne sinon alors hein pardon ' +
    'have has had got include includes including included counted yet already not dont if else then ' +
    'don doesn didn isn aren wasn won haven hasn ' +
    // How much or how exactly to answer: « combien de mots max », « faut détailler beaucoup ? », "the full
    // official name", "where can I read it before I say yes?".
    'pk pq pkoi maximum max minimum min most least mots words long longueur detailler detail details detailed beaucoup ' +
    'juste quelques full official officiel officielle complet complete exact exacte pick lire read before avant ' +
    // « combien de lignes à peu près ? », "how many sentences roughly?": the answer's length, not a subject.
    'lignes ligne lines line phrases phrase sentences sentence paragraphe paragraph peu pres environ roughly ' +
    'mets mettre met mette mettes put ecrive reponde indique ' +
    // Politeness around a question says nothing of its subject.
    'sorry desole desolee excuse excusez please svp stp merci thanks hello bonjour all'
  ).split(' '),
);

/** « hein ? », « pardon ? », « je ne comprends pas la question », "I don't understand": the step explained. */
const PUZZLED =
  /^(?:(?:euh|heu|hmm|desole|desolee|sorry|pardon)[\s,.!]+)*(?:hein|pardon|comment|quoi|what|sorry|huh|c'est-a-dire|c'est a dire|(?:je|j')\s*(?:n'ai|ai)\s+pas\s+(?:bien\s+|tres bien\s+|trop\s+|vraiment\s+)?compris|(?:je|j')\s*(?:ne\s+|n')?comprends\s+rien(?:\s+a\s+(?:votre|ce|cette|la)\s+\w+)?|(?:i|we)\s+(?:didn'?t|did\s+not)\s+(?:understand|get\s+(?:it|that))|(?:je|j')\s*(?:ne\s+|n')?(?:comprends|saisis|vois)\s+pas(?:\s+(?:bien|trop|tres bien|vraiment))?(?:\s+(?:la|votre|cette)\s+question|\s+ce\s+que\s+vous\s+(?:voulez|demandez|attendez)(?:\s+dire)?)?|(?:i|we)\s+(?:don'?t|do\s+not)\s+(?:understand|get\s+it|follow)(?:\s+(?:the|your|this)\s+question)?|what\s+do\s+you\s+mean)[\s?!.…]*$/;

/**
 * Asking how to answer, in words rather than with a question mark: « donnez-moi un exemple », « un exemple
 * svp », « vous pouvez m'expliquer ce que vous attendez », « je comprends pas ce qu'il faut mettre », "what do
 * you need here", "can you give me an example", "explain please".
 */
const ASKS_HOW =
  /^(?:(?:euh|heu|hmm|desole|desolee|sorry|pardon|ok|bon)[\s,.!]+)*(?:(?:donnez|donne|montrez|montre)(?:-moi| moi)?\s+(?:un|des)\s+exemples?|(?:un|des)\s+exemples?(?:\s+(?:svp|stp|s'il vous plait|please))?|(?:vous pouvez|pouvez-vous|tu peux|peux-tu)\s+(?:m'|me\s+)?(?:expliquer|preciser|aider|donner un exemple)\b.*|expliquez(?:-moi| moi)?\b.*|(?:je|j')\s*(?:ne\s+|n')?(?:comprends|sais|vois)\s+pas\s+(?:ce\s+qu'il\s+faut|quoi)\s+(?:mettre|ecrire|repondre|indiquer|dire)\b.*|what\s+(?:do\s+you\s+need|should\s+i\s+(?:put|write|say)|are\s+you\s+(?:asking|looking\s+for))(?:\s+here)?|(?:can|could)\s+you\s+(?:give\s+(?:me\s+)?an\s+example|explain|help)\b.*|(?:an\s+)?example(?:\s+please)?|explain(?:\s+please)?)[\s?!.…]*$/;

/** Whether a message says the person does not understand what is asked, or asks how to answer. */
export function isPuzzled(text: string): boolean {
  const typed = asQuestionTyped(text);
  return PUZZLED.test(typed) || ASKS_HOW.test(typed);
}

/**
 * A question without its question mark at a free-text step (« c'est quoi un NEC local », « pourquoi vous avez
 * besoin du nom », "why do you need that"): framed as one, in a few words. An answer opening on « comment » or
 * « quand » is not taken for one (« Quand les habitants s'entraident… »).
 */
export function asksWithoutMark(text: string): boolean {
  const typed = asQuestionTyped(text);
  return (
    typed.split(' ').length <= 12 &&
    /^(?:c'est quoi|qu'est-ce|qu'est ce|pourquoi|pk |pq |pkoi |est-ce que|est ce que|puis-je|peut-on|dois-je|faut-il|a quoi|ca veut dire|ca sert|what(?:'s| is| are| do| does| should)|why|how (?:do|does|can|should|much|many)|can you|could you|do you|does it|should i|is it|is this)\b/.test(
      typed,
    )
  );
}

/** Whether a message opens as a question does (« comment… », « combien… », "what…", "can…"). */
export function opensAsQuestion(text: string): boolean {
  return QUESTION_START.test(asQuestionTyped(text));
}

/**
 * « on peut aller aux deux ? », « je peux en mettre plusieurs ? », "can I pick more than one?": whether the
 * step takes more than one of its options — asked of the step, never an answer naming them.
 */
const ASKS_IF_SEVERAL =
  /^(?:(?:et|mais|and|but|so)\s+)?(?:(?:on|je|nous)\s+(?:peut|peux|pouvons|pourrait|pourrais|a le droit|ai le droit)|peut-on|puis-je|(?:can|could|may)\s+(?:i|we))\b.*\b(?:deux|plusieurs|tous|toutes|both|several|all|more than one)\b.*\?$/;

/** Whether a question asks whether the step takes several of its options. */
export function asksIfSeveral(text: string): boolean {
  return ASKS_IF_SEVERAL.test(asQuestionTyped(text).trim());
}

/** Which of the options, or what they are: « lequel vous conseillez ? », "what are the options again?". */
const WHICH_OPTION =
  /\b(?:lequel|laquelle|lesquels|lesquelles|quelles? (?:sont les )?(?:options|choix|possibilites)|les (?:options|choix|possibilites)|which one|which ones|(?:what|which) (?:are )?(?:the )?(?:options|choices)|the options)\b/;

/** Whether a question asks which of a step's options to give, or what they are. */
export function asksWhichOption(text: string): boolean {
  return WHICH_OPTION.test(asQuestionTyped(text));
}

/**
 * Whether a text is framed as a question (« c'est quoi… », « combien… », "what do you mean…"), rather than
 * an answer ending in a question mark ("online or hybrid?", « 200 ? »).
 */
export function isFramedQuestion(text: string): boolean {
  const typed = asQuestionTyped(text);
  // « un syndicat mixte c'est une collectivité ou une autre structure ? »: asked of the answer, not one.
  if (/\b(?:c'est|est-ce|is it|is that|ca rentre|rentre)\b.*\b(?:ou|or)\b.*\?$/.test(typed)) return true;
  return QUESTION_START.test(typed) || contentWords(typed).some((w) => QUESTION_FRAME.has(w));
}
