/**
 * Counted texts go through one mechanism (src/core/plural.ts), and no user-facing text falls back on
 * « rappel(s) » or « canal·aux »: the check below reads every string literal of the bot's code and every data
 * file a person reads from.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Counted, DAYS, plural, pluralized } from '../../src/core/plural.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const REMINDERS: Counted = {
  fr: { one: '{count} rappel programmé', other: '{count} rappels programmés' },
  en: { one: '{count} reminder scheduled', other: '{count} reminders scheduled' },
};

describe('plural', () => {
  it('follows each language’s rules: French puts 0 and 1 in the singular, English only 1', () => {
    expect([0, 1, 2, 6].map((n) => plural('fr', n, REMINDERS))).toEqual([
      '0 rappel programmé',
      '1 rappel programmé',
      '2 rappels programmés',
      '6 rappels programmés',
    ]);
    expect([0, 1, 2].map((n) => plural('en', n, REMINDERS))).toEqual([
      '0 reminders scheduled',
      '1 reminder scheduled',
      '2 reminders scheduled',
    ]);
  });

  it('writes the number as each language does, and falls back on `other` for French "many"', () => {
    expect(plural('fr', 1_000_000, DAYS)).toBe('1\u202f000\u202f000 jours');
    expect(plural('en', 1200, DAYS)).toBe('1,200 days');
  });

  it('fills the other placeholders, and gives both languages for texts kept as Localized', () => {
    const forms: Counted = {
      fr: { one: '{count} canal pour {who}', other: '{count} canaux pour {who}' },
      en: { one: '{count} channel for {who}', other: '{count} channels for {who}' },
    };
    expect(pluralized(3, forms, { who: 'Ana' })).toEqual({
      fr: '3 canaux pour Ana',
      en: '3 channels for Ana',
    });
  });
});

/** « rappel(s) », « programmé(e)s », « canal·aux », « inscrit·es »: plurals a reader has to work out. */
const PARENTHESIZED_OR_MIDDOT_PLURAL = /\p{L}(\((s|x|es|e?s)\)|·(aux|s|es|x)\b)/u;

/** The string literals of a TypeScript source (comments and code left out). */
function stringLiterals(source: string): string[] {
  const found: string[] = [];
  let i = 0;
  let previous = ''; // the last significant character, to tell a regex literal from a division
  while (i < source.length) {
    const c = source[i] as string;
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      i = source.indexOf('\n', i);
      if (i < 0) break;
      continue;
    }
    if (c === '/' && next === '*') {
      i = source.indexOf('*/', i + 2) + 2;
      if (i < 2) break;
      continue;
    }
    if (c === '/' && (previous === '' || '(,=:[!&|?{};+-*%<>~^'.includes(previous))) {
      // A regex literal: skip it, classes included.
      let inClass = false;
      for (i++; i < source.length; i++) {
        const r = source[i];
        if (r === '\\') i++;
        else if (r === '[') inClass = true;
        else if (r === ']') inClass = false;
        else if (r === '/' && !inClass) break;
      }
      i++;
      previous = '/';
      continue;
    }
    if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < source.length && source[j] !== c) j += source[j] === '\\' ? 2 : 1;
      found.push(source.slice(i + 1, j));
      i = j + 1;
      previous = c;
      continue;
    }
    if (!/\s/.test(c)) previous = c;
    i++;
  }
  return found;
}

function filesUnder(dir: string, ends: string[]): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => ends.some((end) => name.endsWith(end)))
    .map((name) => join(dir, name));
}

describe('user-facing texts', () => {
  it('never use « (s) » or « ·aux » plurals', () => {
    const code = ['src', 'dialogs', 'rules', 'adapters'].flatMap((dir) => filesUnder(dir, ['.ts']));
    const data = ['rules/calls', 'src/faq/entries'].flatMap((dir) =>
      filesUnder(dir, ['.yaml', '.yml', '.json']),
    );
    const offenders = [
      ...code.flatMap((file) =>
        stringLiterals(readFileSync(join(ROOT, file), 'utf8'))
          .filter((s) => PARENTHESIZED_OR_MIDDOT_PLURAL.test(s))
          .map((s) => `${file}: ${s}`),
      ),
      ...data.flatMap((file) =>
        readFileSync(join(ROOT, file), 'utf8')
          .split('\n')
          .filter((line) => PARENTHESIZED_OR_MIDDOT_PLURAL.test(line))
          .map((line) => `${file}: ${line.trim()}`),
      ),
    ];
    expect(offenders).toEqual([]);
  });

  it('the check finds such plurals in strings and ignores code and comments', () => {
    const source = [
      "const a = { fr: '{count} rappel(s) programmé(s)' };",
      'const b = `${n} canal·aux`;',
      '// a comment about id(s) is not shown to anyone',
      'const c = subscriptionOwner(s); const r = /it(s)/;',
      "const d = 'engagé·e';",
    ].join('\n');
    const literals = stringLiterals(source);
    expect(literals.filter((s) => PARENTHESIZED_OR_MIDDOT_PLURAL.test(s))).toEqual([
      '{count} rappel(s) programmé(s)',
      '${n} canal·aux',
    ]);
    expect(literals).toContain('engagé·e');
  });
});
