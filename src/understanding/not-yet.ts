/**
 * "I do not know yet", in French and English, however it is put: « aucune idée », « je verrai », « à définir »,
 * « le budget n'est pas encore bouclé », « on attend encore la réponse de la mairie », "no clue", "TBD",
 * "still working on it", "haven't made up our minds yet". A data list of fixed phrases and a few patterns for
 * the verb forms (« pas encore fixé », "not decided yet"); a message is a non-answer when such phrases say it
 * and what else it says is only a few words — never a name, a number or a whole answer beside them.
 */

/** Phrases that say the answer is not known yet, typed without accents (`'` for any apostrophe). */
const PHRASES = [
  // Not knowing.
  'aucune idee',
  'aucun idee',
  "pas d'idee",
  'je sais pas',
  "j'sais pas",
  'chais pas',
  'sais pas',
  'nsp',
  'jsp',
  'jsais pas',
  'chepa',
  "je n'en sais rien",
  "je n'en ai aucune idee",
  'pas sur',
  'pas sure',
  'pas certain',
  'pas certaine',
  'no idea',
  'no clue',
  'not sure',
  'unsure',
  'dunno',
  'not known',
  'unknown',
  'hard to say',
  'hard to tell',
  'difficult to say',
  'difficile a dire',
  'difficile a savoir',
  'impossible a dire',
  'impossible a savoir',
  'ca depend',
  // No preference: the bot cannot choose for the person.
  'peu importe',
  "n'importe lequel",
  "n'importe laquelle",
  "ca m'est egal",
  'pas de preference',
  'whichever',
  "doesn't matter",
  'does not matter',
  'no preference',
  'either is fine',
  'ca dependra',
  'tout depend',
  'it depends',
  'depends',
  // Later.
  'plus tard',
  'later',
  'on verra',
  'nous verrons',
  'je verrai',
  'on avisera',
  'a voir',
  "we'll see",
  "i'll see",
  'je reviendrai',
  'nous reviendrons',
  'je reviens vers vous',
  'on revient vers vous',
  'je vous tiens au courant',
  'je vous recontacte',
  'je me renseigne',
  'on cherche',
  'on cherche encore',
  'get back to you',
  'let you know',
  'come back to this',
  'come back to it',
  'come back to that',
  'working on it',
  'working on that',
  'working on this',
  'on it',
  // Undecided.
  'tbd',
  'tbc',
  'tba',
  'undecided',
  'up in the air',
  'en reflexion',
  'en cours de reflexion',
  'en discussion',
  'en cours de discussion',
  'en cours de chiffrage',
  'en cours',
  'on hesite encore',
  'on y reflechit',
  'nous y reflechissons',
  // Not remembered, not at hand, not clear.
  'je ne me souviens plus',
  'je me souviens plus',
  'je ne me rappelle plus',
  'je me rappelle plus',
  'aucun souvenir',
  'je ne sais plus',
  'je sais plus',
  "i can't remember",
  "i don't remember",
  'i do not remember',
  "can't recall",
  "don't recall",
  "pas l'info",
  "pas d'info",
  'pas cette info',
  'pas encore l info',
  "don't have that info",
  "don't have the info",
  "don't have that information",
  'no info',
  'pas le chiffre',
  'pas les chiffres',
  'flou',
  'encore flou',
  'unclear',
  'idk',
  'on hesite',
  'nous hesitons',
  'we hesitate',
  'still open',
  // Not to be said.
  'confidentiel',
  'confidentielle',
  'confidential',
  'secret',
  // Nothing to say here.
  'sans objet',
  'non applicable',
  'pas applicable',
  'pas concerne',
  'pas concernes',
  'not applicable',
  'n/a',
  'prefer not to say',
];

/** What is being decided, said as not done yet (« pas encore fixé », « pas encore bouclée »). */
const UNDONE =
  '(?:decide|defini|fixe|arrete|choisi|tranche|connu|determine|sur|certain|clair|prevu|cale|boucle|finalise|chiffre|valide|confirme|trouve|precise|regle|acte|termine|sorti|calcule|arbitre|signe|officiel)(?:e|s|es)?';
const EN_UNDONE =
  '(?:decided|defined|fixed|known|settled|chosen|confirmed|finali[sz]ed|sure|clear|set|planned|agreed|worked out|figured out|sorted)';

/** The same in verb forms and sentences, as regular expressions over accent-free lower-case text. */
const PATTERNS = [
  `(?:je|j'|on|nous)\\s+(?:ne\\s+|n')?(?:sais|sait|savons|connais|connait|connaissons)\\s+(?:toujours\\s+)?pas`,
  `(?:pas|toujours pas)\\s+encore\\s+(?:ete\\s+)?${UNDONE}`,
  `pas\\s+encore\\s+(?:de|d')\\s*\\w+(?:\\s+${UNDONE})?`,
  `(?:n'(?:est|a|ont|etait)|ne\\s+(?:sont|sera|seront))\\s+(?:pas|toujours\\s+pas)\\s+(?:encore\\s+)?(?:ete\\s+)?${UNDONE}`,
  `(?:on|nous|j')\\s*(?:n'?a|n'?avons|n'?ai|a|avons|ai)\\s+pas\\s+(?:encore\\s+)?${UNDONE}`,
  `rien\\s+(?:n'est\\s+)?(?:de\\s+|d')?(?:encore\\s+)?${UNDONE}`,
  `a\\s+(?:definir|determiner|confirmer|preciser|fixer|decider|venir|trouver|chiffrer|calculer|voir)`,
  `(?:je|nous|on)\\s+(?:vous\\s+)?(?:le\\s+)?(?:dirai|dirons|dira|redirai|redirons|preciserai|preciserons|confirmerai|confirmerons)`,
  `(?:je\\s+dois|on\\s+doit|nous\\s+devons|(?:il\\s+)?faut\\s+(?:que\\s+)?(?:je|j'|on|qu'on))\\s*(?:le\\s+|la\\s+|les\\s+)?(?:verifier|verifie|voir|voie|demander|demande|me\\s+renseigner|calculer|calcule|regarder|regarde|confirmer|confirme|consulter|consulte)`,
  `(?:je\\s+|on\\s+|nous\\s+)?(?:ne\\s+|n')?(?:peux|peut|pouvons)\\s+pas\\s+(?:encore\\s+)?(?:le\\s+|vous\\s+)?(?:dire|repondre|savoir)`,
  `(?:je\\s+|nous\\s+)?prefer(?:e|ons)\\s+ne\\s+pas\\s+(?:repondre|le\\s+dire)`,
  `(?:on|nous|j')\\s*(?:attend|attendons|attends)\\s+(?:encore\\s+|toujours\\s+)?(?:la|une|leur|sa|son|le)?\\s*(?:reponse|retour|confirmation|validation|accord|feu vert|decision)`,
  `(?:i|we)\\s+(?:don'?t|do\\s+not|didn'?t)\\s+know`,
  `(?:i'?m|we'?re|i\\s+am|we\\s+are)\\s+not\\s+(?:yet\\s+)?(?:sure|certain)`,
  `(?:haven'?t|have\\s+not)\\s+(?:yet\\s+)?(?:${EN_UNDONE}|made\\s+up\\s+(?:our|my)\\s+minds?)`,
  `not\\s+(?:yet\\s+)?${EN_UNDONE}`,
  `no\\s+\\w+(?:\\s+\\w+)?\\s+yet`,
  `to\\s+be\\s+(?:decided|defined|confirmed|determined|announced|discussed|fixed|set)`,
  `still\\s+(?:deciding|thinking|working|looking|discussing|figuring|talking|planning|undecided|unsure|open|waiting|searching|brainstorming|negotiating|checking)`,
  `(?:i|we)'?(?:ll|\\s+will)\\s+(?:come\\s+back|get\\s+back|let\\s+you\\s+know|tell\\s+you|check|see|confirm|ask)`,
  `(?:i|we)\\s+(?:need|have)\\s+to\\s+(?:check|ask|see|confirm|work\\s+(?:it|that)\\s+out)`,
  `(?:can'?t|cannot|can\\s+not)\\s+(?:say|tell)`,
  `waiting\\s+(?:for|on)`,
];

/**
 * Sayings that put the whole answer off (« je dois vérifier avec le bureau… », « je préfère ne pas les citer
 * pour l'instant », "can we leave this one for now?", "we've asked the council but haven't heard back"): at
 * the start or the end of a message they frame it, however many words explain why — still never beside a
 * name or a number.
 */
const DEFERRALS = [
  // « je ne sais plus si mon prédécesseur était venu », "I don't know whether we applied": not knowing which.
  `(?:je|j'|on|nous)\\s*(?:ne\\s+|n')?(?:sais|sait|savons|me\\s+souviens|me\\s+rappelle|nous\\s+souvenons)\\s+(?:pas|plus)\\s+(?:trop\\s+|bien\\s+|exactement\\s+)?(?:si|quand|combien|qui|ou|lequel|laquelle|lesquels)\\b`,
  `(?:i|we)\\s+(?:don'?t|do\\s+not|can'?t|cannot)\\s+(?:know|remember|recall|tell)\\s+(?:if|whether|when|how|who|which)\\b`,
  // « pas envie de la citer », "will confirm after our council meeting": not now.
  `(?:je\\s+n'ai|j'ai|on\\s+n'a|on\\s+a|nous\\s+n'avons)?\\s*pas\\s+envie\\s+de\\s+(?:la\\s+|le\\s+|les\\s+|l'|en\\s+|vous\\s+)?(?:citer|dire|donner|nommer|repondre|preciser|parler|communiquer)`,
  `(?:will|shall|'ll)\\s+(?:confirm|check|let\\s+you\\s+know|get\\s+back|tell\\s+you|come\\s+back|send|email|forward)`,
  // « je ne veux pas répondre à ça », « ça ne vous regarde pas », "none of your business": refusing to say.
  `(?:je|on|nous)\\s+(?:ne\\s+|n')?(?:veux|voulons|veut|souhaite|souhaitons|tiens|tenons)\\s+pas\\s+(?:a\\s+)?(?:repondre|le\\s+dire|vous\\s+le\\s+dire|le\\s+donner|en\\s+parler|le\\s+preciser)`,
  `(?:ca|cela)\\s+ne\\s+vous\\s+regarde\\s+pas|ca\\s+vous\\s+regarde\\s+pas|sans\\s+commentaire|no\\s+comment|none\\s+of\\s+your\\s+business|(?:i|we)\\s+(?:don'?t|do\\s+not)\\s+want\\s+to\\s+(?:say|answer|tell|share)`,
  // « je vérifie avec mon équipe », « je demande à ma collègue », "let me check with my team": checking first.
  `(?:je|j'|on|nous)\\s*(?:vais\\s+|va\\s+|allons\\s+)?(?:verifie|verifier|demande|demander|regarde|regarder|renseigne|renseigner|me\\s+renseigne|vois|voir|check|checke)\\s+(?:ca\\s+|cela\\s+|le\\s+|la\\s+)?(?:avec|a|au|aupres\\s+d[eu']|de\\s+mon\\s+cote|en\\s+interne|dans)\\b`,
  `let\\s+me\\s+(?:check|ask|see|confirm|find\\s+out|look\\s+(?:it\\s+)?up|verify)|(?:i|we)'?(?:ll|\\s+will)\\s+(?:ask|check\\s+with)|(?:i|we)\\s+(?:need|have)\\s+to\\s+ask`,
  // « je passe pour l'instant », "skip for now": the skip asked for in words.
  `(?:je\\s+passe|on\\s+passe|passons|je\\s+saute|(?:let'?s\\s+)?skip(?:\\s+(?:this|it|that))?)(?:\\s+(?:pour\\s+l'instant|pour\\s+le\\s+moment|for\\s+now|this\\s+one))?`,
  // « la mairie doit voter ça en janvier », "the board has to decide": a decision still to be taken.
  `(?:doit|doivent|va|vont|devra|devront)\\s+(?:encore\\s+)?(?:le\\s+|la\\s+|les\\s+|ca\\s+)?(?:voter|decider|valider|statuer|trancher|deliberer|se\\s+prononcer|arbitrer)`,
  `(?:has|have|needs?)\\s+to\\s+(?:vote|decide|approve|sign\\s+off)|(?:will|is\\s+going\\s+to)\\s+(?:vote|decide)`,
  `not\\s+(?:yet\\s+)?${EN_UNDONE}|pas\\s+encore\\s+${UNDONE}`,
  `(?:je|j'|on|nous)\\s*(?:dois|doit|devons|vais|va|allons)\\s+(?:d'abord\\s+|encore\\s+|en\\s+)?(?:verifier|voir|demander|faire\\s+valider|valider|consulter|checker|parler|discuter|me\\s+renseigner|se\\s+renseigner|confirmer|redire|preciser)`,
  `(?:il\\s+)?faut\\s+(?:d'abord\\s+)?que\\s+(?:je|j'|on)\\s*(?:verifie|voie|demande|fasse\\s+valider|valide|consulte|en\\s+parle|en\\s+discute)`,
  `(?:on|nous)\\s+(?:en\\s+)?(?:discute|discutons|discutera|parle|parlons|parlera|reparle|reparlera|decide|decidons|decidera|tranche|tranchera)`,
  `je\\s+(?:vous\\s+)?(?:le\\s+)?(?:redis|redirai|dirai)`,
  `je\\s+(?:vous\\s+)?(?:le\\s+|la\\s+|les\\s+|l')?(?:confirme|confirmerai|precise|preciserai|donne|donnerai|envoie|enverrai|transmets|transmettrai|communique|communiquerai|redonne)\\b.*\\b(?:plus\\s+tard|bientot|demain|semaine\\s+prochaine|prochainement|rapidement|des\\s+que\\s+possible)`,
  `(?:je\\s+|on\\s+|nous\\s+)?(?:prefere|preferons|prefererais|prefererions)\\s+(?:ne\\s+)?pas\\s+(?:les\\s+|le\\s+|la\\s+|l'|en\\s+|vous\\s+)?(?:citer|dire|donner|nommer|communiquer|preciser|repondre|indiquer)`,
  `(?:i'?d|we'?d|i\\s+would|we\\s+would)?\\s*rather\\s+not\\s+(?:say|tell|share|disclose|name|give|write|put|answer|mention)`,
  `(?:can'?t|cannot|can\\s+not)\\s+(?:disclose|share|say|tell|name|give)`,
  `(?:negotiations?|discussions?|talks)\\s+(?:are\\s+|is\\s+)?(?:ongoing|in\\s+progress|under\\s+way|underway)`,
  `(?:discussions?|negociations?|echanges?)\\s+(?:sont\\s+|est\\s+)?en\\s+cours`,
  `rien\\s+(?:n'est\\s+)?(?:de\\s+|d')?(?:encore\\s+)?${UNDONE}`,
  `(?:on|nous|j')\\s*(?:attend|attendons|attends)\\s+(?:encore\\s+|toujours\\s+)?(?:la|une|leur|sa|son|le)?\\s*(?:reponse|retour|confirmation|validation|accord|feu vert|decision)`,
  `(?:haven'?t|have\\s+not|not|never)\\s+(?:yet\\s+)?heard\\s+back`,
  `(?:can|could|may)\\s+(?:we|i)\\s+(?:leave|skip|come\\s+back\\s+to|do)\\s+(?:this|that|it)`,
  `leave\\s+(?:this|that|it)(?:\\s+one)?\\s+for\\s+(?:now|later)`,
  `(?:i|we)(?:'d|\\s+would)?\\s+(?:need|have)\\s+to\\s+(?:check|ask|see|confirm|verify)`,
  `still\\s+(?:waiting|brainstorming|discussing|deciding|negotiating|checking|thinking)`,
  `(?:not\\s+sure|unsure|no\\s+idea|aucune\\s+idee|pas\\s+sure?|ca\\s+depend|it\\s+depends|jsp|je\\s+sais\\s+pas)`,
  `pas\\s+encore\\s+(?:ete\\s+)?${UNDONE}`,
];
/** Of those, the ones that close a message as well as they open it (« …, on attend leur retour »). */
const PENDING = [
  `je\\s+(?:reviens|reviendrai)\\s+vers\\s+vous|je\\s+vous\\s+(?:recontacte|tiens\\s+au\\s+courant|redis)|(?:i'?ll|we'?ll)\\s+(?:get|come)\\s+back(?:\\s+to\\s+you)?`,
  `rien\\s+(?:n'est\\s+)?(?:de\\s+|d')?(?:encore\\s+)?${UNDONE}`,
  `(?:on|nous|j')\\s*(?:attend|attendons|attends)\\s+(?:encore\\s+|toujours\\s+)?(?:la|une|leur|sa|son|le)?\\s*(?:reponse|retour|confirmation|validation|accord|feu vert|decision)`,
  `(?:haven'?t|have\\s+not|not|never)\\s+(?:yet\\s+)?heard\\s+back`,
  `je\\s+(?:vous\\s+)?(?:le\\s+)?(?:redis|redirai)`,
  `(?:negotiations?|discussions?|talks)\\s+(?:are\\s+|is\\s+)?(?:ongoing|in\\s+progress|under\\s+way|underway)`,
];
const saying = (patterns: string[]) =>
  new RegExp(`(?<![\\p{L}\\p{N}'])(?:${patterns.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
const DEFERRAL = saying(DEFERRALS);
const CLOSING = saying(PENDING);
/** How many words may explain a deferral said at a message's start or end. */
const EXPLAINED = 9;

/** Bare « pas encore », "not yet": at a yes/no step these are a no (« pas encore » of support), not "I do not know". */
const NO_LIKE = new Set(['pas encore', 'not yet', "pas pour l'instant", 'pas pour le moment', 'not so far']);
const ALSO = [
  'pas encore',
  'not yet',
  "pas pour l'instant",
  'pas pour le moment',
  'not at the moment',
  'not so far',
];

const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** Every phrase and pattern, longest fixed phrases first so « aucune idée » wins over « idée ». */
const EXPRESSION = new RegExp(
  `(?<![\\p{L}\\p{N}'])(?:${[...PATTERNS, ...[...PHRASES, ...ALSO].sort((a, b) => b.length - a.length).map(escaped)].join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);

/**
 * Words that can stand beside the phrases without saying anything more (« encore », « pour l'instant »,
 * « honnêtement », « avec l'équipe », "yet", "sorry"); others count.
 */
const NEUTRAL = new Set(
  (
    'encore yet pour moment instant maintenant now for the right honnetement honestly desole desolee sorry ' +
    'vraiment really trop exactement exactly vrai dire franchement frankly alors well euh heu hmm bah ben ' +
    'avec with equipe team nous vous mais but donc then deja already toujours still which what who when whom ' +
    'qui quel quelle quels quelles quoi will would could should cela ceci this that these those there here ' +
    'aussi also bien good dessus plutot rather juste just moi myself ensemble together peut-etre maybe'
  ).split(' '),
);

/** The bodies and meetings people wait for, written in capitals (« en CA », « à l'AG »): no names. */
const MEETINGS = new Set(['ca', 'ag', 'age', 'codir', 'copil', 'cse', 'cm', 'bureau']);

/** Accents dropped, apostrophes unified, spaces single; capitals kept (they tell a name). */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

export interface NotYetOptions {
  /** Words that only name the step (« le budget » in « le budget n'est pas encore bouclé »): they say nothing more. */
  stepWords?: string[];
  /** How many other words may stand beside the phrases (default 2). */
  others?: number;
  /** At a yes/no step: a bare « pas encore » is a no, not "I do not know yet". */
  yesNo?: boolean;
}

/**
 * Whether a message says the answer is not known yet: it holds such a phrase, no digit, no capitalised word
 * beside it (a name: « La Base, à confirmer » answers), and at most `others` other meaningful words.
 */
export function saysNotKnownYet(text: string, options: NotYetOptions = {}): boolean {
  const kept = fold(text);
  const lower = kept.toLowerCase();
  if (lower.length !== kept.length || lower.length > 300) return false;
  // A deferral opening or closing the message (a few words of lead-in or of sign-off aside) frames it.
  const end = lower.replace(/[\s.!?…]+$/, '').length - 12;
  const framing =
    [...lower.matchAll(DEFERRAL)].some((m) => m.index <= 14) ||
    [...lower.matchAll(CLOSING)].some((m) => m.index + m[0].length >= end);
  const found = [...lower.matchAll(EXPRESSION), ...(framing ? lower.matchAll(DEFERRAL) : [])];
  if (found.length === 0) return false;
  if (options.yesNo && found.every((m) => NO_LIKE.has(m[0]))) return false;
  let rest = lower;
  for (const m of found)
    rest = `${rest.slice(0, m.index)}${' '.repeat(m[0].length)}${rest.slice(m.index + m[0].length)}`;
  if (/\d/.test(rest)) return false;
  const step = new Set(options.stepWords ?? []);
  let others = 0;
  for (const word of rest.matchAll(/[\p{L}\p{N}'-]+/gu)) {
    const w = word[0].replace(/^(?:[ldjcsnm]|qu)'/, '');
    // A capital inside a sentence is a name the person gives beside the phrase ("I" is not one).
    const startsSentence = /^$|[.!?:;…]$/.test(kept.slice(0, word.index).trimEnd());
    if (!startsSentence && /\p{Lu}/u.test(kept[word.index] ?? '') && !/^i(?:'|$)/.test(w) && !MEETINGS.has(w))
      return false;
    if (w.length > 3 && !NEUTRAL.has(w) && !step.has(w)) others++;
  }
  return others <= Math.max(options.others ?? 2, framing ? EXPLAINED : 0);
}
