/** The local NEC application (ANCT, source file 000): the steps of the application file, in its order. */
import type { DialogDefinition } from '../definition.ts';
import { AUTHORITY_SUPPORT_WORDS, LOCAL_AUTHORITY_WORDS, ORGANISATION_NAME_PATTERNS } from './keywords.ts';

export const localNec: DialogDefinition = {
  id: 'local-nec',
  startPhrases: [
    /\b(nec|numerique en communs?)\b.*\blocal/,
    /\blocal\b.*\bnec\b/,
    // Organising "a NEC" can only mean a local one (the national one has its organisers).
    /\b(organis|organiz|monter|host|run)\w*\s+(un|une|le|notre|a|an|our)\s+(nec|numerique en communs?)\b/,
  ],
  steps: [
    {
      slot: 'organizer_name',
      prompt: {
        fr: 'Quelle structure porte le NEC local ? (son nom)',
        en: 'Which organisation is behind the local NEC? (its name)',
      },
      help: {
        fr: 'Le nom de la structure qui dépose la demande : il figurera sur le dossier.',
        en: 'The name of the organisation applying: it goes on the application file.',
      },
      names: [
        'nom',
        'nom de la structure',
        'nom de l organisation',
        'name',
        'organisation name',
        'structure',
      ],
      findIn: ORGANISATION_NAME_PATTERNS,
    },
    {
      slot: 'legal_entity',
      prompt: { fr: 'Quel type de structure est-ce ?', en: 'What kind of organisation is it?' },
      help: {
        fr: 'Toute personne morale peut demander le label ; un particulier ne le peut pas.',
        en: 'Any legal entity may ask for the label; a private individual may not.',
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
        association: ['asso', 'loi 1901', 'nonprofit', 'non profit', 'ngo', 'ong', 'charity', 'collectif'],
        local_authority: LOCAL_AUTHORITY_WORDS,
        company: [
          'entreprise',
          'societe',
          'sas',
          'sasu',
          'sarl',
          'eurl',
          'business',
          'startup',
          'firm',
          'pme',
        ],
        public_body: [
          'etablissement public',
          'administration',
          'public agency',
          'universite',
          'university',
          'ccas',
          'gip',
          'groupement d interet public',
          'ecole',
          'lycee',
          'college',
          'hopital',
          'mediatheque',
          'bibliotheque',
        ],
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
        ],
        other: [
          'autre',
          'autres',
          'fondation',
          'foundation',
          'syndicat',
          'union',
          'groupement',
          'federation',
        ],
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
    {
      slot: 'event_date',
      prompt: {
        fr: 'À quelle date aura lieu l’événement ? (par exemple 12/03/2027)',
        en: 'On what date will the event take place? (for example 12/03/2027, day/month/year)',
      },
      help: {
        fr: 'Le premier jour de l’événement. Pour un soutien financier, la demande doit partir au moins 4 mois avant.',
        en: 'The first day of the event. For financial support, the application must go in at least 4 months before.',
      },
      names: ['date', 'jour', 'day', 'quand', 'when'],
      future: true,
    },
    {
      slot: 'event_format',
      prompt: { fr: 'Sous quel format ?', en: 'In which format?' },
      help: {
        fr: 'Le NEC local se tient entièrement en ligne ou en format hybride (présentiel et distanciel).',
        en: 'A local NEC is held fully online or in a hybrid format (on site and online sessions).',
      },
      names: ['format', 'forme', 'format de l evenement'],
      // On site and online named together is the hybrid format (« sur place et en visio »).
      blends: { hybrid: ['in_person', 'online'] },
      keywords: {
        online: [
          'en ligne',
          'distanciel',
          'a distance',
          'virtuel',
          'virtual',
          'remote',
          'visio',
          'visioconference',
          'zoom',
          'teams',
          'jitsi',
          'webinaire',
          'webinar',
          'online',
        ],
        hybrid: [
          'hybride',
          'mixte',
          'mixed',
          'les deux',
          'both',
          'presentiel retransmission',
          'presentiel diffusion',
          'presentiel direct',
          'presentiel ligne',
          'presentiel distanciel',
          'physique ligne',
          'physique distanciel',
          'presentiel visio',
          'site ligne',
          'livestream',
          'streaming',
          'retransmis',
          'retransmission',
          'diffusion en direct',
          'en direct',
        ],
        in_person: [
          'presentiel',
          'sur place',
          'face to face',
          'physique',
          'in person',
          'on site',
          'en vrai',
          'locaux',
          'dans nos murs',
        ],
      },
    },
    {
      slot: 'themes',
      prompt: {
        fr: 'Quels thèmes aborderez-vous ? (un ou plusieurs, par exemple « 1, 3 »)',
        en: 'Which themes will you cover? (one or more, for example “1, 3”)',
      },
      help: {
        fr: 'L’inclusion numérique et d’autres thèmes proposés par l’ANCT ; la liste n’est pas fermée : choisissez « autre » au besoin.',
        en: 'Digital inclusion and other themes suggested by ANCT; the list is open: choose “other” if needed.',
      },
      names: ['theme', 'thematiques', 'sujets', 'topics'],
      detailSlot: 'themes_other',
      keywords: {
        digital_inclusion: [
          'inclusion',
          'mediation numerique',
          'illectronisme',
          'fracture numerique',
          'e-inclusion',
        ],
        digital_commons: ['communs', 'commons', 'partage', 'sharing', 'wikipedia', 'openstreetmap'],
        open_source_data: [
          'open data',
          'open source',
          'logiciel libre',
          'logiciels libres',
          'donnees ouvertes',
          'libre',
          'free software',
          'opendata',
        ],
        public_services: [
          'services publics',
          'acces aux droits',
          'demarches en ligne',
          'demarches',
          'e-administration',
          'public services',
        ],
        local_authority_tools: ['outils des collectivites', 'outils numeriques', 'smart city'],
        ecological_transition: [
          'ecologie',
          'ecologique',
          'sobriete',
          'numerique responsable',
          'green it',
          'environnement',
          'climat',
          'ecoconception',
          'eco-design',
          'sustainability',
          'low-tech',
          'low tech',
          'reemploi',
          'reconditionnement',
          'numerique durable',
        ],
        accessibility: ['accessibilite', 'handicap', 'rgaa', 'a11y', 'accessibility', 'disability'],
        security_sovereignty: [
          'cybersecurite',
          'cybersecurity',
          'securite',
          'souverainete',
          'cyber',
          'rgpd',
          'donnees personnelles',
          'privacy',
          'security',
          'sovereignty',
          'protection des donnees',
          'vie privee',
        ],
        other: ['autre', 'autres', 'other'],
      },
    },
    {
      slot: 'themes_other',
      prompt: { fr: 'Quel autre thème, ou quels autres thèmes ?', en: 'Which other theme or themes?' },
      help: {
        fr: 'Les thèmes hors de la liste que l’événement abordera, en quelques mots.',
        en: 'The themes outside the list that the event will cover, in a few words.',
      },
      onlyIf: (answers) => Array.isArray(answers.themes) && answers.themes.includes('other'),
      optional: true,
    },
    {
      slot: 'goal',
      prompt: {
        fr: 'Quel est l’objectif de ce NEC local, et qu’apportera-t-il aux acteurs locaux ? (quelques phrases)',
        en: 'What is the goal of this local NEC, and what will it bring to local players? (a few sentences)',
      },
      help: {
        fr: 'Le dossier de l’ANCT demande d’expliquer, avec les thèmes, ce qu’un tel NEC apporte aux acteurs du territoire : ce que vous voulez changer, pour qui, et ce qu’ils y gagneront.',
        en: 'ANCT’s application file asks you to explain, with the themes, what such a NEC brings to the area’s players: what you want to change, for whom, and what they will gain.',
      },
    },
    {
      slot: 'area',
      prompt: {
        fr: 'Quel territoire est concerné ? (ville, département, région…)',
        en: 'Which area does it concern? (city, département, region…)',
      },
      help: {
        fr: 'Le territoire géographique que touche l’événement, tel que vous le décririez dans le dossier.',
        en: 'The geographical area the event reaches, as you would describe it in the application file.',
      },
      names: ['territoire', 'lieu', 'ville', 'zone', 'area', 'place', 'location'],
      findIn: [
        /(?:^|\s)(?:à|a|au|en|in|at|sur|dans (?:le |la |les |l['’]))\s*(?<value>\p{Lu}[\p{L}'’-]+(?:[\s-](?:sur|en|le|la|de|du|des)?[\s-]?\p{Lu}[\p{L}'’-]+)*)/u,
      ],
    },
    {
      slot: 'audience',
      prompt: { fr: 'À quel public vous adressez-vous ?', en: 'Who is the event for?' },
      help: {
        fr: 'Le public visé : médiateurs, élus, agents, associations, habitants…',
        en: 'The target audience: digital mediators, elected officials, staff, associations, residents…',
      },
      names: ['public', 'cible', 'audience'],
    },
    {
      slot: 'expected_attendance',
      prompt: {
        fr: 'Combien de personnes attendez-vous ? (un nombre, par exemple 150)',
        en: 'How many people do you expect? (a number, for example 150)',
      },
      help: {
        fr: 'Le nombre de participants attendus ou inscrits. Le soutien de l’ANCT demande au moins 150 personnes.',
        en: 'The number of expected or registered attendees. ANCT support needs at least 150 people.',
      },
      names: [
        'nombre de participants',
        'participants',
        'nombre de personnes',
        'personnes',
        'attendance',
        'attendees',
        'people',
      ],
      cues: /^[\d\s.,]*(?:personnes?|participant\w*|people|attendees?|inscrit\w*|visiteurs?|persons?)\b/,
      min: 1,
      // Beyond the largest stadiums in France: a typo, not a local event.
      max: 100_000,
    },
    {
      slot: 'venue_capacity',
      prompt: {
        fr: 'Combien de personnes le lieu peut-il accueillir ?',
        en: 'How many people can the venue hold?',
      },
      help: {
        fr: 'La capacité du lieu : pour un soutien, il doit pouvoir accueillir le public attendu. Passez si vous ne le savez pas encore.',
        en: 'The venue’s capacity: for support, it must hold the expected audience. Skip if you do not know yet.',
      },
      names: ['capacite', 'capacite de la salle', 'salle', 'jauge', 'places', 'capacity', 'venue', 'seats'],
      cues: /^[\d\s.,]*(?:places?|seats?|sieges?)\b/,
      optional: true,
      // A venue of 0 seats holds nobody; beyond the largest stadiums is a typo.
      min: 1,
      max: 100_000,
    },
    {
      slot: 'partners',
      prompt: {
        fr: 'Qui co-organise ou soutient l’événement ? (partenaires)',
        en: 'Who is co-organising or partnering? (partners)',
      },
      help: {
        fr: 'Les co-organisateurs et partenaires engagés ; la diversité des organisateurs compte dans la sélection.',
        en: 'The co-organisers and partners involved; a diversity of organisers counts in the selection.',
      },
      names: ['partenaires', 'co-organisateurs', 'partners'],
    },
    {
      slot: 'local_authority_support',
      prompt: {
        fr: 'Au moins une collectivité territoriale soutient-elle l’événement ?',
        en: 'Does at least one local authority support the event?',
      },
      help: {
        fr: 'Le soutien d’au moins une collectivité est demandé pour le financement et le duo chercheur-journaliste.',
        en: 'Support from at least one local authority is required for funding and the researcher-journalist duo.',
      },
      names: ['soutien', 'support'],
      keywords: AUTHORITY_SUPPORT_WORDS,
      detailSlot: 'local_authority_name',
      // An organiser that is itself a local authority supports its own event: proposed, name prefilled.
      implied: (answers) =>
        answers.legal_entity === 'local_authority' && typeof answers.organizer_name === 'string'
          ? {
              note: {
                fr: `Votre structure, « ${answers.organizer_name} », est une collectivité : elle soutient donc l’événement ? Un « oui » l’inscrit comme collectivité qui soutient.`,
                en: `Your organisation, “${answers.organizer_name}”, is a local authority: so it supports the event? A “yes” records it as the supporting authority.`,
              },
              alsoOnYes: { local_authority_name: answers.organizer_name },
            }
          : undefined,
    },
    {
      slot: 'local_authority_name',
      prompt: { fr: 'Quelle collectivité ?', en: 'Which local authority?' },
      help: {
        fr: 'Le nom de la ou des collectivités qui soutiennent l’événement.',
        en: 'The name of the local authority or authorities supporting the event.',
      },
      onlyIf: (answers) => answers.local_authority_support === true,
      optional: true,
    },
    {
      slot: 'session_formats',
      prompt: {
        fr: 'Quels formats envisagez-vous ? (conférences, ateliers, tables rondes…)',
        en: 'Which formats do you plan? (talks, workshops, round tables…)',
      },
      help: {
        fr: 'Les formats des séances ; des formats innovants sont appréciés.',
        en: 'The session formats; innovative formats are appreciated.',
      },
      names: ['formats des seances', 'seances', 'sessions', 'programme'],
    },
    {
      slot: 'resources',
      prompt: {
        fr: 'Quels moyens mobilisez-vous ? (humains, techniques, matériels, communication…)',
        en: 'What resources will you mobilise? (people, technical, equipment, communication…)',
      },
      help: {
        fr: 'Les moyens humains, techniques, matériels et de communication que vous engagez.',
        en: 'The human, technical, material and communication resources you commit.',
      },
      names: ['moyens', 'ressources', 'resources'],
    },
    {
      slot: 'budget_total',
      prompt: {
        fr: 'Quel est le budget total prévisionnel ? (en euros, par exemple 12 000 €)',
        en: 'What is the total provisional budget? (in euros, for example €12,000)',
      },
      help: {
        fr: 'Le total des dépenses prévues (lieu, matériel, communication, intervenants…).',
        en: 'The total planned expenditure (venue, equipment, communication, speakers…).',
      },
      names: ['budget', 'budget total', 'cout', 'cost'],
      cues: /\bbudget\b(?:\s+\S+){0,4}?\s*[\d\s.,]*$/,
      plausible: (value, answers) =>
        value === 0
          ? {
              fr: 'Un budget total de 0 € ne décrit aucune dépense : indiquez le total des dépenses prévues (lieu, matériel, communication, intervenants…).',
              en: 'A total budget of €0 describes no expenditure: give the total planned expenditure (venue, equipment, communication, speakers…).',
            }
          : typeof answers.grant_requested === 'number' &&
              typeof value === 'number' &&
              answers.grant_requested > value
            ? {
                fr: 'Ce budget total est plus petit que la subvention demandée : la subvention ne couvre qu’une part du budget. Indiquez le budget complet, ou baissez aussi la subvention (« modifier subvention »).',
                en: 'This total budget is smaller than the grant requested: the grant only covers part of the budget. Give the whole budget, or lower the grant too (“edit grant”).',
              }
            : undefined,
    },
    {
      slot: 'grant_requested',
      prompt: {
        fr: 'Quel montant de subvention demandez-vous à l’ANCT ? (0 si aucun)',
        en: 'How much grant do you ask ANCT for? (0 if none)',
      },
      help: {
        fr: 'La subvention couvre logistique, communication et programmation ; elle ne peut dépasser 80 % du budget total.',
        en: 'The grant covers logistics, communication and programming; it may not exceed 80% of the total budget.',
      },
      names: ['subvention', 'montant de la subvention', 'aide', 'grant', 'funding', 'financement'],
      plausible: (value, answers) =>
        typeof value === 'number' && typeof answers.budget_total === 'number' && value > answers.budget_total
          ? {
              fr: 'Cette subvention dépasse le budget total prévisionnel : elle ne peut en couvrir qu’une part (80 % au plus). Indiquez un montant plus bas, ou corrigez le budget (« modifier budget »).',
              en: 'This grant is more than the total provisional budget: it can only cover part of it (80% at most). Give a lower amount, or correct the budget (“edit budget”).',
            }
          : undefined,
    },
    {
      slot: 'charter',
      prompt: {
        fr: 'Acceptez-vous les engagements des porteurs de NEC local ? Documenter et publier les contenus en formats ouverts (notamment sur La Base), collaborer avec l’ANCT, participer au NEC national et respecter la charte NEC.',
        en: 'Do you accept the commitments of local NEC organisers? Document and publish the content in open formats (notably on La Base), work with ANCT, take part in the national NEC and respect the NEC charter.',
      },
      help: {
        fr: 'Ces engagements conditionnent le label. Le texte de la charte NEC n’est pas repris ici : il est publié par l’ANCT sur la page des NEC locaux.',
        en: 'These commitments are a condition of the label. The NEC charter’s text is not reproduced here: ANCT publishes it on the local NEC page.',
      },
      names: ['charte', 'engagements', 'charter', 'commitments'],
    },
  ],
  dossier: [
    {
      title: { fr: 'Porteur du projet', en: 'Project holder' },
      slots: ['organizer_name', 'legal_entity', 'legal_entity_other'],
    },
    {
      title: {
        fr: 'Objectif du NEC local : thèmes et bénéfices pour les acteurs locaux',
        en: 'Goal of the local NEC: themes and benefits for local players',
      },
      slots: ['goal', 'themes', 'themes_other'],
    },
    { title: { fr: 'Territoire concerné', en: 'Geographical area' }, slots: ['area'] },
    {
      title: { fr: 'Public visé et participation attendue', en: 'Target audience and expected attendance' },
      slots: ['audience', 'expected_attendance', 'venue_capacity'],
    },
    {
      title: { fr: 'Co-organisateurs et partenaires', en: 'Co-organisers and partners' },
      slots: ['partners', 'local_authority_support', 'local_authority_name'],
    },
    {
      title: { fr: 'Formats envisagés', en: 'Planned formats' },
      slots: ['event_date', 'event_format', 'session_formats'],
    },
    { title: { fr: 'Moyens mobilisés', en: 'Resources mobilised' }, slots: ['resources'] },
    {
      title: { fr: 'Budget prévisionnel', en: 'Provisional budget' },
      slots: ['budget_total', 'grant_requested'],
    },
    { title: { fr: 'Engagements', en: 'Commitments' }, slots: ['charter'] },
  ],
};
