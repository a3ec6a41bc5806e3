/**
 * Which option(s) a sentence names: by label (either language), by the synonyms kept as data beside each
 * option, with articles and small words ignored and light typos forgiven (`une assocation`, `en hybrid`).
 * A name written in full wins over a word it contains (`collectivité étrangère` over `collectivité`); two
 * readings that stand apart (`association ou coopérative`) are returned as close, for the person to pick.
 */
import type { Localized } from '../core/i18n.ts';
import { normalize } from '../core/text.ts';
import { negatedIn, withoutNegated } from './negation.ts';
import { POLITE, positionIn, positionsIn } from './positions.ts';
import { contentWords, wordMatch } from './words.ts';

export interface ChoiceOption {
  id: string;
  label: Localized;
  /** Synonyms and domain words (`SCIC`, `open data`, `conseil départemental`), typed without accents. */
  keywords?: string[];
  /** The options that, named together, mean this one (hybrid: on site and online). */
  blend?: string[];
}

export type ChoiceReading = { kind: 'one'; id: string } | { kind: 'close'; ids: string[] } | { kind: 'none' };

export type ChoicesReading =
  | { kind: 'some'; ids: string[] }
  /** Pieces of the answer that name no option, as typed, and the options the others named. */
  | { kind: 'unknown'; pieces: string[]; known: string[] }
  | { kind: 'none' };

interface Hit {
  id: string;
  /** Positions of the typed words the option's name covers. */
  covered: Set<number>;
  exact: boolean;
  /** One of the option's names is there whole (« scop »), not only a word only it uses (« conseil »). */
  whole?: boolean;
}

/** One name of an option: its meaningful words, and the name as written (for a strict reading). */
interface Name {
  words: string[];
  written: RegExp;
}

/**
 * Names read once each: the options' names are data (labels, ids, keywords), so this stays small, and every
 * message read against a step would otherwise normalise and compile all of its options' names again.
 */
const NAMES = new Map<string, Name>();

/**
 * A name's meaningful words, and the name written out, its words in order, whatever the spaces and
 * punctuation between them (`in person`, `100 % en ligne`).
 */
function nameOf(phrase: string): Name {
  let name = NAMES.get(phrase);
  if (!name) {
    // A few words may stand between its words (« le soutien de la région », "nobody from our org has asked").
    const tokens = normalize(phrase)
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    const written = new RegExp(
      `(?<![a-z0-9])${tokens.join('[^a-z0-9]*(?:[a-z0-9]+[^a-z0-9]+){0,4}?')}(?![a-z0-9])`,
    );
    name = { words: contentWords(phrase), written };
    NAMES.set(phrase, name);
  }
  return name;
}

/** Words that deny what follows them: never alone what tells an option. */
const NEGATIONS = new Set(['not', 'no', 'non', 'pas', 'ne', 'n']);

interface OptionNames {
  names: Map<string, Name[]>;
  distinctive: Set<string>;
}

/**
 * The names of the option lists read so far, by their first option. A step's options are the same objects on
 * every message (data, never changed once loaded), even when a caller filters them into a new array.
 */
const READ = new WeakMap<
  ChoiceOption,
  Array<{ options: ChoiceOption[]; strict: boolean; read: OptionNames }>
>();

/** The names of each option, and the words only one option uses (those alone decide). */
function namesOf(options: ChoiceOption[], strict: boolean): OptionNames {
  const first = options[0];
  if (!first) return readNames(options, strict);
  const known = READ.get(first) ?? [];
  const same = known.find(
    (k) =>
      k.strict === strict &&
      k.options.length === options.length &&
      k.options.every((o, i) => o === options[i]),
  );
  if (same) return same.read;
  const read = readNames(options, strict);
  known.push({ options: [...options], strict, read });
  READ.set(first, known);
  return read;
}

function readNames(options: ChoiceOption[], strict: boolean): OptionNames {
  const names = new Map<string, Name[]>();
  const owners = new Map<string, Set<string>>();
  for (const option of options) {
    // « autre thème », "other legal entity": the words beside « autre » name the step, not this option.
    // A label's words before its explanation in brackets are a name too (« hybride (présentiel et en ligne) »).
    const labels = [option.label.fr, option.label.en];
    const own =
      option.id === OTHER
        ? ['autre', 'other', 'another']
        : [...labels, ...labels.filter((l) => l.includes('(')).map((l) => l.replace(/\s*\(.*$/, ''))];
    // An id is typed or clicked as the answer itself; inside a longer message it is only a word.
    const id = strict ? [] : [option.id.replace(/_/g, ' ')];
    const phrases = [...own, ...id, ...(option.keywords ?? [])]
      .map(nameOf)
      .filter((name) => name.words.length > 0);
    names.set(option.id, phrases);
    for (const word of phrases.flatMap((p) => p.words))
      owners.set(word, (owners.get(word) ?? new Set()).add(option.id));
  }
  // A negation only turns a name around: "not" of "not our first time" does not say "no" in "not sure".
  const distinctive = new Set(
    [...owners].filter(([word, ids]) => ids.size === 1 && !NEGATIONS.has(word)).map(([word]) => word),
  );
  return { names, distinctive };
}

/** The option for answers that fit no other. */
const OTHER = 'other';

/**
 * How strict a reading is: `exactOnly` ignores typos and takes a name only written out whole (facts picked
 * from a longer message: "as a private person" does not say "in person"); `ignore` lists words that only name
 * the step (« les deux champs »); `keepNegated` reads a negation as part of a name ("not our first time" is a
 * no, not a blank).
 */
export interface ReadingOptions {
  exactOnly?: boolean;
  ignore?: string[];
  keepNegated?: boolean;
}

/** Every option the words name, with the words each covers; `typed` is the normalised text (strict reading). */
function hits(
  words: string[],
  options: ChoiceOption[],
  { exactOnly = false }: ReadingOptions = {},
  alternatives = false,
  typed = '',
): Hit[] {
  const { names, distinctive } = namesOf(options, exactOnly);
  const found: Hit[] = [];
  for (const option of options) {
    // Every name of the option that the words give counts: `numérique responsable et écoconception`.
    let hit: Hit | undefined;
    for (const name of names.get(option.id) ?? []) {
      if (exactOnly && !name.written.test(typed)) continue;
      const phrase = name.words;
      const covered = new Set<number>();
      let exact = true;
      let decisive = false;
      for (const known of phrase) {
        // The word as written first, then a near one (« access » is no « accessibility » written further on).
        const exactAt = words.findIndex((typed, i) => !covered.has(i) && wordMatch(typed, known) === 'exact');
        const at =
          exactAt >= 0 || exactOnly
            ? exactAt
            : words.findIndex((typed, i) => !covered.has(i) && wordMatch(typed, known) === 'near');
        if (at < 0) continue;
        covered.add(at);
        if (wordMatch(words[at] ?? '', known) !== 'exact') exact = false;
        if (distinctive.has(known)) decisive = true;
      }
      // A whole name, or one of the words only this option uses (a whole name only, when reading strictly).
      // Or, read loosely, a part of a name that is all the words typed (« the partner authority » of
      // "partner authority and country").
      const allTyped = !exactOnly && covered.size >= 2 && covered.size === words.length;
      if (covered.size === 0 || (covered.size < phrase.length && (!decisive || exactOnly) && !allTyped))
        continue;
      const whole = covered.size === phrase.length;
      if (!hit) hit = { id: option.id, covered, exact, whole };
      else {
        for (const i of covered) hit.covered.add(i);
        hit.exact ||= exact;
        hit.whole ||= whole;
      }
    }
    if (hit) found.push(hit);
  }
  // Options named as alternatives (« en ligne ou sur place ») stay apart, for the person to pick.
  if (alternatives) return found;
  // A reading whose words another reading covers too, and more, gives way (`collectivité` in `collectivité étrangère`).
  // So does a near reading of words another option names exactly (« accès » of « accès aux droits » is no
  // « accessibilité »).
  return found.filter(
    (h) =>
      !found.some(
        (other) =>
          other !== h &&
          (other.covered.size > h.covered.size || (other.exact && !h.exact)) &&
          [...h.covered].every((i) => other.covered.has(i)),
      ),
  );
}

const optionAt = (options: ChoiceOption[], position: number): ChoiceOption | undefined =>
  position === -1 ? options.at(-1) : options[position - 1];

/** « tous », « les deux » — after the words naming the step (« les deux champs ») and polite ones are gone. */
const ALL = new Set(['tous', 'toutes', 'tout', 'all', 'everything', 'ensemble']);
const BOTH = new Set(['deux', 'both']);

/** What a piece says as a whole (« tous », « les deux »), if that is all it says. */
function allOrBoth(piece: string, ignore: string[]): 'all' | 'both' | undefined {
  // « les 2 », "the 2": both, where a bare « 2 » is the second.
  if (/^(?:les|tous les|toutes les|the|both|all)\s+2$/.test(normalize(piece.replace(POLITE, ' ')).trim()))
    return 'both';
  const words = contentWords(piece.replace(POLITE, ' ')).filter(
    (w) => !ignore.includes(w) && !['them', 'themes', 'choix', 'options'].includes(w),
  );
  if (words.length === 0 || words.length > 2) return undefined;
  if (words.every((w) => ALL.has(w))) return 'all';
  if (words.every((w) => BOTH.has(w) || w === 'tous' || w === 'toutes')) return 'both';
  return undefined;
}

/**
 * An option named together with options it blends (« mixte, sur place et retransmis »: hybrid and in person),
 * or all of its blend named (« sur place et en ligne »): that option alone.
 */
function blended(found: Hit[], options: ChoiceOption[]): Hit[] {
  const ids = new Set(found.map((h) => h.id));
  for (const option of options) {
    const blend = option.blend ?? [];
    if (blend.length === 0) continue;
    const rest = found.filter((h) => h.id !== option.id);
    const named = ids.has(option.id) && rest.length > 0 && rest.every((h) => blend.includes(h.id));
    const all = blend.length > 1 && found.length === blend.length && blend.every((id) => ids.has(id));
    if (!named && !all) continue;
    return [{ id: option.id, covered: new Set(found.flatMap((h) => [...h.covered])), exact: true }];
  }
  return found;
}

/**
 * « une fondation d'entreprise », « fédération d'associations », "school of business": the name after « de » /
 * "of" qualifies the one before it, which says what the body is — the qualifier's reading gives way.
 */
function withoutQualifiers(found: Hit[], words: string[], typed: string): Hit[] {
  if (found.length < 2) return found;
  const qualifies = (head: Hit, tail: Hit) =>
    [...head.covered].some((i) => {
      const next = words[i + 1];
      return (
        next !== undefined &&
        tail.covered.has(i + 1) &&
        !head.covered.has(i + 1) &&
        new RegExp(
          `(?<![a-z0-9])${words[i]} (?:de |d'|des |du |of )(?:l'|la |le |les |the |an? )?${next}(?![a-z0-9])`,
        ).test(typed)
      );
    });
  const kept = found.filter((h) => !found.some((head) => head !== h && qualifies(head, h)));
  return kept.length > 0 ? kept : found;
}

/** The one option a sentence names; what it says is not meant (« pas de diffusion en ligne ») is left aside. */
export function choiceIn(text: string, options: ChoiceOption[], how: ReadingOptions = {}): ChoiceReading {
  const said = how.keepNegated ? text : withoutNegated(text);
  const position = positionIn(said);
  if (position !== undefined) {
    const option = optionAt(options, position);
    return option ? { kind: 'one', id: option.id } : { kind: 'none' };
  }
  const typed = normalize(said);
  const alternatives = /\b(ou|or|soit|either)\b/.test(typed);
  const words = contentWords(said);
  const named = hits(words, options, how, alternatives, typed);
  const found = alternatives ? named : withoutQualifiers(blended(named, options), words, typed);
  if (found.length === 0) {
    // « on hésite entre les deux », "either of the two": of two options, both are candidates — which one?
    const two = options.filter((o) => o.id !== OTHER);
    return two.length === 2 && words.some((w) => BOTH.has(w))
      ? { kind: 'close', ids: two.map((o) => o.id) }
      : { kind: 'none' };
  }
  if (found.length === 1) return { kind: 'one', id: (found[0] as Hit).id };
  // Exact names beat guesses at typos.
  const exact = found.filter((h) => h.exact);
  if (exact.length === 1) return { kind: 'one', id: (exact[0] as Hit).id };
  // A name written whole beats a word of another's (« une Scop de conseil » is no « conseil départemental »).
  const whole = exact.filter((h) => h.whole);
  if (whole.length === 1 && !alternatives) return { kind: 'one', id: (whole[0] as Hit).id };
  return { kind: 'close', ids: found.map((h) => h.id) };
}

/**
 * The options a sentence names (`l'inclusion numérique et l'accessibilité`, `1, 7 et 8`, `tous`, « les deux
 * champs »); what it says is not meant is left aside.
 */
export function choicesIn(text: string, options: ChoiceOption[], how: ReadingOptions = {}): ChoicesReading {
  const said = withoutNegated(text);
  const ignore = how.ignore ?? [];
  const chosen = options.filter((o) => o.id !== OTHER);
  const pieces = said
    .trim()
    .replace(/[.!]+$/, '')
    .split(/\s*(?:,|;|\/|\+|&|\bet\b|\band\b|\bou\b|\bor\b)\s*/i)
    .filter((piece) => piece.trim() !== '');
  const whole = allOrBoth(said, ignore);
  if (whole === 'all' || (whole === 'both' && chosen.length === 2)) {
    // « tout sauf la cybersécurité »: all but what is named as not meant.
    const negated = negatedIn(text);
    const but = negated ? hits(contentWords(negated), chosen, how).map((h) => h.id) : [];
    return { kind: 'some', ids: chosen.filter((o) => !but.includes(o.id)).map((o) => o.id) };
  }
  const span = positionsIn(said, options.length);
  if (span) return { kind: 'some', ids: span.map((i) => (options[i - 1] as ChoiceOption).id) };
  // Pieces keep the person's spelling: the ones that name nothing are quoted back as typed.
  const byPosition: string[] = [];
  const named: string[] = [];
  for (const piece of pieces) {
    const position = positionIn(piece);
    const both = allOrBoth(piece, ignore);
    if (both === 'both' && chosen.length === 2) byPosition.push(...chosen.map((o) => o.id));
    else if (position === undefined) named.push(piece);
    else {
      const option = optionAt(options, position);
      if (!option) return { kind: 'none' };
      byPosition.push(option.id);
    }
  }
  const words = contentWords(named.join(' , '));
  const found = hits(words, options, how, false, normalize(named.join(' , ')));
  const covered = new Set(found.flatMap((h) => [...h.covered]));
  const unknown = named.filter((piece) => {
    // A short word counts when written in capitals, as an acronym (« l'IA », "AI", « OSM »).
    const acronyms = [...piece.matchAll(/(?<!\p{L})\p{Lu}{2,}(?!\p{L})/gu)].map((m) => normalize(m[0]));
    const own = contentWords(piece).filter(
      (w) => (w.length > 2 || acronyms.includes(w)) && !ignore.includes(w),
    );
    return (
      own.length > 0 && own.every((w) => !words.some((typedWord, i) => typedWord === w && covered.has(i)))
    );
  });
  const known = [...byPosition, ...found.map((h) => h.id)];
  if (unknown.length > 0) return { kind: 'unknown', pieces: unknown, known };
  if (known.length === 0) return { kind: 'none' };
  return { kind: 'some', ids: options.filter((o) => known.includes(o.id)).map((o) => o.id) };
}
