/** The foreign ministry's « Numérique Inclusif et Responsable » call (source file 003): who applies, with whom, on what. */
import type { DialogDefinition } from '../definition.ts';
import {
  ASSOCIATION_WORDS,
  COMPANY_WORDS,
  FOREIGN_COUNTRY_WORDS,
  GROUPING_WORDS,
  LOCAL_AUTHORITY_WORDS,
  ORGANISATION_NAME_PATTERNS,
  OTHER_BODY_WORDS,
  PUBLIC_BODY_WORDS,
} from './keywords.ts';
import { applicantAbroad, withPartnerAbroad } from './places.ts';

export const meaeNir: DialogDefinition = {
  id: 'meae-nir',
  startPhrases: [
    /\b(numerique inclusif et responsable|cooperation decentralisee|meae|affaires etrangeres|foreign (?:ministry|affairs))\b/,
    // « l'appel NIR », "the NIR call", « l'AAP NIR »: the call's short name beside the word call.
    /\b(?:appel|aap|call|dossier|candidature|projet|project)\s+(?:a projets?\s+)?nir\b|\bnir\s+(?:call|appel)\b/,
  ],
  names: [
    'nir',
    'meae',
    'numerique inclusif et responsable',
    'inclusive and responsible digital',
    'cooperation decentralisee',
    'decentralised cooperation',
    'decentralized cooperation',
    'affaires etrangeres',
    'foreign ministry',
    'foreign affairs',
  ],
  steps: [
    {
      slot: 'authority_name',
      properName: true,
      // "I am with the Métropole de Lyon and we want to apply…": the body an opening names, and its kind.
      findIn: ORGANISATION_NAME_PATTERNS,
      nameGives: 'applicant_type',
      // Named before its kind is asked: the prompt does not take it for a local authority yet.
      prompt: {
        fr: 'Quelle structure candidate ? (son nom ; l’appel s’adresse aux collectivités territoriales)',
        en: 'Which organisation is applying? (its name; the call is for local authorities)',
      },
      names: [
        'nom de la collectivite',
        'collectivite',
        'collectivite candidate',
        'nom de la structure',
        'authority',
        'authority name',
      ],
      help: {
        fr: 'Le nom de la collectivité qui porte le projet de coopération.',
        en: 'The name of the local authority leading the cooperation project.',
      },
    },
    {
      slot: 'applicant_type',
      prompt: { fr: 'Quel type de structure est-ce ?', en: 'What kind of organisation is it?' },
      help: {
        fr: 'L’appel s’adresse aux collectivités territoriales françaises, de métropole comme d’outre-mer. Son règlement ne cite pas leurs groupements (EPCI, syndicats mixtes) : pour l’un d’eux, demandez au ministère s’il peut candidater (« parler à quelqu’un »).',
        en: 'The call is for French local authorities, in mainland France or overseas. Its rules do not mention their groupings (EPCIs, syndicats mixtes): for one of them, ask the ministry whether it may apply (“talk to a person”).',
      },
      // « la ville de Dakar souhaite… »: a city known only abroad applies.
      factIn: applicantAbroad,
      // An authority named with a foreign country (« la municipalité de Ziguinchor, au Sénégal ») is a foreign one.
      blends: { foreign_authority: ['french_local_authority'] },
      keywords: {
        french_local_authority: [...LOCAL_AUTHORITY_WORDS, ...GROUPING_WORDS],
        foreign_authority: [
          'collectivite etrangere',
          'ville etrangere',
          'foreign authority',
          'foreign city',
          'abroad',
          ...FOREIGN_COUNTRY_WORDS,
        ],
        association: ASSOCIATION_WORDS,
        company: COMPANY_WORDS,
        // The call names no other kind: a public body (a university) or a foundation is « autre ».
        other: ['autre', ...PUBLIC_BODY_WORDS, ...OTHER_BODY_WORDS, ...GROUPING_WORDS],
      },
    },
    {
      slot: 'foreign_partner',
      prompt: {
        fr: 'Le projet associe-t-il une collectivité partenaire à l’étranger ?',
        en: 'Does the project involve a partner authority abroad?',
      },
      help: {
        fr: 'L’appel soutient la coopération décentralisée : une collectivité étrangère partenaire est attendue.',
        en: 'The call supports decentralised cooperation: a foreign partner authority is expected.',
      },
      detailSlot: 'partner_name',
      // « avec une province du Vietnam », « avec la ville de Tanger au Maroc »: a partner abroad, unnamed as such.
      factIn: withPartnerAbroad,
      // « avec notre partenaire de coopération décentralisée au Bénin », "together with a partner city".
      keywords: {
        yes: [
          'partenaire',
          'ville partenaire',
          'jumelage',
          'jumelee',
          'jumelle',
          'ville jumelle',
          'partner',
          'partner city',
          'twin town',
          'sister city',
          'twinned',
        ],
        no: [
          'pas de partenaire',
          'sans partenaire',
          'aucun partenaire',
          'no partner',
          'without a partner',
          'not yet a partner',
        ],
      },
    },
    {
      slot: 'partner_name',
      properName: true,
      prompt: {
        fr: 'Quelle collectivité partenaire, dans quel pays ?',
        en: 'Which partner authority, in which country?',
      },
      help: { fr: 'Le nom du partenaire et son pays.', en: 'The partner’s name and country.' },
      names: ['partenaire', 'partner', 'pays', 'country'],
      onlyIf: (answers) => answers.foreign_partner === true,
    },
    {
      slot: 'fields',
      prompt: {
        fr: 'Dans quels champs s’inscrit le projet ? (un ou plusieurs)',
        en: 'Which fields does the project belong to? (one or more)',
      },
      help: {
        fr: 'Le numérique inclusif (accès, compétences) et/ou le numérique responsable (impact environnemental, protection des usagers).',
        en: 'Inclusive digital (access, skills) and/or responsible digital (environmental impact, protecting users).',
      },
      names: ['champ', 'champs', 'field', 'fields', 'domaine'],
      keywords: {
        inclusive: [
          'inclusif',
          'inclusion',
          'acces',
          'competences',
          'access',
          'skills',
          'accessibilite',
          'formation',
          'mediation',
        ],
        responsible: [
          'responsable',
          'sobriete',
          'environnement',
          'ecologie',
          'protection des usagers',
          'responsible',
          'durable',
          'sustainable',
          'donnees personnelles',
          'vie privee',
          'electronic waste',
          'dechets',
          'reconditionnement',
          'reemploi',
        ],
      },
    },
    {
      slot: 'project_title',
      prompt: { fr: 'Quel est le titre du projet ?', en: 'What is the project’s title?' },
      help: {
        fr: 'Un titre court qui dit ce que fait le projet.',
        en: 'A short title saying what the project does.',
      },
      names: ['titre', 'title', 'nom du projet'],
      findIn: [
        /(?:s['’]appelle|intitul[ée]e?|(?:titre|title|called|titled|named)\s*:?)\s*[«"“]\s*(?<value>[^»"”]+?)\s*[»"”]/u,
      ],
    },
    {
      slot: 'project_summary',
      prompt: {
        fr: 'Résumez le projet en quelques phrases.',
        en: 'Summarise the project in a few sentences.',
      },
      help: {
        fr: 'Ce que vous ferez avec votre partenaire, pour qui, et ce que vous en attendez.',
        en: 'What you will do with your partner, for whom, and what you expect from it.',
      },
      names: ['resume', 'summary', 'description'],
    },
  ],
  dossier: [
    {
      title: { fr: 'Collectivité candidate', en: 'Applying authority' },
      slots: ['authority_name', 'applicant_type'],
    },
    { title: { fr: 'Partenariat', en: 'Partnership' }, slots: ['foreign_partner', 'partner_name'] },
    { title: { fr: 'Projet', en: 'Project' }, slots: ['project_title', 'fields', 'project_summary'] },
  ],
};
