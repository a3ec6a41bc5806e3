/** Words people use for the same kinds of organisation in several dialogs, so a typed answer finds its choice. */

/** How people name a French local authority (accents dropped: answers are compared without them). */
export const LOCAL_AUTHORITY_WORDS = [
  'collectivite',
  'collectivite territoriale',
  'mairie',
  'commune',
  'ville',
  'departement',
  'region',
  'epci',
  'metropole',
  'intercommunalite',
  'council',
  'municipality',
  'city',
];
