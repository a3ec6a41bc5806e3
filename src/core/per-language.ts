/**
 * Something made once per language, when that language first needs it, then kept: the Intl formatters.
 * Building one costs far more than using one (the core benchmark), so they are kept; and built lazily, because
 * building any of them at start-up made an idle bot touch ICU's data, about 8 MB resident before anyone wrote
 * (issue 14, BENCHMARKS.md).
 */
import type { Lang } from './i18n.ts';

export function perLanguage<T>(make: (lang: Lang) => T): (lang: Lang) => T {
  const made: Partial<Record<Lang, T>> = {};
  return (lang) => {
    const known = made[lang];
    if (known !== undefined) return known;
    const fresh = make(lang);
    made[lang] = fresh;
    return fresh;
  };
}
