/**
 * Numbers inside a sentence, in digits or in French / English words: `on attend 200 personnes`, `deux cents`,
 * `cent cinquante`, `two hundred`, `une centaine`, `1 200`, `12,5`. Words are read by Microsoft's
 * recognizers-text integer extractors and parsers (French and English), built once; digits and the
 * approximate counts (`une centaine`, `a dozen`) no library reads are our own. The whole number model is not
 * used: its fraction patterns (over 100 kB each) take seconds to compile, and answers here are whole numbers.
 */
import { createRequire } from 'node:module';
import { normalize } from '../core/text.ts';
import { addressesIn } from './addresses.ts';

/** A number found in a text: its value and where it stands in the rewritten text. */
export interface FoundNumber {
  value: number;
  start: number;
  end: number;
}

/** The text with every number written in digits, and the numbers in order. */
export interface NumbersInText {
  text: string;
  numbers: FoundNumber[];
}

/**
 * The decimal number in a string of digits and separators, or undefined. A space, a dot or a comma
 * followed by exactly three digits groups thousands (`12 000`, `12.000`, `12,000`); otherwise a comma
 * or a dot is the decimal mark (`12,50`, `12.5`).
 */
export function readDecimal(text: string): number | undefined {
  const value = decimalOf(text);
  // Hundreds of digits overflow to Infinity: no answer a person gives is that large.
  return value !== undefined && Number.isFinite(value) ? value : undefined;
}

function decimalOf(text: string): number | undefined {
  const compact = text.trim().replace(/(\d)[\s\u00a0\u202f'](?=\d{3}(?!\d))/g, '$1');
  if (!/^\d+([.,]\d+)*$/.test(compact)) return undefined;
  const marks = compact.replace(/\d/g, '');
  if (marks === '') return Number(compact);
  if (new Set(marks).size === 1 && /^\d{1,3}([.,]\d{3})+$/.test(compact))
    return Number(compact.replace(/[.,]/g, ''));
  const last = Math.max(compact.lastIndexOf(','), compact.lastIndexOf('.'));
  const whole = compact.slice(0, last);
  const fraction = compact.slice(last + 1);
  const decimalMark = compact[last] ?? '';
  // Before a decimal mark, only the other mark may group thousands (`12.000,50`, `12,000.50`).
  if (!/^\d{1,2}$/.test(fraction) || whole.includes(decimalMark)) return undefined;
  if (!/^\d+$/.test(whole) && !/^\d{1,3}([.,]\d{3})+$/.test(whole)) return undefined;
  return Number(`${whole.replace(/[.,]/g, '')}.${fraction}`);
}

const FRENCH_WORDS =
  /\b(deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingts?|trente|quarante|cinquante|soixante|cents?|mille|millions?|zero)\b/;
const ENGLISH_WORDS =
  /\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|zero)\b/;

/** Approximate counts people write (`une centaine`, `a few hundred`): what they amount to. */
const APPROXIMATE: Array<[RegExp, number]> = (
  [
    ['dizaines?', 10],
    ['douzaines?|dozens?', 12],
    ['quinzaines?', 15],
    ['vingtaines?', 20],
    ['trentaines?', 30],
    ['quarantaines?', 40],
    ['cinquantaines?', 50],
    ['soixantaines?', 60],
    ['centaines?|hundreds', 100],
    ['milliers?|thousands', 1000],
  ] as const
).map(([words, unit]) => [
  new RegExp(`(?:\\b(un|une|a|deux|two|trois|three)\\s+)?(?:(?:bonne|good|petite)\\s+)?\\b(?:${words})\\b`),
  unit,
]);
const COUNT_WORDS: Record<string, number> = {
  un: 1,
  une: 1,
  a: 1,
  deux: 2,
  two: 2,
  trois: 3,
  three: 3,
};

interface WordReader {
  extract(text: string): Array<{ start: number; length: number; text: string }>;
  parse(result: { start: number; length: number; text: string }): number | undefined;
}
let readers: Record<'fr' | 'en', WordReader> | undefined;

type Recognizers = typeof import('@microsoft/recognizers-text-number');

function reader(
  { AgnosticNumberParserFactory, AgnosticNumberParserType }: Recognizers,
  extractor: InstanceType<Recognizers['FrenchIntegerExtractor' | 'EnglishIntegerExtractor']>,
  configuration: InstanceType<
    Recognizers['FrenchNumberParserConfiguration' | 'EnglishNumberParserConfiguration']
  >,
): WordReader {
  const parser = AgnosticNumberParserFactory.getParser(AgnosticNumberParserType.Integer, configuration);
  return {
    extract: (text) => extractor.extract(text),
    parse: (result) => {
      const value = parser.parse(result as never)?.value;
      return typeof value === 'number' ? value : undefined;
    },
  };
}

/**
 * The French and English integer readers, built once, when a text first holds a number word. The library
 * is loaded then too: its one bundle of every language's models costs an idle bot ~10 MB, and a text without
 * number words never needs it. The first such text pays loading and compiling (~130 ms of CPU), once.
 */
function numberReaders(): Record<'fr' | 'en', WordReader> {
  if (readers) return readers;
  const recognizers: Recognizers = createRequire(import.meta.url)('@microsoft/recognizers-text-number');
  const { FrenchIntegerExtractor, FrenchNumberParserConfiguration } = recognizers;
  const { EnglishIntegerExtractor, EnglishNumberParserConfiguration } = recognizers;
  readers = {
    fr: reader(recognizers, new FrenchIntegerExtractor(), new FrenchNumberParserConfiguration()),
    en: reader(recognizers, new EnglishIntegerExtractor(), new EnglishNumberParserConfiguration()),
  };
  return readers;
}

/** Rewrites the numbers written in words as digits (`deux cents personnes` → `200 personnes`). */
function wordsToDigits(typed: string): string {
  let text = typed;
  for (const [pattern, unit] of APPROXIMATE) {
    text = text.replace(pattern, (_whole, count?: string) =>
      String((count ? (COUNT_WORDS[count] ?? 1) : 1) * unit),
    );
  }
  // « deux cents » is « deux cent » in the plural; the French model reads « cents » as the coin.
  text = text.replace(/\b(cent|mille)s\b/g, '$1').replace(/\bvingts\b/g, 'vingt');
  // The French parser drops a bare « cent » after « mille » (« mille cent » reads 1000, « deux mille cent »
  // 2000); with its multiplier written (« mille un cent ») it reads 1100.
  text = text.replace(/\bmille cent\b/g, 'mille un cent');
  for (const [words, lang] of [
    [FRENCH_WORDS, 'fr'],
    [ENGLISH_WORDS, 'en'],
  ] as const) {
    if (!words.test(text)) continue;
    const read = numberReaders()[lang];
    for (const result of read.extract(text).reverse()) {
      // Digits are read below; a lone article (« une commune ») is not a number.
      if (/\d/.test(result.text) || /^(un|une|one|a)$/.test(result.text)) continue;
      const value = read.parse(result);
      if (value === undefined) continue;
      text = `${text.slice(0, result.start)}${value}${text.slice(result.start + result.length)}`;
    }
  }
  return text;
}

const DIGITS = /\d{1,3}(?:[\s\u00a0\u202f.,']\d{3}(?!\d))+(?:[.,]\d{1,2}(?!\d))?|\d+(?:[.,]\d+)?/g;

/**
 * The numbers of a text, in digits or words, in order, over the normalised text with digits for words. The
 * number of a street address (« 3 place de la mairie ») counts nothing and is left out.
 */
export function numbersIn(raw: string): NumbersInText {
  const text = wordsToDigits(normalize(raw));
  const numbers: FoundNumber[] = [];
  const addresses = addressesIn(text);
  for (const match of text.matchAll(DIGITS)) {
    if (addresses.some((a) => match.index >= a.start && match.index < a.end)) continue;
    const value =
      readDecimal(match[0]) ?? readDecimal(match[0].replace(/[\s\u00a0\u202f']/g, ' ').split(' ')[0] ?? '');
    if (value === undefined) continue;
    numbers.push({ value, start: match.index, end: match.index + match[0].length });
  }
  return { text, numbers };
}
