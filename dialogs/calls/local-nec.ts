/**
 * The local NEC application (ANCT, source file 000): the steps of the application file, in its order (who applies,
 * the event, what it rests on: one file each), and the dossier laid out as the source's application file.
 */
import type { DialogDefinition } from '../definition.ts';
import { EVENT_STEPS } from './local-nec-event.ts';
import { MEANS_STEPS } from './local-nec-means.ts';
import { ORGANISER_STEPS } from './local-nec-organiser.ts';

export const localNec: DialogDefinition = {
  id: 'local-nec',
  startPhrases: [
    /\b(nec|numerique en communs?)\b.*\blocal/,
    /\blocal\b.*\bnec\b/,
    // Organising "a NEC" can only mean a local one (the national one has its organisers).
    /\b(organis|organiz|monter|host|run)\w*\s+(un|une|le|notre|a|an|our)\s+(nec|numerique en communs?)\b/,
  ],
  names: [
    'nec local',
    'local nec',
    'nec locaux',
    'numerique en commun local',
    'numerique en communs local',
    'numerique en commun s local',
    'label nec',
  ],
  steps: [...ORGANISER_STEPS, ...EVENT_STEPS, ...MEANS_STEPS],
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
