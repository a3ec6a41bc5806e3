/**
 * The units a count or a distance is said in (`unit:` on an integer or number slot of a call file): « 150
 * personnes », « 200 places », « 300 km », as euros are « 12 000 € ». French puts a narrow no-break space
 * between the number and its unit, as Intl writes « 300 km »; English an ordinary space.
 */
import type { Lang } from '../src/core/i18n.ts';
import { type Counted, plural } from '../src/core/plural.ts';
import { NARROW_NBSP } from '../src/core/typography.ts';

export const SLOT_UNITS = ['people', 'seats', 'km'] as const;
export type SlotUnit = (typeof SLOT_UNITS)[number];

const FORMS: Record<SlotUnit, Counted> = {
  people: {
    fr: { one: `{count}${NARROW_NBSP}personne`, other: `{count}${NARROW_NBSP}personnes` },
    en: { one: '{count} person', other: '{count} people' },
  },
  seats: {
    fr: { one: `{count}${NARROW_NBSP}place`, other: `{count}${NARROW_NBSP}places` },
    en: { one: '{count} seat', other: '{count} seats' },
  },
  km: {
    fr: { one: `{count}${NARROW_NBSP}km`, other: `{count}${NARROW_NBSP}km` },
    en: { one: '{count} km', other: '{count} km' },
  },
};

/** « 150 personnes », "1 person", « 12,5 km », the number written the language's way. */
export function withUnit(value: number, unit: SlotUnit, lang: Lang): string {
  return plural(lang, value, FORMS[unit]);
}
