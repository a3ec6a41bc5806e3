/** What a dialog is: data (ordered steps, prompts, help) plus a few small functions (conditions). */
import type { Localized } from '../src/core/i18n.ts';
import type { Answers, AnswerValue } from './application.ts';

/** One step: asks for one slot of the call. The slot's type, label and choices come from the call file. */
export interface StepDefinition {
  slot: string;
  prompt: Localized;
  /** The prompt once the call is closed, for a step about its (now past) event: in the past tense. */
  pastPrompt?: Localized;
  /** The prompt as the earlier answers make it (an online event's "venue" is its video tool), if they change it. */
  promptGiven?: (answers: Answers) => Localized | undefined;
  /** What `help` says at this step: why it is asked and what fits. */
  help: Localized;
  /** The step is asked only when this holds (e.g. which local authority, only if there is one). */
  onlyIf?: (answers: Answers) => boolean;
  /** Whether `skip` may leave it missing; defaults to the call file's `optional`. */
  optional?: boolean;
  /**
   * Whether a well-formed answer makes sense beside the others: undefined if so, else what to say (a budget of
   * 0, a grant above the budget). The answer is refused and the step asked again.
   */
  plausible?: (value: AnswerValue, answers: Answers) => Localized | undefined;
  /**
   * Whether a possible answer is rarely what people mean (12 000 attendees at a local event: a zero too
   * many?): undefined if not, else the question to ask. The person confirms it (a click, « oui », or the same
   * value typed again) or gives another; nothing is stored before.
   */
  unusual?: (value: AnswerValue) => Localized | undefined;
  /** Bounds of a count. */
  min?: number;
  max?: number;
  /** A date that must be today or later (an event to come). */
  future?: boolean;
  /** A day fewer days away than this is asked back: an event is applied for months ahead (a slip of the year?). */
  askWithin?: number;
  /** Other words for a choice, by choice id, typed without accents (`mairie` → local_authority). */
  keywords?: Record<string, string[]>;
  /** Options that other options mean when named together, by choice id (hybrid: `['in_person', 'online']`). */
  blends?: Record<string, string[]>;
  /** Other names of the step, for « modifier … » (`date`, `nombre de participants`), typed without accents. */
  names?: string[];
  /** What a number at this step measures: people (the default) or kilometres. */
  measure?: 'count' | 'distance';
  /**
   * The step that details this one's answer, filled from the same message when it says it: the name with a
   * yes (« oui, la Ville de Nantes »), the words of an « autre » (« une fondation », « 1 et l'IA »).
   */
  detailSlot?: string;
  /**
   * The choice step a name given here tells (`legal_entity` for the organiser's name): « Mairie de Créteil »
   * is a collectivité, « Association Les Liens » an association — when its first words name an option exactly.
   */
  nameGives?: string;
  /**
   * An answer the earlier ones imply (a collectivité organising its own event supports it): proposed with
   * the question, and the answers that a yes also fills (its name).
   */
  implied?: (answers: Answers) => { note: Localized; alsoOnYes: Answers } | undefined;
  /**
   * Words that tie a number in a message saying more than asked to this step: tested on the text from the
   * number on (`^200 personnes`) and on the text up to its end (`budget de 20 000$`).
   */
  cues?: RegExp;
  /**
   * How a message that says more than asked gives this (text) step: the `value` group of the first pattern
   * that matches. An answer that is all of a match (« à Saint-Brieuc ») is stored as its value.
   */
  findIn?: RegExp[];
  /**
   * The (text) answer is a proper name (an organisation, an authority, a partner): a value without a capital
   * letter or a digit (« c'est moi », « laquelle ») does not look like one and is asked back before it is stored.
   */
  properName?: boolean;
  /**
   * A fact this step reads in a message that says more than asked, beyond its options' words (a partner
   * abroad named by its country: « avec une province du Vietnam »); undefined when the message does not say it.
   */
  factIn?: (text: string) => AnswerValue | undefined;
}

/** A part of the exported dossier: a heading and the slots it shows. */
export interface DossierSection {
  title: Localized;
  slots: string[];
}

export interface DialogDefinition {
  /** The call it prepares an application to (same id as the call file). */
  id: string;
  /**
   * What a message names to start it (on normalised text: `nec … local`, `défraiement`), besides `apply <id>`;
   * the message must also say the person wants to do it (`WANTS`) or is doing it (`DOING`, not as a question).
   */
  startPhrases: RegExp[];
  /**
   * Other names of the call, typed without accents (`nec local`, `nir`, `defraiement`): `candidater <name>`
   * starts it, whatever the word order, hyphens or articles (« candidater au NEC-ESS », "apply local NEC").
   */
  names: string[];
  steps: StepDefinition[];
  /** The application file's structure as the source asks for it. */
  dossier: DossierSection[];
}

/** Words that say someone is doing it (« nous organisons un NEC local », "we're organising a local NEC"). */
export const DOING =
  /\b(organisons|organise|organisez|organisent|preparons|prepare|montons|lancons|candidatons|postulons|organizing|organising|preparing|hosting|running|applying|planning|setting up)\b/;

/** Words that say someone wants to do something now, rather than asking about it (normalised text). */
export const WANTS =
  /\b(veux|voudrais|voudrions|voulons|veut|voudrait|veulent|aimerais|aimerions|aimerait|souhaite|souhaitons|souhaiterais|souhaiterait|souhaiterions|souhaiteraient|souhaitent|desire|desirons|envisageons|envisage|prevoyons|projetons|comptons|want|wants|would like|'d like|would love|'d love|keen to|eager to|wish|wishes|plan to|planning to|are planning|hope to|hoping to|intend to|looking to|let's|let us|help me|help us|aidez-moi a|aidez-nous a|commencer|demarrer|start|begin|me lance|nous lancons|on se lance|on lance)\b/;

/**
 * A plan told in the first person, with the infinitive of what a call is for (« on réfléchit à organiser un NEC
 * local », « on se demandait si on pouvait faire un nec local », « nous avons le projet d'organiser… »): as
 * clear a wish as « je veux », in the words people tell a project with. Read only in a sentence that is not a
 * question (« est-ce qu'on peut organiser… ? » asks).
 */
export const PLANS =
  /\b(?:je|j'|on|nous|we|i)\b(?:\s+\S+){0,6}?[\s'](?:organiser|faire|monter|porter|accueillir|lancer|candidater|postuler|deposer|organise|organize|run|host|hold|put on|apply|set up)\b/;

/**
 * A habit told in the present (« on fait un NEC local chaque année », « nous organisons déjà un NEC local »,
 * "we run a local NEC every year", "we already host one"): what the person does, not an application. A wish
 * beside it (« … et cette année nous voulons candidater ») still starts the dialog.
 */
export const HABIT =
  /\b(?:chaque (?:annee|an|automne|printemps|ete|hiver|edition|fois)|tous les (?:ans|printemps|automnes|etes|hivers)|toutes les annees|depuis (?:20\d\d|des annees|plusieurs annees|longtemps)|deja|d'habitude|habituellement|comme chaque annee|every (?:year|spring|autumn|fall|summer|winter|time)|each (?:year|spring|autumn|fall|summer|winter)|annually|already|usually|as usual|since 20\d\d)\b/;

/**
 * A wish for another action than applying (« je voudrais envoyer un message … du NEC local », "we'd like to
 * share the local NEC announcement", « on voudrait juste lire le règlement »): the call is only named.
 */
export const WANTS_OTHER_ACTION = new RegExp(
  String.raw`${WANTS.source}\s+(?:(?:juste|simplement|seulement|bien|vraiment|just|only|simply|really|to|a|de|d')\s*)*(?:envoyer|diffuser|annoncer|partager|transmettre|rappeler|relancer|annuler|supprimer|effacer|modifier|changer|parler|contacter|joindre|ecrire|lire|voir|consulter|lister|telecharger|exporter|connaitre|comprendre|send|broadcast|announce|share|forward|remind|cancel|delete|erase|change|edit|talk|speak|contact|reach|write|read|see|view|list|download|export|understand)\b`,
);

/**
 * "can our org get the allowance?", « peut-on bénéficier du défraiement ? »: asking to have it, which the
 * application answers — unless the question is how much (« combien peut-on obtenir ? »: the FAQ's).
 */
export const CLAIMS =
  /\b(?:can|could|may)\s+(?:we|i|(?:our|my)\s+(?:org|organi[sz]ation|association|nonprofit|charity|structure|team|town|city|council|company))\s+(?:get|claim|apply|receive|have|benefit)\b|\b(?:peut-on|pouvons-nous|puis-je|(?:est-ce qu'|est-ce que\s+)?(?:on|nous|je|(?:notre|mon|ma)\s+(?:asso|association|structure|organisation|collectivite|commune|ville|entreprise))\s+(?:peut|pouvons|peux|pourrait|pourrions))\s+(?:obtenir|beneficier|demander|toucher|avoir|candidater|postuler|recevoir)\b/;
