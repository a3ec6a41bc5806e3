/**
 * What a message says to the bot rather than as an answer, in French and English: asking it to wait (« attendez »,
 * « un instant », "hold on, checking"), a remark about the conversation or the bot (« c'est long ce
 * questionnaire », "are you a bot?"), small talk, a pause, a person asked for, the next question asked for. Each
 * is a whole message of such words: « attendez, c'est 180 » is a correction, not a wait.
 */
import { normalize } from '../core/text.ts';

export type ChatKind = 'wait' | 'remark' | 'pause' | 'person' | 'next' | 'back';

const FILLER = String.raw`(?:(?:euh+|heu+|hmm+|bon|ok|okay|oh|ah|alors|well|um+|sorry|desole|desolee|pardon|bonjour|bonsoir|salut|re|rebonjour|hello|hi|hey|coucou)[\s,.!…]+)*`;
// A laugh or an emoji after the words changes nothing (« bonne question lol »).
const END = String.raw`(?:[\s,.!?…]+(?:lol|mdr|ptdr|haha+|hihi|xd|:\)|:-\)|😅|🙂|😂))?[\s,.!?…]*$`;
const whole = (patterns: string[]) => new RegExp(`^${FILLER}(?:${patterns.join('|')})${END}`);

/** Asking the bot to wait, or saying one is looking: « attendez », « une seconde, je cherche », "give me a minute". */
const WAIT = whole([
  String.raw`(?:attendez|attends|attendez-moi|patientez|patience)(?:\s+(?:un peu|une (?:seconde|minute|sec)|deux (?:secondes|minutes|sec)|un instant|un moment|svp|s'il vous plait))?(?:[\s,.!]+(?:je|j')\s*(?:cherche|regarde|verifie|reflechis|retrouve)\w*(?:\s+(?:l'info|ca|le nom|le chiffre|la date))?)?`,
  String.raw`(?:une|1|deux|2)\s+(?:seconde|secondes|sec|minute|minutes|min)(?:\s+(?:svp|s'il vous plait))?(?:[\s,.!]+(?:je|j')\s*(?:cherche|regarde|verifie|retrouve|reflechis)\w*(?:\s+\S+){0,4})?`,
  String.raw`un (?:instant|moment|petit moment|peu de patience)(?:\s+(?:svp|s'il vous plait))?`,
  String.raw`(?:je|j')\s*(?:cherche|regarde|reflechis|verifie)(?:\s+(?:l'info|ca|le nom|le chiffre|la date|deux secondes))?`,
  String.raw`je (?:reviens|reviendrai|suis la)(?:\s+(?:dans|en)\s+(?:\d+|cinq|deux|dix|quelques)\s+(?:minutes?|min|secondes?))?`,
  String.raw`(?:hold on|hang on|wait|one (?:sec|second|moment|minute)|just a (?:sec|second|moment|minute)|give me (?:a|one) (?:sec|second|moment|minute)|bear with me|let me think|let me see|thinking|brb|be right back)(?:\s+(?:a|one)\s+(?:sec|second|moment|minute))?(?:[\s,.!]+(?:please|checking|i'?m checking|looking|i'?m looking|let me (?:check|look|think)))?`,
  `(?:bonne question|good question|pas facile|difficile|tricky|hard one|pas simple)`,
]);

/** About the conversation or the bot itself: its length, its working, what it is. */
const REMARK = whole([
  String.raw`(?:c'est|c est|ca fait|que c'est)\s+(?:(?:un peu|tres|trop|vraiment|super|hyper)\s+)?(?:long|lent|complique|penible|fastidieux|relou|lourd)(?:\s+(?:ce|votre|ton)\s+(?:questionnaire|formulaire|dossier|truc|bot|machin))?`,
  String.raw`(?:encore|toujours)\s+(?:une|des)\s+questions?`,
  String.raw`(?:ca|cela|votre|ton|ce)\s*(?:\s+\w+)?\s+(?:ne\s+)?marche\s+pas(?:\s+(?:votre|ton|ce)\s+(?:truc|bot|machin|outil))?`,
  String.raw`(?:vous posez|tu poses|il y a|y a)\s+(?:beaucoup|trop|pas mal)\s+de\s+questions`,
  String.raw`(?:ce|votre|ton)\s+(?:bot|robot|truc|outil)\s+est\s+(?:nul|lent|penible|bizarre|genial|super|top)`,
  String.raw`(?:vous etes|tu es|t'es|es-tu|etes-vous)\s+(?:un|une)\s+(?:robot|bot|ia|humain|vraie personne|machine|intelligence artificielle)`,
  String.raw`(?:this|it)\s+(?:is|'s)\s+(?:taking\s+(?:forever|ages|so long)|(?:so\s+|too\s+|really\s+)?(?:long|slow|annoying|tedious|confusing))`,
  String.raw`(?:so|too)\s+many\s+questions|(?:another|more)\s+questions?`,
  String.raw`(?:are you|r u)\s+(?:a|an)\s+(?:bot|robot|ai|human|real person|machine)`,
  String.raw`(?:it|this)\s+(?:doesn't|does not|isn't|is not)\s+work(?:ing)?`,
  // Small talk.
  String.raw`(?:ca va|comment ca va|comment allez-vous|vous allez bien|how are you|how's it going|what's up|quoi de neuf|il fait (?:beau|chaud|froid|moche)(?:\s+aujourd'hui)?|nice weather(?:\s+today)?)`,
  String.raw`(?:lol|mdr|ptdr|haha+|hihi|xd|:\)|:-\))`,
  `(?:whatever|peu importe|n'importe|osef|je m'en fiche|c'est une blague|you're kidding|are you kidding(?: me)?)`,
  `(?:who|what) am i (?:talking|speaking) to|who are you|qui etes-vous|vous etes qui|tu es qui|t'es qui|a qui je parle`,
]);

/** Back after a while: « je reprends ma candidature », « me revoilà », "I'm back", "let's continue". */
const BACK = whole([
  String.raw`(?:je|on|nous)\s+(?:reprends|reprend|reprenons|continue|continuons|poursuis|poursuivons)(?:\s+(?:ma|la|notre)\s+(?:candidature|demande|dossier))?`,
  String.raw`(?:me|nous)\s+(?:revoila|voila)|c'est (?:encore )?(?:moi|nous)|de retour|je suis de retour|on reprend|reprenons`,
  String.raw`(?:i'?m|we'?re)\s+back|back again|(?:let's|let us)\s+(?:continue|carry on|resume)|(?:continuing|resuming)(?:\s+(?:my|our|the)\s+application)?`,
]);

/** A pause asked for: « on fait une pause », « on reprend plus tard », "let's take a break". */
const PAUSE = whole([
  String.raw`(?:on|nous)\s+(?:fait|fais|faisons|fera|prend|prends)\s+une\s+(?:petite\s+)?pause`,
  String.raw`(?:petite\s+)?pause(?:\s+(?:svp|s'il vous plait))?`,
  String.raw`(?:on|nous|je)\s+(?:reprend|reprendra|reprendrai|reprenons|continue|continuera|continuerai)\s+(?:plus tard|demain|la semaine prochaine|apres|tout a l'heure)`,
  String.raw`(?:on|nous)\s+(?:s'arrete|arrete|arretons)\s+(?:la|ici)(?:\s+pour\s+(?:aujourd'hui|l'instant|le moment))?`,
  String.raw`(?:let's|let us|can we|could we)\s+(?:take a (?:short )?break|pause|stop here|(?:continue|finish|resume) (?:later|tomorrow|another time|next week)|pick (?:this|it) up (?:later|tomorrow))(?:\s+(?:for now|for today))?`,
  String.raw`(?:i'?ll|we'?ll)\s+(?:continue|finish|pick (?:this|it) up)\s+later`,
]);

/** A person asked for: « je veux parler à un humain », « parler à quelqu un », "can I talk to a human". */
const PERSON = whole([
  String.raw`(?:(?:je\s+(?:veux|voudrais|souhaite|souhaiterais|aimerais)|puis-je|est-ce que je peux|je peux|on peut)\s+)?(?:parler|discuter|echanger)\s+(?:a|avec)\s+(?:un|une|quelqu'un|quelqu un|quelquun|une vraie|un vrai)(?:\s+(?:humain|personne|conseiller|conseillere|vraie personne|de l'equipe))?(?:\s+(?:svp|stp|s'il vous plait))?`,
  String.raw`(?:(?:je\s+(?:veux|voudrais|souhaite|aimerais)|j'aimerais avoir)\s+)?(?:un|une)\s+(?:humain|vraie personne|conseiller|conseillere)(?:\s+(?:svp|stp|s'il vous plait))?`,
  String.raw`(?:(?:can|could|may)\s+i\s+|i\s+(?:want|would like|'d like|need)\s+to\s+)?(?:talk|speak)\s+(?:to|with)\s+(?:a|an|someone|somebody)(?:\s+(?:human|real person|person|advisor))?(?:\s+please)?`,
  String.raw`i\s+(?:want|need|would like|'d like)\s+(?:a|an)\s+(?:human|real person|person)(?:\s+please)?`,
]);

/** The next question asked for: « question suivante », "next question", « on passe à la suite ». */
const NEXT = whole([
  String.raw`(?:question\s+)?suivante?|(?:a la\s+)?question suivante|(?:on passe|passons|passe)\s+a\s+la\s+(?:suite|question suivante|suivante)|la suite`,
  String.raw`next(?:\s+(?:question|one|step))?(?:\s+please)?|skip (?:to )?the next(?:\s+(?:question|one))?|move on`,
]);

const KINDS: Array<[ChatKind, RegExp]> = [
  ['wait', WAIT],
  ['pause', PAUSE],
  ['person', PERSON],
  ['next', NEXT],
  ['back', BACK],
  ['remark', REMARK],
];

/** What a message says to the bot (not an answer), if it is only that. */
export function chatKind(text: string): ChatKind | undefined {
  const typed = normalize(text);
  if (typed.length > 120) return undefined;
  return KINDS.find(([, pattern]) => pattern.test(typed))?.[0];
}

/** Speaking of oneself to the bot: « je », « moi », "I", "my"… (not « nous », « on », "we": the organisation speaks). */
const SPEAKER = /\b(?:je|j'|moi|me|m'|tu|te|t'|vous|votre|i|i'm|i've|i'd|i'll|me|my|you|your)\b/;
/** Verbs of the conversation itself: understanding, finding, checking, asking, remembering, waiting. */
const UNDERSTANDING =
  /\b(?:compren\w*|compris|saisi\w*|understand\w*|understood|get it|got it|follow\w*|perdu\w*|lost|confus\w*)\b/;
const CHECKING =
  /\b(?:retrouv\w*|cherch\w*|regard\w*|verifi\w*|demand\w*|renseign\w*|souvien\w*|rappel\w*|consult\w*|find\w*|look\w*|check\w*|ask\w*|remember\w*|recall\w*|run (?:it|this|that) by|confirm\w*|get back|come back|reviens|reviendrai)\b/;

/**
 * The person tells the bot what they will do to give the answer: a first person addressing the bot (« je vous
 * envoie… », « on vous fait… », « je vous le transmets »), or "I'll send you…", "we'll get back to you".
 */
const TO_YOU_LATER =
  /^(?:(?:bon|ok|alors|sinon|well|so)[\s,]+)?(?:(?:je|j'|on|nous)\s+(?:vous|te)\s+(?!propos|present|invit|remerci|souhait|pri)|(?:i|we)(?:'ll| will| can| could)?\s+(?:send|email|e-mail|mail|forward|get back to|come back to)\s+(?:you|it|this|that|the)\b)/;

/**
 * A short message in which the person speaks to the bot of their own doing rather than gives an answer (« pardon je
 * n'ai pas compris », « une seconde je retrouve le nom exact », "I need to run this by my manager"): they do not
 * understand (`puzzled`) or are checking something (`checking`). It names nothing (no capital inside, no number).
 */
export function talksToTheBot(text: string): 'puzzled' | 'checking' | undefined {
  const trimmed = text.trim();
  const typed = normalize(trimmed);
  // « je vous envoie le résumé par mail », "I'll send it to you tomorrow": the answer is for later, however long.
  if (typed.split(' ').length <= 16 && !/\d/.test(typed) && !typed.endsWith('?') && TO_YOU_LATER.test(typed))
    return 'checking';
  // A question ("what kind of formats are you looking for here?") is read as one, after.
  if (typed.split(' ').length > 10 || /\d/.test(typed) || typed.endsWith('?')) return undefined;
  if (/\s\p{Lu}/u.test(trimmed.replace(/\s(?:I|I'm|I've|I'd|I'll)\b/g, ' '))) return undefined;
  if (!SPEAKER.test(typed)) return undefined;
  if (UNDERSTANDING.test(typed)) return 'puzzled';
  return CHECKING.test(typed) ? 'checking' : undefined;
}
