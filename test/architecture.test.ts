/**
 * What may import what (docs/architecture.md): adapters reach the bot only through the port
 * (src/core/port.ts); the composition root (src/main.ts) is the one module that knows the adapters, and
 * nothing imports it back; the core and the features never load a platform SDK.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const PORT = 'src/core/port.ts';
const ROOT_MODULE = 'src/main.ts';
const SDKS = ['@slack/bolt', 'matrix-bot-sdk', '@matrix-org/matrix-sdk-crypto-nodejs'];

/** Every module specifier a TypeScript source imports or re-exports, statically or dynamically. */
function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /^\s*(?:import|export)\s[^'";]*?\sfrom\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.push(match[1] ?? '');
  return found;
}

/** A specifier as a path from the project root (relative ones resolved), or the package name as written. */
function target(file: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  return relative(ROOT, resolve(dirname(join(ROOT, file)), specifier));
}

/** Why an adapter file may not import `specifier`, or undefined when it may. */
function adapterImportProblem(file: string, specifier: string): string | undefined {
  const to = target(file, specifier);
  if (!specifier.startsWith('.')) return undefined; // node: built-ins and packages (the SDKs)
  if (to.startsWith('adapters/')) return undefined;
  if (to === PORT) return undefined;
  return `${file} imports ${to}: adapters may use only ${PORT} of the bot`;
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(dir, name));
}

function importsOf(file: string): Array<{ specifier: string; to: string }> {
  return specifiers(readFileSync(join(ROOT, file), 'utf8')).map((specifier) => ({
    specifier,
    to: target(file, specifier),
  }));
}

const BOT_SOURCES = [...sourcesUnder('src'), ...sourcesUnder('dialogs'), ...sourcesUnder('rules')];

describe('the adapters’ boundary', () => {
  it('adapters import the port, their own files, Node and packages — nothing else of ours', () => {
    const problems = sourcesUnder('adapters').flatMap((file) =>
      importsOf(file).flatMap(({ specifier }) => adapterImportProblem(file, specifier) ?? []),
    );
    expect(problems).toEqual([]);
  });

  it('the check catches an import of the dialogs, the rules or the composition root', () => {
    const file = 'adapters/slack/home-view.ts';
    expect(adapterImportProblem(file, '../../dialogs/steps.ts')).toMatch(/dialogs\/steps\.ts/);
    expect(adapterImportProblem(file, '../../rules/index.ts')).toMatch(/rules\/index\.ts/);
    expect(adapterImportProblem(file, '../../src/main.ts')).toMatch(/src\/main\.ts/);
    expect(adapterImportProblem(file, '../../src/core/message.ts')).toMatch(/only src\/core\/port\.ts/);
    expect(adapterImportProblem(file, '../../src/core/port.ts')).toBeUndefined();
    expect(adapterImportProblem(file, './render-blocks.ts')).toBeUndefined();
    expect(adapterImportProblem(file, '@slack/bolt')).toBeUndefined();
  });

  it('reads every form of import: multi-line, type-only, re-exports and dynamic ones', () => {
    const source = [
      "import {\n  a,\n  type B,\n} from '../../dialogs/a.ts';",
      "import type { C } from '../../rules/c.ts';",
      "export { d } from './d.ts';",
      "const e = await import('../../src/main.ts');",
      "import './side-effect.ts';",
    ].join('\n');
    expect(specifiers(source)).toEqual([
      '../../dialogs/a.ts',
      '../../rules/c.ts',
      './d.ts',
      './side-effect.ts',
      '../../src/main.ts',
    ]);
  });
});

describe('the composition root', () => {
  it('is the only module of the bot that imports an adapter', () => {
    const importers = BOT_SOURCES.filter((file) =>
      importsOf(file).some(({ to }) => to.startsWith('adapters/')),
    );
    expect(importers).toEqual([ROOT_MODULE]);
  });

  it('is imported by no module of the bot or the adapters (no import circle through it)', () => {
    const importersOf = (module: string) =>
      [...BOT_SOURCES, ...sourcesUnder('adapters')].filter((file) =>
        importsOf(file).some(({ to }) => to === module),
      );
    expect(importersOf(ROOT_MODULE)).toEqual([]);
    // The app it assembles (src/app.ts) is the root's alone: the parts it starts take what they use, not the App.
    expect(importersOf('src/app.ts')).toEqual([ROOT_MODULE]);
  });

  it('the core, the features, the dialogs and the rules never load a platform SDK', () => {
    const loaders = BOT_SOURCES.filter((file) =>
      importsOf(file).some(({ specifier }) => SDKS.some((sdk) => specifier.startsWith(sdk))),
    );
    expect(loaders).toEqual([]);
  });
});
