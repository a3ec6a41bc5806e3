/**
 * Places abroad, for the foreign ministry's call: a country other than France (« au Sénégal », "in Morocco"),
 * or a city that only exists abroad (« la ville de Dakar », "with Ouagadougou"). The cities come from
 * city-timezones (MIT; 7,300 towns of Natural Earth's populated places, each with its country): a small list
 * kept by others rather than one of ours. It is read once, when a text first names a place; a name it also gives in
 * France (Lyon, Brest) or does not know (most French communes) is never taken for a place abroad.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { normalize } from '../../src/core/text.ts';
import { contentWords } from '../../src/understanding/words.ts';
import { FOREIGN_COUNTRY_PHRASES, FOREIGN_COUNTRY_WORDS, FRENCH } from './keywords.ts';

/**
 * The city names known abroad and not in France (normalised, hyphens as spaces), read from city-timezones'
 * file when a text first asks. Read and parsed rather than `require`d, and only this set kept: `require` kept
 * the whole parsed file (7,300 records of ten fields) in its cache for good, ~5 MB of idle memory for a
 * question only the foreign ministry's call asks (issue 14).
 */
let citiesAbroad: Set<string> | undefined;
function citiesOnlyAbroad(): Set<string> {
  if (citiesAbroad) return citiesAbroad;
  const file = createRequire(import.meta.url).resolve('city-timezones/data/cityMap.json');
  const cities = JSON.parse(readFileSync(file, 'utf8')) as Array<{
    city: string;
    city_ascii: string;
    iso2: string;
  }>;
  const abroad = new Set<string>();
  const inFrance = new Set<string>();
  for (const { city, city_ascii, iso2 } of cities)
    for (const name of [city, city_ascii].map((n) => normalize(n).replace(/-/g, ' ')))
      if (name.length >= 4) (FRENCH.has(iso2) ? inFrance : abroad).add(name);
  for (const name of inFrance) abroad.delete(name);
  citiesAbroad = abroad;
  return abroad;
}

const FOREIGN_COUNTRIES = new Set(FOREIGN_COUNTRY_WORDS);

/** A run of capitalised words as typed (« Dakar », « Porto Novo », « Saint-Louis »): a place's name. */
const PROPER_NAME = /\p{Lu}[\p{L}'’]*(?:[\s-]\p{Lu}[\p{L}'’]*)*/gu;

/** Whether a name (« Dakar », « Porto-Novo ») is a city known abroad and not in France. */
export function isCityAbroad(name: string): boolean {
  return citiesOnlyAbroad().has(normalize(name).replace(/-/g, ' '));
}

/** Whether a text names a place abroad: a foreign country, or a capitalised city name known only abroad. */
export function namesPlaceAbroad(text: string): boolean {
  if (/\b(?:a l'etranger|etrangere?s?|abroad|foreign|overseas)\b/.test(normalize(text))) return true;
  const words = contentWords(text);
  if (words.some((w) => FOREIGN_COUNTRIES.has(w))) return true;
  const said = ` ${words.join(' ')} `;
  if (FOREIGN_COUNTRY_PHRASES.some((phrase) => said.includes(` ${phrase} `))) return true;
  return [...text.matchAll(PROPER_NAME)].some((m) => isCityAbroad(m[0]));
}

/** What follows « avec », "with", « aux côtés de » up to the end of the clause: who the project is done with. */
const WITH_CLAUSE =
  /\b(?:[Aa]vec|[Ww]ith|[Tt]ogether with|aux côtés de|aux cotes de|alongside|en lien avec)\b([^.;!?]*)/gu;

/**
 * « avec une province du Vietnam », « avec la ville de Tanger au Maroc », "with Ouagadougou": the project is done
 * with someone in another country — a partner abroad, even when the word « partenaire » is not said.
 */
export function withPartnerAbroad(text: string): true | undefined {
  for (const clause of text.matchAll(WITH_CLAUSE)) if (namesPlaceAbroad(clause[1] ?? '')) return true;
  return undefined;
}

/** The authority a message says applies (« la ville de Dakar souhaite… », "the city of Dakar would like…"). */
const APPLICANT =
  /(?:^|[,.!?]\s*|\b(?:bonjour|hello|hi)\b[\s,]*)(?:(?:la|le|l['’]|the)\s*)?(?:[Vv]ille|[Cc]ommune|[Mm]unicipalit[ée]|[Mm]airie|[Cc]ity|[Tt]own|[Mm]unicipality|[Cc]ouncil)\s+(?:de\s+|d['’]\s*|of\s+)(?<name>\p{Lu}[\p{L}'’]*(?:[\s-]\p{Lu}[\p{L}'’]*)*)/u;

/**
 * A message whose applicant is a city known only abroad (« la ville de Dakar souhaite candidater ») says the
 * applicant is a foreign authority; the partners it names (« avec la ville de Tanger ») are not the applicant.
 */
export function applicantAbroad(text: string): 'foreign_authority' | undefined {
  const name = APPLICANT.exec(text)?.groups?.name;
  return name && isCityAbroad(name) ? 'foreign_authority' : undefined;
}
