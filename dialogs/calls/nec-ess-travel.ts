/** The NEC ESS Europe 2025 travel allowance (source file 001): first-time organisations from more than 20 km away. */
import type { DialogDefinition } from '../definition.ts';
import { ORGANISATION_NAME_PATTERNS } from './keywords.ts';

export const necEssTravel: DialogDefinition = {
  id: 'nec-ess-travel',
  startPhrases: [
    /\b(defraiement|travel allowance|allowance|frais de (deplacement|transport)|rembours\w*|reimburs\w*|travel (?:costs|expenses))\b/,
    // « la prise en charge de mon déplacement au NEC ESS », "my trip to NEC ESS": the travel is what is asked.
    /\bprise en charge\b.*\b(deplacements?|transports?|trajets?|voyages?|billets?|frais)\b/,
    /\b(deplacements?|trajets?|voyages?|travel|trip)\b.*\bnec ess\b|\bnec ess\b.*\b(deplacements?|trajets?|voyages?|travel|trip)\b/,
  ],
  // « NEC ESS » alone names the event; the only application it has here is this allowance.
  names: [
    'nec ess',
    'nec ess europe',
    'defraiement',
    'deplacement',
    'frais de deplacement',
    'frais de transport',
    'travel allowance',
    'allowance',
    'remboursement',
    'prise en charge',
  ],
  steps: [
    {
      slot: 'organisation_name',
      properName: true,
      prompt: { fr: 'Quelle organisation représentez-vous ?', en: 'Which organisation do you represent?' },
      help: {
        fr: 'Le défraiement est accordé par organisation, une seule fois.',
        en: 'The allowance is granted per organisation, once.',
      },
      names: ['organisation', 'nom', 'name', 'structure'],
      findIn: ORGANISATION_NAME_PATTERNS,
    },
    {
      slot: 'first_participation',
      // The source asks « Vous (et/ou vos collègues) y participez pour la première fois ? »: the people who come.
      prompt: {
        fr: 'Est-ce la première fois que vous, ou les collègues qui viennent avec vous, participez au NEC ESS ?',
        en: 'Is this the first time that you, or the colleagues coming with you, take part in NEC ESS?',
      },
      help: {
        fr: 'Le défraiement vise les personnes qui participent au NEC ESS pour la première fois, vous et/ou vos collègues. Avant 2025, le NEC ESS a eu une édition, en novembre 2023 (Paris, Lille, Saint-Sébastien, Bruxelles).',
        en: 'The allowance is meant for people taking part in NEC ESS for the first time, you and/or your colleagues. Before 2025, NEC ESS had one edition, in November 2023 (Paris, Lille, San Sebastián, Brussels).',
      },
      // « c'est notre première participation », « on n'est jamais venus », "not our first time".
      keywords: {
        yes: [
          'premiere fois',
          'premiere participation',
          '1ere participation',
          '1ere fois',
          '1st time',
          'jamais venu',
          'jamais venus',
          'jamais participe',
          'jamais ete',
          'first time',
          'first participation',
          'never been',
          'never been before',
          'never attended',
          'never came',
          'never taken part',
        ],
        no: [
          'pas notre premiere fois',
          'pas notre premiere participation',
          'pas la premiere fois',
          'deja venu',
          'deja venus',
          'sommes venus en',
          'we came',
          'came in',
          'deja participe',
          'deja ete',
          'l an dernier',
          'l annee derniere',
          'deuxieme fois',
          'not our first time',
          'not the first time',
          'attended before',
          'attend before',
          'been before',
          'came before',
          'came last year',
          'last year',
          'second time',
        ],
      },
    },
    {
      slot: 'venue',
      prompt: { fr: 'Où vous rendez-vous ?', en: 'Which venue will you attend?' },
      pastPrompt: {
        fr: 'L’édition 2025 s’est tenue à Bruxelles (25 novembre) puis à Paris (26 et 27 novembre). Lequel de ces lieux visiez-vous ? La distance se mesure jusqu’à lui.',
        en: 'The 2025 edition was held in Brussels (25 November), then in Paris (26–27 November). Which of these venues were you aiming for? The distance is measured to it.',
      },
      help: {
        fr: 'L’édition 2025 avait lieu à Bruxelles le 25 novembre 2025, puis à Paris les 26 et 27 novembre 2025.',
        en: 'The 2025 edition took place in Brussels on 25 November 2025, then in Paris on 26–27 November 2025.',
      },
      names: ['lieu', 'venue', 'ville', 'destination'],
      keywords: { brussels: ['bruxelles', 'brussel', 'bxl', 'belgique', 'belgium'], paris: ['paris'] },
    },
    {
      slot: 'distance_km',
      prompt: {
        fr: 'À combien de kilomètres du lieu de l’événement où vous allez se trouve le siège de votre organisation ?',
        en: 'How many kilometres is your organisation’s headquarters from the event venue you are going to?',
      },
      help: {
        fr: 'Le siège, l’adresse officielle de votre organisation (pas votre domicile), doit être à plus de 20 km du lieu de l’événement : Bruxelles, ou Paris (Musée Social – CEDIAS). La source ne dit pas comment mesurer la distance ; écrivez un nombre de kilomètres, par exemple « 450 km ».',
        en: 'The headquarters, your organisation’s official address (not your home), must be more than 20 km from the event venue: Brussels, or Paris (Musée Social – CEDIAS). The source does not say how to measure the distance; type a number of kilometres, for example “450 km”.',
      },
      names: ['distance', 'km', 'kilometres'],
      measure: 'distance',
      cues: /^[\d\s.,]*(?:km|kilometres?|kilometers?)\b/,
      // A journey of 0 km is none: typed by mistake, never a distance to reimburse.
      min: 1,
      // No two places on Earth are further apart than about 20,000 km.
      max: 20_000,
    },
    {
      slot: 'allowance_already_claimed',
      // « ce défraiement s'applique par l'organisation »: one per organisation, whoever of it comes.
      prompt: {
        fr: 'Quelqu’un de votre organisation (vous ou un·e collègue) a-t-il déjà demandé ce défraiement ? Il est accordé par organisation, pas par personne.',
        en: 'Has anyone from your organisation (you or a colleague) already asked for this allowance? It is granted per organisation, not per person.',
      },
      help: {
        fr: 'Une organisation ne reçoit qu’un défraiement, quel que soit le nombre de personnes qui viennent : si un·e collègue l’a déjà demandé, répondez oui.',
        en: 'An organisation receives one allowance, however many people come: if a colleague has already asked for it, answer yes.',
      },
      // « jamais demandé », "nobody from our org has asked for it yet", « on l'a déjà obtenu ».
      keywords: {
        yes: [
          'deja demande',
          'deja obtenu',
          'deja percu',
          'deja touche',
          'already claimed',
          'already received',
          'already asked',
          'already got',
        ],
        no: [
          'jamais demande',
          'pas encore demande',
          'personne demande',
          'ne l a encore demande',
          'n a encore demande',
          'ne l a jamais demande',
          'premiere demande',
          'never claimed',
          'never asked',
          'not claimed',
          'nobody asked',
          'no one asked',
          'nobody claimed',
          'first claim',
        ],
      },
    },
  ],
  dossier: [
    {
      title: { fr: 'Organisation', en: 'Organisation' },
      slots: ['organisation_name', 'first_participation', 'allowance_already_claimed'],
    },
    { title: { fr: 'Déplacement', en: 'Travel' }, slots: ['venue', 'distance_km'] },
  ],
};
