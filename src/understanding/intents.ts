/**
 * What a message at a step is, besides an answer: a sound while thinking, a bare yes at a free-text step, a
 * question, a correction of the previous answer, a request to change another one ("I do not know yet" is
 * `not-yet.ts`). Phrase patterns in French and English, on normalised
 * text; each returns what the rest of the dialog needs (the correcting value, the words naming the step).
 */
import { normalize } from '../core/text.ts';
import { contentWords, wordMatch } from './words.ts';
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
const QUESTION_FRAME = new Set(
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
    'pk pq pkoi maximum max minimum min most least mots words long longueur detailler detail details beaucoup ' +
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

/**
 * Whether a text is framed as a question (« c'est quoi… », « combien… », "what do you mean…"), rather than
 * an answer ending in a question mark ("online or hybrid?", « 200 ? »).
 */
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

export function isFramedQuestion(text: string): boolean {
  const typed = asQuestionTyped(text);
  // « un syndicat mixte c'est une collectivité ou une autre structure ? »: asked of the answer, not one.
  if (/\b(?:c'est|est-ce|is it|is that|ca rentre|rentre)\b.*\b(?:ou|or)\b.*\?$/.test(typed)) return true;
  return QUESTION_START.test(typed) || contentWords(typed).some((w) => QUESTION_FRAME.has(w));
}

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

const EDIT_VERB =
  "(?:modifier|modif|changer|corriger|rectifier|revoir|reprendre|mettre a jour|revenir (?:sur|a)|retourner (?:sur|a)|retour (?:sur|a)|edit|change|correct|fix|update|amend|modify|alter|redo|rewrite|go back to|back to|return to|revisit|(?:(?:je|j'|on|nous)\\s*)?(?:modifie|modifions|change|changeons|corrige|corrigeons|rectifie|rectifions|revois|reprends|reprenons|mets a jour|reviens (?:sur|a)|revenons (?:sur|a)|retourne (?:sur|a)))";
/** « attendez, », "hang on,", « pardon, »: words before an edit that only stop the dialog. */
const EDIT_LEAD =
  '(?:(?:attendez|attends|wait|hang on|hold on|one sec|pardon|sorry|desolee?|euh|heu|oh|ah|ok|okay|bon|alors|oups|oops)[\\s,.!]+)*';
const EDIT = new RegExp(
  `^${EDIT_LEAD}(?:(?:je|j'|nous|on)\\s*(?:voudrais|veux|souhaite|souhaitons|aimerais|aimerions|voudrions|peux|pourrais|dois)\\s+|(?:est-ce que|est ce que)?\\s*(?:je peux|on peut|puis-je|peut-on|pouvons-nous|pourrait-on)\\s+|(?:(?:i|we)(?:'d| would)? )?(?:like to|want to|need to|have to)\\s+|(?:il )?(?:faut|faudrait|faudra) (?:que (?:je|j'|on|nous) )?(?:que je )?|(?:can|could|may) (?:i|we)\\s+|let me\\s+|please\\s+|merci de\\s+)?${EDIT_VERB}\\s+(?<what>.+?)[\\s?!.]*$`,
  'd',
);
const MISTAKE =
  /^(?:je me suis (?:trompee?|plantee?|gouree?)|on s'est (?:trompes?|plantes?)|nous nous sommes trompes|i made a mistake|i got|erreur|mistake) (?:sur|dans|de|on|in|with|pour|for|wrong) (?<what>.+?)[\s?!.]*$/d;
/** « wrong organisation name, let me fix it », « mauvaise date »: what is wrong, named first. */
const WRONG_FIRST =
  /^(?:(?:the|la|le|l')\s*)?(?:wrong|mauvaise?|incorrect|faux|fausse)\s+(?<what>[^,;.!?]+?)(?:\s*[,;.!]\s*(?:let me|i'?ll|je vais|je veux|je voudrais|to)?\s*(?:fix|correct|change|corriger|modifier|changer)\w*(?:\s+(?:it|that|ca|la|le))?)?[\s.!]*$/d;
const WRONG =
  /^(?<what>.+?) (?:n'est pas (?:bon|bonne|correct|correcte|juste)|est (?:faux|fausse|errone|erronee|incorrect|incorrecte)|(?:is|are) (?:wrong|incorrect|not right)|(?:was|were) wrong|(?:isn't|aren't) right|(?:ne )?sont pas (?:bons|bonnes|correct(?:e)?s|justes)|sont (?:faux|fausses|errone(?:e)?s|incorrect(?:e)?s))\b/d;

/**
 * « modifier la date », « je voudrais changer le format », « je reviens sur les thèmes », « je me suis trompé
 * de date », "the budget is wrong": the words naming the step (and maybe its new value, « je rectifie les
 * thèmes : inclusion »), as typed.
 */
export function editRequestIn(text: string): string | undefined {
  const typed = normalize(text);
  const found = (EDIT.exec(typed) ?? MISTAKE.exec(typed) ?? WRONG.exec(typed) ?? WRONG_FIRST.exec(typed))
    ?.indices?.groups?.what;
  if (!found) return undefined;
  // « ma réponse sur la première participation », "my answer about the date": the step is what follows.
  const answer =
    /^(?:(?:ma|la|notre|mon|my|the|our) )?(?:reponse|answer|choix|choice)s? (?:sur|a|au|pour|de|du|about|to|for|on|regarding) /.exec(
      typed.slice(found[0], found[1]),
    );
  const at: [number, number] = [found[0] + (answer?.[0].length ?? 0), found[1]];
  // The normalised text keeps the typed one's length once its spaces are single: the words as typed.
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length === typed.length ? flat.slice(at[0], at[1]) : typed.slice(at[0], at[1]);
}

const BARE_EDIT = new RegExp(`^${EDIT_VERB}[\\s?!.]*$`);

/** A lone edit verb (« modifier », "change"): the person is asked which answer. */
export function isBareEdit(text: string): boolean {
  return BARE_EDIT.test(normalize(text));
}

const PROGRESS = new RegExp(
  `^(?:(?:et|alors|bon|donc|du coup|so|ok|okay|and)[\\s,]+)?(?:${[
    '(?:on|nous) en (?:est|sommes|etait|etions) ou',
    'ou (?:on|nous) en (?:est|sommes|etait|etions)',
    "ou en (?:est-on|est on|sommes-nous|sommes nous|etait-on|etions-nous|suis-je|suis je|etais-je|est-ce qu'on en est)",
    "ou (?:j'en|j en) (?:suis|etais)",
    "(?:j'en|je) suis ou",
    'ou en est (?:ma|la|notre|mon|le) (?:candidature|dossier|demande)',
    "(?:on en est|j'en suis|nous en sommes) a quelle etape",
    "(?:a )?quelle etape (?:on en est|sommes-nous|en suis-je|j'en suis|suis-je)",
    "(?:il )?(?:me |nous )?reste(?:-t-il| t il)? combien (?:de questions|d'etapes|de temps)",
    "combien (?:de questions|d'etapes|de questions encore) (?:(?:il )?(?:me |nous )?reste(?:nt)?|encore)",
    "(?:qu'est-ce qui|qu'est ce qui|ce qui) (?:reste|manque)(?: encore)?",
    'que (?:reste|manque)-t-il(?: encore)?',
    'where (?:are we|am i|do we stand|do i stand)(?: at)?',
    'how far (?:along )?(?:are we|am i)',
    'how many (?:more )?(?:questions|steps)(?: are)? left',
    "what(?:'s| is) (?:left|missing|still missing)",
    '(?:montre|montrez|affiche|affichez|voir|revoir|recap(?:itule)?|show|see|review)(?:-moi|-nous| moi| nous| me| us)? (?:mes|nos|les|my|our|the) (?:reponses|answers)(?: (?:donnees|so far|given))?',
    "(?:qu'est-ce que|qu'est ce que) (?:j'ai|on a|nous avons) (?:deja )?(?:repondu|dit|donne)",
    'what (?:did|have) (?:i|we) (?:answered|answer|said|say|given|give)(?: so far)?',
    'progress',
  ].join(
    '|',
  )})(?:\\s+(?:exactement|maintenant|now|so far|alors|du coup|(?:avec|dans) (?:ma|la|notre) candidature|with (?:my|the|our) application|(?:du|de mon|de notre) dossier|de (?:ma|la|notre) candidature))?[\\s?!.…]*$`,
);

/** What is still to give: « il me manque quoi », "what's still missing", « que reste-t-il à remplir ». */
const STILL_TO_GIVE =
  /\b(?:manque|manquent|manquerait|reste|restent|resterait|missing|left|remaining|remains?|outstanding)\b/;
/** Words that say nothing but where (« dans mon dossier », "in my application", « à remplir »). */
const OF_THE_FILE = new Set(
  (
    'dossier dossiers candidature candidatures demande application applications file form formulaire etape ' +
    'etapes step steps question questions remplir completer fill finish complete terminer finir donner fournir ' +
    'still toujours encore faut manque manquent manquerait reste restent resterait missing left remaining ' +
    'remain remains outstanding chose choses thing things info infos information informations element elements'
  ).split(' '),
);

/**
 * « on en est où ? », « on en est ou », « il reste combien de questions ? », « qu'est-ce qui manque ? », « il me
 * manque quoi dans mon dossier ? », "what's still missing in my application?": the person asks how far the
 * application has come — its status, not the step's help nor the FAQ. Besides the fixed forms, any question
 * whose only subject is what is missing or left of the file.
 */
export function asksProgress(text: string): boolean {
  const typed = normalize(text);
  if (PROGRESS.test(typed)) return true;
  if (!readsAsQuestion(text) && !/^(?:il )?(?:me|nous) (?:manque|reste)/.test(typed)) return false;
  if (!STILL_TO_GIVE.test(typed)) return false;
  return contentWords(text).every((w) => OF_THE_FILE.has(w) || QUESTION_FRAME.has(w));
}
