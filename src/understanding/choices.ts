/**
 * Which option(s) a sentence names: by label (either language), by the synonyms kept as data beside each
 * option, with articles and small words ignored and light typos forgiven (`une assocation`, `en hybrid`).
 * A name written in full wins over a word it contains (`collectivité étrangère` over `collectivité`); two
 * readings that stand apart (`association ou coopérative`) are returned as close, for the person to pick.
 */
import type { Localized } from '../core/i18n.ts';
import { normalize } from '../core/text.ts';
import { contentWords, wordMatch } from './words.ts';

export interface ChoiceOption {
  id: string;
  label: Localized;
  /** Synonyms and domain words (`SCIC`, `open data`, `conseil départemental`), typed without accents. */
  keywords?: string[];
}

export type ChoiceReading = { kind: 'one'; id: string } | { kind: 'close'; ids: string[] } | { kind: 'none' };

export type ChoicesReading =
  | { kind: 'some'; ids: string[] }
  /** Pieces of the answer that name no option. */
  | { kind: 'unknown'; pieces: string[] }
  | { kind: 'none' };

interface Hit {
  id: string;
  /** Positions of the typed words the option's name covers. */
  covered: Set<number>;
  exact: boolean;
}

/** The names of each option, as word lists, and the words only one option uses (those alone decide). */
function namesOf(options: ChoiceOption[]): { names: Map<string, string[][]>; distinctive: Set<string> } {
  const names = new Map<string, string[][]>();
  const owners = new Map<string, Set<string>>();
  for (const option of options) {
    const phrases = [
      option.label.fr,
      option.label.en,
      option.id.replace(/_/g, ' '),
      ...(option.keywords ?? []),
    ]
      .map(contentWords)
      .filter((words) => words.length > 0);
    names.set(option.id, phrases);
    for (const word of phrases.flat()) owners.set(word, (owners.get(word) ?? new Set()).add(option.id));
  }
  const distinctive = new Set([...owners].filter(([, ids]) => ids.size === 1).map(([word]) => word));
  return { names, distinctive };
}

/** How strict a reading is: `exactOnly` ignores typos (facts picked from a longer message). */
export interface ReadingOptions {
  exactOnly?: boolean;
}

/** Every option the words name, with the words each covers. */
function hits(words: string[], options: ChoiceOption[], { exactOnly = false }: ReadingOptions = {}): Hit[] {
  const { names, distinctive } = namesOf(options);
  const found: Hit[] = [];
  for (const option of options) {
    // Every name of the option that the words give counts: `numérique responsable et écoconception`.
    let hit: Hit | undefined;
    for (const phrase of names.get(option.id) ?? []) {
      const covered = new Set<number>();
      let exact = true;
      let decisive = false;
      for (const known of phrase) {
        const at = words.findIndex((typed, i) => {
          if (covered.has(i)) return false;
          const match = wordMatch(typed, known);
          return match === 'exact' || (match === 'near' && !exactOnly);
        });
        if (at < 0) continue;
        covered.add(at);
        if (wordMatch(words[at] ?? '', known) !== 'exact') exact = false;
        if (distinctive.has(known)) decisive = true;
      }
      // A whole name, or one of the words only this option uses (a whole name only, when reading strictly).
      if (covered.size === 0 || (covered.size < phrase.length && (!decisive || exactOnly))) continue;
      if (!hit) hit = { id: option.id, covered, exact };
      else {
        for (const i of covered) hit.covered.add(i);
        hit.exact ||= exact;
      }
    }
    if (hit) found.push(hit);
  }
  // A reading whose words another reading covers too, and more, gives way (`collectivité` in `collectivité étrangère`).
  return found.filter(
    (h) =>
      !found.some(
        (other) =>
          other !== h &&
          other.covered.size > h.covered.size &&
          [...h.covered].every((i) => other.covered.has(i)),
      ),
  );
}

const ALL = /^(tous|toutes|tout|tous les themes|all|all of them|everything|l'ensemble)$/;
const BOTH = /^(les deux|both|both of them|tous les deux|toutes les deux)$/;

/** The one option a sentence names. */
export function choiceIn(text: string, options: ChoiceOption[], how: ReadingOptions = {}): ChoiceReading {
  const typed = normalize(text).replace(/[.!]+$/, '');
  if (/^\d{1,2}$/.test(typed)) {
    const option = options[Number(typed) - 1];
    return option ? { kind: 'one', id: option.id } : { kind: 'none' };
  }
  const found = hits(contentWords(text), options, how);
  if (found.length === 0) return { kind: 'none' };
  if (found.length === 1) return { kind: 'one', id: (found[0] as Hit).id };
  // Exact names beat guesses at typos.
  const exact = found.filter((h) => h.exact);
  if (exact.length === 1) return { kind: 'one', id: (exact[0] as Hit).id };
  return { kind: 'close', ids: found.map((h) => h.id) };
}

/** The options a sentence names (`l'inclusion numérique et l'accessibilité`, `1, 7 et 8`, `tous`). */
export function choicesIn(text: string, options: ChoiceOption[], how: ReadingOptions = {}): ChoicesReading {
  const typed = normalize(text).replace(/[.!]+$/, '');
  const chosen = options.filter((o) => o.id !== 'other');
  if (ALL.test(typed)) return { kind: 'some', ids: chosen.map((o) => o.id) };
  if (BOTH.test(typed) && chosen.length === 2) return { kind: 'some', ids: chosen.map((o) => o.id) };
  const pieces = text
    .trim()
    .replace(/[.!]+$/, '')
    .split(/\s*(?:,|;|\/|\+|&|\bet\b|\band\b|\bou\b|\bor\b)\s*/i)
    .filter(Boolean);
  // Pieces keep the person's spelling: the ones that name nothing are quoted back as typed.
  if (pieces.length > 0 && pieces.every((p) => /^\d{1,2}$/.test(p))) {
    const picked = pieces.map((p) => options[Number(p) - 1]);
    if (picked.some((o) => o === undefined)) return { kind: 'none' };
    return { kind: 'some', ids: [...new Set(picked.map((o) => (o as ChoiceOption).id))] };
  }
  const words = contentWords(text);
  const found = hits(words, options, how);
  if (found.length === 0) {
    const named = pieces.filter((p) => contentWords(p).length > 0);
    return named.length > 0 ? { kind: 'unknown', pieces: named } : { kind: 'none' };
  }
  const covered = new Set(found.flatMap((h) => [...h.covered]));
  const unknown = pieces.filter((piece) => {
    const own = contentWords(piece).filter((w) => w.length > 2);
    return (
      own.length > 0 && own.every((w) => !words.some((typedWord, i) => typedWord === w && covered.has(i)))
    );
  });
  if (unknown.length > 0) return { kind: 'unknown', pieces: unknown };
  return { kind: 'some', ids: options.filter((o) => found.some((h) => h.id === o.id)).map((o) => o.id) };
}
