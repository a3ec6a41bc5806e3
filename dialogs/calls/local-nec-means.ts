/**
 * The local NEC application's steps about what the event rests on: attendance and venue, partners and a local
 * authority's support, formats and resources, the budget and grant (checked against each other), the commitments.
 */
import { pluralized } from '../../src/core/plural.ts';
import type { StepDefinition } from '../definition.ts';
import { AUTHORITY_SUPPORT_WORDS } from './keywords.ts';

/** Beyond a few thousand people a local event is rare: a zero typed too many is more likely. */
const MANY_PEOPLE = 5_000;
/** A handful of people is no event either: a digit typed for another question, or a slip, is more likely. */
const FEW_PEOPLE = 10;
const manyPeople = (value: unknown) =>
  typeof value === 'number' && value > 0 && value < FEW_PEOPLE
    ? pluralized(value, {
        fr: {
          one: '{count} seule personne, c’est bien cela ?',
          other: '{count} personnes seulement, c’est bien cela ?',
        },
        en: { one: 'Just {count} person, is that right?', other: 'Just {count} people, is that right?' },
      })
    : typeof value === 'number' && value > MANY_PEOPLE
      ? pluralized(value, {
          fr: {
            one: '{count} personne, c’est beaucoup pour un événement local : c’est bien cela ?',
            other: '{count} personnes, c’est beaucoup pour un événement local : c’est bien cela ?',
          },
          en: {
            one: '{count} person is a lot for a local event: is that right?',
            other: '{count} people is a lot for a local event: is that right?',
          },
        })
      : undefined;

export const MEANS_STEPS: StepDefinition[] = [
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
    // « 200 personnes », or « on sera 200 », "we'll be about 200" (the number last).
    cues: /^[\d\s.,]*-?\s*(?:personnes?|pers|person|participant\w*|people|attendees?|inscrit\w*|visiteurs?|persons?)\b|\b(?:on sera|on serait|nous serons|we'll be|we will be)\s+(?:(?:environ|about|around|a peu pres|plutot|rather|actually|en fait|finalement|au moins|at least)\s+)*\d[\d\s.,]*$/,
    min: 1,
    // Beyond the largest stadiums in France: a typo, not a local event.
    max: 100_000,
    unusual: manyPeople,
  },
  {
    slot: 'venue_capacity',
    prompt: {
      fr: 'Combien de personnes le lieu peut-il accueillir ?',
      en: 'How many people can the venue hold?',
    },
    // The rule applies online too (the source makes no exception): there, the "venue" is the video tool.
    promptGiven: (answers) =>
      answers.event_format === 'online'
        ? {
            fr: 'L’événement est en ligne : combien de participants votre outil de visioconférence peut-il accueillir ?',
            en: 'The event is online: how many participants can your video-conferencing tool hold?',
          }
        : undefined,
    help: {
      fr: 'La capacité du lieu : pour un soutien, il doit pouvoir accueillir le public attendu. Pour un événement en ligne, le nombre de participants que votre outil de visio accepte (la source ne prévoit pas d’exception pour le en ligne). Si vous ne le savez pas encore, « passer » : la subvention et le duo resteront à vérifier.',
      en: 'The venue’s capacity: for support, it must hold the expected audience. For an online event, how many participants your video tool accepts (the source makes no exception for online events). If you do not know yet, “skip”: the grant and the duo stay to be checked.',
    },
    names: ['capacite', 'capacite de la salle', 'salle', 'jauge', 'places', 'capacity', 'venue', 'seats'],
    // « 300 places », "a 400-seat venue", or « la salle fait 300 », "our venue holds 120", "the hall takes 180",
    // "venue capacity 250", « jauge : 250 » (the number last).
    cues: /^[\d\s.,]*-?\s*(?:places?|seats?|seater|sieges?)\b|\b(?:venue|salle|lieu|room|hall)\b(?:\s+\S+){0,3}?\s+(?:holds|can hold|seats|can seat|fits|takes|can take|accueille|peut accueillir|fait|contient)\s+(?:up to\s+|jusqu'a\s+)?\d[\d\s.,]*$|\b(?:capacity|capacite|jauge)\s*(?:of|de|:|is|est de|est)?\s*\d[\d\s.,]*$/,
    // A venue of 0 seats holds nobody; beyond the largest stadiums is a typo.
    min: 1,
    max: 100_000,
    unusual: manyPeople,
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
    names: ['soutien', 'soutenir', 'support'],
    keywords: AUTHORITY_SUPPORT_WORDS,
    detailSlot: 'local_authority_name',
    // An organiser that is itself a local authority supports its own event: proposed, name prefilled.
    implied: (answers) =>
      answers.legal_entity === 'local_authority' && typeof answers.organizer_name === 'string'
        ? {
            note: {
              fr: `Votre structure, « ${answers.organizer_name} », est une collectivité : si elle soutient elle-même l’événement, un « oui » l’inscrit comme collectivité qui soutient.`,
              en: `Your organisation, “${answers.organizer_name}”, is a local authority: if it supports the event itself, a “yes” records it as the supporting authority.`,
            },
            alsoOnYes: { local_authority_name: answers.organizer_name },
          }
        : undefined,
  },
  {
    slot: 'local_authority_name',
    properName: true,
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
    cues: /\bbudget\b(?:\s+\S+){0,4}?\s*\d[\d\s.,]*$/,
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
      fr: 'Quel montant de subvention demandez-vous à l’ANCT ? (en euros ; 0 si vous n’en demandez pas)',
      en: 'How much grant do you ask ANCT for? (in euros; 0 if you ask for none)',
    },
    help: {
      fr: 'La subvention couvre logistique, communication et programmation ; elle ne peut dépasser 80 % du budget total.',
      en: 'The grant covers logistics, communication and programming; it may not exceed 80% of the total budget.',
    },
    names: ['subvention', 'montant de la subvention', 'aide', 'grant', 'funding', 'financement'],
    // « 8000 € de subvention », « subvention demandée de 8000 € », "asking ANCT for 15,000".
    cues: /^[\d\s.,]*(?:k\b|k?\s*€|euros?\b|keur\b)?\s*(?:(?:de\s+|d')?(?:subvention|grant|aide|financement)|demandee?s?|sollicitee?s?|requested|asked for)\b|\b(?:subvention|grant|ask(?:ing)?(?:\s+\S+){0,2}?\s+for|we(?:'d| would)?\s+ask|demandons|demanderons|demandera|demanderait|demande(?:e|r)?(?:\s+a\s+l'anct)?)\b(?:\s+\S+){0,3}?\s*(?:de\s+)?(?:€\s*)?\d[\d\s.,]*$/,
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
];
