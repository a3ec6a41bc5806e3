/**
 * Who else a message names — the supporters and partners (« avec le soutien de la région », "together with a
 * partner city in Morocco", « soutenu par la métropole », « notre partenaire principal est une association »,
 * « avec Ouagadougou au Burkina Faso ») — is not the organisation applying: its kind is read without them, in an
 * opening's facts and at the step that asks it.
 */
const OTHER_PARTIES =
  /(?:\b(?:avec|with|together with|gr[âa]ce [àa]|thanks to)\s+)?(?:(?:le|la|les|l['’]|un|une|des|notre|nos|leur|our|their|a|an|the)\s*)?\b(?:soutien|support|appui|accompagnement|partenariat|partenaires?|partners?|partnership)\b[^,;.!?]*|\b(?:soutenue?s?|support(?:ed|s)|backed|accompagn[ée]e?s?|aid[ée]e?s?|financ[ée]e?s?|funded)\s+(?:par|by)\b[^,;.!?]*/giu;
/** « le département nous soutient », "the city backs us": the supporter, named before its verb. */
const SUPPORTER_BEFORE =
  /(?:\b(?:la|le|l['’]|les|notre|nos|the|our)\s*)?[\p{L}'’-]+(?:\s+[\p{L}'’-]+)?\s+(?:nous\s+(?:soutien\w*|appui\w*|accompagn\w*|aide\w*|finance\w*)|(?:backs|supports|is\s+backing|is\s+supporting|funds|is\s+funding)\s+us)\b/giu;
/**
 * « avec une province du Vietnam », "with our partner town in Senegal": the partner, not the organisation. (The
 * word's end is no `\b`: after « collectivité » JavaScript sees none, even with the `u` flag.)
 */
const WITH_PARTNER =
  /\b(?:avec|with|together\s+with)\s+(?:(?:une?|sa|son|ses|leur|notre|nos|la|le|les|l['’]|a|an|the|our|their|its)\s*)?(?:partner\s+|partenaire\s+)?(?:province|r[ée]gion|region|ville|commune|municipalit[ée]|city|town|municipality|district|partner|partenaire|collectivit[ée])s?(?!\p{L})[^,;.!?]*/giu;
/** « avec Ouagadougou au Burkina Faso », "with Dakar": a named place or body the organisation works with. */
const WITH_NAMED =
  /\b(?:[Aa]vec|[Ww]ith)\s+(?:(?:la|le|les|l['’]|notre|nos|our|the)\s*)?(?:[Vv]ille|[Cc]ommune|[Mm]unicipalit[ée]|[Cc]ity|[Tt]own|[Mm]unicipality|[Cc]ouncil)?\s*(?=\p{Lu})[^,;.!?]*/gu;

/** The text without the other parties it names (blanked by a space each). */
export function withoutOtherParties(text: string): string {
  return text
    .replace(OTHER_PARTIES, ' ')
    .replace(SUPPORTER_BEFORE, ' ')
    .replace(WITH_PARTNER, ' ')
    .replace(WITH_NAMED, ' ');
}
