/** How scheduled times and ids are shown to people. */
import { createHash, randomInt } from 'node:crypto';
import { formatDate } from '../core/day-format.ts';
import type { Lang } from '../core/i18n.ts';

// One formatter per language and zone: building an Intl formatter costs far more than using one.
const INSTANT_FORMATS = new Map<string, Intl.DateTimeFormat>();

/** "jeudi 1er avril 2027 à 09:00" / "Thursday 1 April 2027 at 09:00", in the person's zone. */
export function formatInstant(at: Date | number, zone: string, lang: Lang): string {
  const key = `${lang} ${zone}`;
  let formatter = INSTANT_FORMATS.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
      dateStyle: 'full',
      timeStyle: 'short',
      timeZone: zone,
    });
    INSTANT_FORMATS.set(key, formatter);
  }
  return formatDate(formatter, at, lang);
}

// No 0/o, 1/l/i: ids are read off a screen and typed back.
const ID_LETTERS = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A short id people can type back (`cancel reminder r7kq`), with a letter saying what it names. */
export function shortId(prefix: string): string {
  let id = prefix;
  for (let i = 0; i < 4; i++) id += ID_LETTERS[randomInt(ID_LETTERS.length)];
  return id;
}

/** The `attempt`-th short id for `seed`: the same each time, so a turn run again names its job as the first run did. */
export function seededShortId(prefix: string, seed: string, attempt: number): string {
  const bytes = createHash('sha256').update(`${seed}\n${attempt}`).digest();
  let id = prefix;
  for (let i = 0; i < 4; i++) id += ID_LETTERS[(bytes[i] ?? 0) % ID_LETTERS.length];
  return id;
}
