/** The local NEC application's steps about who applies: the organising body and its kind (any legal entity). */
import type { StepDefinition } from '../definition.ts';
import {
  ASSOCIATION_WORDS,
  COMPANY_WORDS,
  GROUPING_WORDS,
  LOCAL_AUTHORITY_WORDS,
  ORGANISATION_NAME_PATTERNS,
  OTHER_BODY_WORDS,
  PUBLIC_BODY_WORDS,
} from './keywords.ts';

export const ORGANISER_STEPS: StepDefinition[] = [
  {
    slot: 'organizer_name',
    properName: true,
    prompt: {
      fr: 'Quelle structure porte le NEC local ? (son nom)',
      en: 'Which organisation is behind the local NEC? (its name)',
    },
    help: {
      fr: 'Le nom de la structure qui dépose la demande : il figurera sur le dossier.',
      en: 'The name of the organisation applying: it goes on the application file.',
    },
    names: ['nom', 'nom de la structure', 'nom de l organisation', 'name', 'organisation name', 'structure'],
    findIn: ORGANISATION_NAME_PATTERNS,
    nameGives: 'legal_entity',
  },
  {
    slot: 'legal_entity',
    prompt: { fr: 'Quel type de structure est-ce ?', en: 'What kind of organisation is it?' },
    help: {
      fr: 'Toute personne morale peut demander le label ; un particulier ne le peut pas. Un groupement de collectivités (EPCI, syndicat mixte) : choisissez la forme que donnent ses statuts.',
      en: 'Any legal entity may ask for the label; a private individual may not. A grouping of local authorities (an EPCI, a syndicat mixte): choose the form its statutes give.',
    },
    names: [
      'type',
      'nature de la structure',
      'statut',
      'forme juridique',
      'legal form',
      'kind of organisation',
    ],
    detailSlot: 'legal_entity_other',
    keywords: {
      association: ASSOCIATION_WORDS,
      local_authority: [...LOCAL_AUTHORITY_WORDS, ...GROUPING_WORDS],
      company: COMPANY_WORDS,
      public_body: [...PUBLIC_BODY_WORDS, ...GROUPING_WORDS],
      cooperative: ['scop', 'scic', 'coop', 'co-op', 'cooperative', 'cae'],
      individual: [
        'particulier',
        'personne physique',
        'individu',
        'moi-meme',
        'myself',
        'private individual',
        'auto-entrepreneur',
        'auto entrepreneur',
        'micro-entrepreneur',
        'microentrepreneur',
        'freelance',
        'a titre personnel',
        'en mon nom',
        'en mon nom propre',
        'en solo',
        'on my own',
        'by myself',
        'as an individual',
      ],
      other: ['autre', 'autres', ...OTHER_BODY_WORDS],
    },
  },
  {
    slot: 'legal_entity_other',
    prompt: {
      fr: 'Quelle sorte de personne morale ? (fondation, syndicat, groupement…)',
      en: 'What kind of legal entity? (foundation, union, consortium…)',
    },
    help: {
      fr: 'La forme juridique de la structure, telle qu’elle figurera sur le dossier.',
      en: 'The organisation’s legal form, as it will appear on the application file.',
    },
    onlyIf: (answers) => answers.legal_entity === 'other',
    optional: true,
  },
];
