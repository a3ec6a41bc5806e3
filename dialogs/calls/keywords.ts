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
  'communaute de communes',
  'communaute d agglomeration',
  'agglomeration',
  'agglo',
  'conseil departemental',
  'conseil regional',
  'collectivite locale',
  'council',
  'town council',
  'county council',
  'municipality',
  'city',
  'town',
  'region',
  'french region',
];

/** Words that say a local authority supports the event (« avec le soutien de la région », "backed by the city"). */
const SUPPORT_WORDS = [
  'soutien',
  'soutenu',
  'soutient',
  'appui',
  'support',
  'supported',
  'supports',
  'backed',
];

/** How people say that a local authority supports them, or that none does: the yes and no of that step. */
export const AUTHORITY_SUPPORT_WORDS = {
  yes: SUPPORT_WORDS.flatMap((support) =>
    [
      'collectivite',
      'mairie',
      'commune',
      'ville',
      'departement',
      'region',
      'metropole',
      'agglomeration',
      'agglo',
      'intercommunalite',
      'council',
      'city',
      'town',
      'municipality',
    ].map((authority) => `${support} ${authority}`),
  ),
  no: ['aucun soutien', 'pas de soutien', 'sans soutien', 'no support', 'not supported', 'without support'],
};

/**
 * Where a message names the organisation (« nous sommes l'association « Clic & Lien » », « L'association
 * Terre d'Entraide souhaite… »): the `value` group, for the steps that ask its name.
 */
export const ORGANISATION_NAME_PATTERNS = [
  /\b(?:nous sommes|on est|we are|we're|je repr[ée]sente|nous repr[ée]sentons|i represent|we represent)\s+(?:l['’]\s*|la |le |les |the |une? |an? )?(?:association|asso|cooperative|collectivite|entreprise|societe|commune|ville|mairie|organisation|organization|nonprofit|company|city)?\s*[«"“]?\s*(?<value>\p{Lu}[^,.;!?«»"“”]*?)\s*[»"”]?(?=\s+(?:et|and|qui|who|,)\b|[,.;!?]|$)/u,
  /(?:^|\s)(?:[Ll]['’]\s*|[Ll]a |[Ll]e )(?:[Aa]ssociation|[Aa]sso|[Cc]oop[ée]rative|[Cc]ollectif|[Ee]ntreprise|[Ss]oci[ée]t[ée]|[Ss]tructure)\s+[«"“]?\s*(?<value>\p{Lu}[^,.;!?«»"“”]*?)\s*[»"”]?(?=\s+(?:souhaite|veut|voudrait|aimerait|organise|pr[ée]voit|pr[ée]pare|et|qui)\b|[,.;!?]|$)/u,
];
