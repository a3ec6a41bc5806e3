/**
 * Street addresses inside a sentence, in French and English: « 3 place de la mairie », « 12 bis rue des
 * Écoles », "12 Market Street", "it's at 3 Place de la Mairie" — and the bus or tram line that goes there (« le
 * bus 12 passe juste devant », "tram line 3"). The number of an address or a line is no quantity (no 3 people, no
 * 3 €) and its words name no answer (« place » is no « sur place », « mairie » no authority's yes): the readers of
 * numbers and of options leave it out. Read on the normalised text (`normalize`).
 */

/** French street words, written before the street's name (« rue », « place », « allée »…). */
const FRENCH_STREET =
  'rue|place|pl|avenue|av|boulevard|bd|bld|chemin|allee|impasse|quai|route|rte|cours|square|parvis|esplanade|rond-point|passage|faubourg|fg|lotissement|residence|hameau|lieu-dit|zone|za|zi|zac';
/** English street words, written after the street's name ("Market Street", "Station Rd"). */
const ENGLISH_STREET = 'street|st|road|rd|avenue|ave|lane|ln|square|sq|terrace|crescent';
/** Units and small words that say the number counts something: « 12 km de route », "200 people by road". */
const NOT_A_STREET_NAME =
  /^(?:km|kms|kilometres?|kilometers?|miles?|m|metres?|meters?|people|persons?|personnes?|euros?|eur|k|places?|seats?|minutes?|mins?|hours?|heures?|h|by|from|to|of|de|du|des|en|a|au|aux|sur|la|le|les|et|ou|dans|pour|avec|and|or|in|at|on|for|with|the|per|par)$/;

const FRENCH = new RegExp(
  String.raw`\b\d{1,4}(?:\s*(?:bis|ter|b))?\s*,?\s+(?:${FRENCH_STREET})\b\.?(?:\s+(?:de|du|des|d'|la|le|les|l')?\s*[\w'-]+){0,5}`,
  'g',
);
const ENGLISH = new RegExp(
  String.raw`\b\d{1,4}[a-z]?((?:\s+[\w'-]+){1,3}?)\s+(?:${ENGLISH_STREET})\b\.?`,
  'g',
);

/** A line of public transport by its number (« le bus 12 », « ligne 3 du tram », "the number 7 bus"). */
const LINE =
  /\b(?:bus|busway|tram|tramway|ligne|line|metro|rer|navette|shuttle)\s+(?:n°\s*|no\.?\s+|numero\s+|number\s+)?\d{1,3}\b|\bnumber\s+\d{1,3}\s+bus\b/g;

/** Where the addresses of a normalised text stand (start and end of each). */
export function addressesIn(typed: string): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  for (const match of typed.matchAll(LINE))
    found.push({ start: match.index, end: match.index + match[0].length });
  for (const match of typed.matchAll(FRENCH))
    found.push({ start: match.index, end: match.index + match[0].length });
  for (const match of typed.matchAll(ENGLISH)) {
    const between = (match[1] ?? '').trim().split(/\s+/);
    if (between.some((word) => NOT_A_STREET_NAME.test(word))) continue;
    found.push({ start: match.index, end: match.index + match[0].length });
  }
  return found;
}

/** The normalised text without its addresses (each left as a space), for the readers of numbers and options. */
export function withoutAddresses(typed: string): string {
  let text = typed;
  for (const { start, end } of addressesIn(typed).sort((a, b) => b.start - a.start))
    text = `${text.slice(0, start)} ${text.slice(end)}`;
  return text;
}
