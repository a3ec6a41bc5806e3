/** Words people use for the same kinds of organisation in several dialogs, so a typed answer finds its choice. */
import { createRequire } from 'node:module';
import { contentWords } from '../../src/understanding/words.ts';

/** How people name a French local authority (accents dropped: answers are compared without them). */
export const LOCAL_AUTHORITY_WORDS = [
  'collectivite',
  'collectivite territoriale',
  'mairie',
  'commune',
  'ville',
  'departement',
  'region',
  'conseil departemental',
  'conseil regional',
  'collectivite locale',
  'council',
  'town council',
  'county council',
  'municipality',
  'city',
  'town',
  'french region',
  'department',
  'french department',
  'county',
];

/**
 * How people name a grouping of local authorities (an EPCI, a syndicat mixte, most métropoles). The sources
 * name them beside the collectivités, not among them (« les collectivités territoriales et leurs groupements »,
 * « communes, EPCI, départements »): these words belong to two kinds, so the person is asked which one its
 * statutes give rather than the bot choosing.
 */
export const GROUPING_WORDS = [
  'epci',
  'metropole',
  'intercommunalite',
  'communaute de communes',
  'communaute d agglomeration',
  'communaute urbaine',
  'agglomeration',
  'agglo',
  'syndicat mixte',
  'syndicat intercommunal',
  'groupement de collectivites',
  'groupement de communes',
  'inter-municipal',
  'intermunicipal',
];

/** How people name an association (« asso loi 1901 », "nonprofit", « ONG »). */
export const ASSOCIATION_WORDS = [
  'asso',
  'assoc',
  'associatif',
  'associative',
  'loi 1901',
  'nonprofit',
  'non profit',
  'non-profit',
  'ngo',
  'ong',
  'charity',
  'collectif',
  // The English word, said as « collectif » is: without it, it reads as a typo of « collectivité ».
  'collective',
];

/** How people name a company, by its legal forms too (« une SARL », "a startup"). */
export const COMPANY_WORDS = [
  'entreprise',
  'societe',
  'sas',
  'sasu',
  'sarl',
  'eurl',
  'business',
  'startup',
  'start-up',
  'firm',
  'company',
  'pme',
  'tpe',
  'agence',
  'agency',
  'cabinet',
  'consultancy',
  'bureau d etudes',
];

/** How people name a public body that is not a local authority (a university, a CCAS, a GIP). */
export const PUBLIC_BODY_WORDS = [
  'etablissement public',
  'administration',
  'public agency',
  'public body',
  'universite',
  'university',
  'ccas',
  'gip',
  'groupement d interet public',
  'ecole',
  'school',
  'lycee',
  'college',
  'hopital',
  'hospital',
  'mediatheque',
  'bibliotheque',
  'library',
];

/** Legal entities of none of the kinds above (a foundation, a union, a federation). */
export const OTHER_BODY_WORDS = ['fondation', 'foundation', 'syndicat', 'union', 'groupement', 'federation'];

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

/** How people name the local authority that supports them. */
const SUPPORTERS = [
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
];

/**
 * How people say that a local authority supports them, or that none does: the yes and no of that step — « avec
 * le soutien de la région », and the other way round, « le département nous soutient », "the city backs us".
 */
export const AUTHORITY_SUPPORT_WORDS = {
  yes: [
    ...SUPPORT_WORDS.flatMap((support) => SUPPORTERS.map((authority) => `${support} ${authority}`)),
    ...['soutient', 'soutiennent', 'appuie', 'backs', 'supports'].flatMap((verb) =>
      SUPPORTERS.map((authority) => `${authority} ${verb}`),
    ),
  ],
  no: ['aucun soutien', 'pas de soutien', 'sans soutien', 'no support', 'not supported', 'without support'],
};

/** A public body named with its place (« la mairie de Quimperlé », « Métropole de Lyon »): the `value` group. */
const NAMED_BODY = String.raw`(?<value>(?:[Mm]airie|[Vv]ille|[Cc]ommune|[Mm][ée]tropole|[Rr][ée]gion|[Dd][ée]partement|[Cc]onseil (?:d[ée]partemental|r[ée]gional)|[Cc]ommunaut[ée] (?:de communes|d['’]agglom[ée]ration)|[Aa]gglom[ée]ration|[Cc]ity|[Tt]own|[Cc]ouncil|[Uu]niversit[ée]|CCAS|CIAS|[Mm][ée]diath[èe]que|[Bb]iblioth[èe]que)\s+(?:de |d['’]|du |des |of )?\p{Lu}[\p{L}'’-]*(?:[\s-](?:sur|en|le|la|de|du|des|et)?[\s-]?\p{Lu}[\p{L}'’-]*)*)`;

/**
 * Where a message names the organisation (« nous sommes l'association « Clic & Lien » », « L'association
 * Terre d'Entraide souhaite… »): the `value` group, for the steps that ask its name.
 */
export const ORGANISATION_NAME_PATTERNS = [
  /\b(?:[Nn]ous sommes|[Oo]n est|[Ww]e are|[Ww]e['’]re|[Jj]e repr[ée]sente|[Nn]ous repr[ée]sentons|I represent|[Ww]e represent)\s+(?:l['’]\s*|la |le |les |the |une? |an? )?(?:association|asso|cooperative|collectivite|entreprise|societe|commune|ville|mairie|organisation|organization|nonprofit|company|city)?\s*[«"“'‘]?\s*(?<value>\p{Lu}[^,.;!?«»"“”]*?)\s*[»"”'’]?(?=\s+(?:et|and|qui|who|,)\b|[,.;!?]|$)/u,
  // « je suis chargée de mission à la mairie de Quimperlé », "I work for the City of Lyon": the body, its kind kept.
  new RegExp(
    `\\b(?:[Jj]e suis|[Jj]e travaille|[Nn]ous sommes|[Oo]n est|[Jj]e repr[ée]sente|[Nn]ous repr[ée]sentons|I work|I['’]m|I am|[Ww]e are|[Ww]e['’]re)\\b[^,.;!?]{0,40}?(?<=\\s)(?:à|a|pour|chez|de|at|for|with|from)\\s+(?:la |le |l['’]|the )?${NAMED_BODY}`,
    'u',
  ),
  // « La Métropole de Lyon souhaite… », « ici la mairie de Quimperlé, … »: the body opening the sentence.
  new RegExp(
    `(?:^|[,.;!?]\\s*|\\b(?:[Bb]onjour|[Hh]ello|[Ii]ci|[Hh]ere)\\b[,!]?\\s+)(?:[Ll]a |[Ll]e |[Ll]['’]\\s*|[Tt]he |[Oo]ur )?${NAMED_BODY}(?=\\s*,|\\s+(?:souhaite|souhaiterait|veut|voudrait|aimerait|organise|pr[ée]voit|pr[ée]pare|candidate|would|wants|plans|is planning|hopes|et|and|qui)\\b)`,
    'u',
  ),
  // "our town hall (Ville de Brest) wants…", « nous (Mairie de Quimper) voulons… »: the body given in brackets.
  new RegExp(String.raw`\(\s*(?:[Ll]a |[Ll]e |[Ll]['’]\s*|[Tt]he )?${NAMED_BODY}\s*\)`, 'u'),
  /(?:^|\s)(?:[Ll]['’]\s*|[Ll]a |[Ll]e )(?:[Aa]ssociation|[Aa]sso|[Cc]oop[ée]rative|[Cc]ollectif|[Ee]ntreprise|[Ss]oci[ée]t[ée]|[Ss]tructure)\s+[«"“]?\s*(?<value>\p{Lu}[^,.;!?«»"“”]*?)\s*[»"”]?(?=\s+(?:souhaite|souhaiterait|veut|voudrait|aimerait|organise|pr[ée]voit|pr[ée]pare|et|qui)\b|[,.;!?]|$)/u,
  // « une asso loi 1901 qui s'appelle Les Liens Numériques », « un collectif nommé Clic », "a nonprofit called Open Lab".
  /\b(?:[Aa]sso\w*|[Ss]tructure|[Oo]rgani[sz]ation|[Oo]rg|[Ee]ntreprise|[Ss]oci[ée]t[ée]|[Cc]oop\w*|SCOP|SCIC|[Cc]ollectif|[Ff]ondation|[Ff]oundation|[Cc]ompany|[Nn]onprofit|[Nn]on-profit|[Cc]harity|[Gg]roup|[Cc]lub|[Rr][ée]seau|[Nn]etwork|[Ff][ée]d[ée]ration|[Ss]tart-?up|[Aa]gence|[Aa]gency)\b(?:\s+[^\s,.;!?]+){0,4}?\s+(?:qui\s+s['’]appelle|qui\s+se\s+nomme|(?:nomm|appel|d[ée]nomm)[ée]e?s?|called|named)\s+[«"“]?\s*(?<value>\p{Lu}[^,.;!?«»"“”]*?)\s*[»"”]?(?=\s+(?:et|and|qui|who|,)\b|[,.;!?]|$)/u,
  // "our organisation is Tech for Good Lille", « notre structure s'appelle Les Liens ».
  /\b(?:[Oo]ur|[Mm]y)\s+(?:organi[sz]ation|org|association|company|structure|nonprofit)\s+is\s+(?:called\s+)?[«"“]?\s*(?<value>\p{Lu}[^,.;!?«»"“”]*?)\s*[»"”]?(?=\s+(?:and|who|,)\b|[,.;!?]|$)/u,
  /\b(?:[Nn]otre|[Mm]a)\s+(?:structure|organisation|association|entreprise)\s+(?:s['’]appelle|se nomme|c['’]est)\s+[«"“]?\s*(?<value>\p{Lu}[^,.;!?«»"“”]*?)\s*[»"”]?(?=\s+(?:et|qui|,)\b|[,.;!?]|$)/u,
];

// The country names come from i18n-iso-countries (ISO 3166-1, names in French and English, kept up to date):
// only its two languages are loaded, once, rather than the eighty its default entry registers.
const require = createRequire(import.meta.url);
const countries = require('i18n-iso-countries/index') as typeof import('i18n-iso-countries');
for (const lang of ['fr', 'en']) countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));

/** France and its overseas départements and collectivités: a French local authority, not a foreign one. */
export const FRENCH = new Set(['FR', 'GP', 'MQ', 'GF', 'RE', 'YT', 'PM', 'BL', 'MF', 'WF', 'PF', 'NC', 'TF']);
/** Country names that are also common words or first names (« marin », « Maurice », "Chad", "Turkey"). */
const AMBIGUOUS = new Set([
  'marin',
  'chad',
  'jordan',
  'georgia',
  'jersey',
  'guernsey',
  'turkey',
  'chili',
  'maurice',
  'dominique',
  'grenade',
  // One letter from « Guyane », which is French.
  'guyana',
]);

/**
 * The countries other than France, as people name them in French and English (« au Sénégal », "in Morocco"):
 * naming one says the authority is foreign. Only names that are one distinctive word of five letters or more
 * once small words are gone, so that « Saint-… » or "Isle of …" names nothing by a common word.
 */
const foreignCountryNames = (['fr', 'en'] as const).flatMap((lang) =>
  Object.entries(countries.getNames(lang, { select: 'all' }))
    .filter(([code]) => !FRENCH.has(code))
    .flatMap(([, names]) => names)
    .map(contentWords),
);
export const FOREIGN_COUNTRY_WORDS = [
  ...new Set(
    foreignCountryNames
      .filter((words) => words.length === 1 && (words[0] ?? '').length >= 5 && !AMBIGUOUS.has(words[0] ?? ''))
      .map((words) => words[0] as string),
  ),
];

/**
 * The countries named in several words (« Burkina Faso », « Côte d'Ivoire », "South Africa"), as content words;
 * not those named after a saint (« Sainte-Hélène » is also a commune of Gironde).
 */
export const FOREIGN_COUNTRY_PHRASES = [
  ...new Set(
    foreignCountryNames
      .filter((words) => words.length >= 2 && !/^(?:saint|sainte|st)$/.test(words[0] ?? ''))
      .map((words) => words.join(' ')),
  ),
];
