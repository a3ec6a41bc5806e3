/**
 * Asking how far the application has come: « on en est où ? », « il reste combien de questions ? », "what's
 * still missing in my application?" — its status, not the step's help nor the FAQ.
 */
import { normalize } from '../core/text.ts';
import { QUESTION_FRAME, readsAsQuestion } from './questions.ts';
import { contentWords } from './words.ts';

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
