/**
 * `npm ci` needs a complete lock file: every optional dependency of every locked package (the linter's, the
 * bundler's and the compiler's builds for other platforms) must be listed, or a clean install on another
 * machine stops with « Missing: … from lock file ».
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

interface LockedPackage {
  optionalDependencies?: Record<string, string>;
}

const lock = JSON.parse(readFileSync(resolve(import.meta.dirname, '../package-lock.json'), 'utf8')) as {
  packages: Record<string, LockedPackage>;
};

/** Where npm would look for `name` from the package at `path`: its own node_modules, then each parent's. */
function resolves(path: string, name: string): boolean {
  for (let at = path; ; at = at.slice(0, Math.max(0, at.lastIndexOf('/node_modules/')))) {
    if (`${at ? `${at}/` : ''}node_modules/${name}` in lock.packages) return true;
    if (at === '') return false;
  }
}

it('lists every optional dependency of every locked package', () => {
  const missing = Object.entries(lock.packages).flatMap(([path, pkg]) =>
    Object.keys(pkg.optionalDependencies ?? {})
      .filter((name) => !resolves(path, name))
      .map((name) => `${name} (optional for ${path || 'the project'})`),
  );
  expect(missing).toEqual([]);
});
