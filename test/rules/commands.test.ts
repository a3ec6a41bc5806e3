import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CALLS_DIR } from '../../rules/registry.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp | undefined;
let dir: string | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A copy of the shipped call files a test may edit, and an app reading them. */
async function appOnCopy(): Promise<{ app: TestApp; dir: string }> {
  dir = await mkdtemp(join(tmpdir(), 'nec-calls-cmd-'));
  await cp(DEFAULT_CALLS_DIR, dir, { recursive: true });
  app = await createTestApp({ env: { CALLS_DIR: dir } });
  return { app, dir };
}

describe('calls / appels', () => {
  it('reads cleanly: no parentheses inside parentheses nor side by side, the organiser said once', async () => {
    app = await createTestApp();
    for (const [user, word] of [
      ['fr', 'appels'],
      ['en', 'calls'],
    ] as const) {
      const [reply] = await app.say(user, word, { langHint: user });
      const lines = (reply?.text ?? '').split('\n').filter((l) => l.startsWith('• '));
      expect(lines).toHaveLength(3);
      for (const line of lines) {
        let depth = 0;
        for (const sign of line.replace(/[^()]/g, '')) {
          depth += sign === '(' ? 1 : -1;
          expect(depth, line).toBeLessThanOrEqual(1);
        }
        expect(line).not.toMatch(/\)\**\s*\(/);
      }
    }
    const [fr] = await app.say('fr', 'appels');
    expect(fr?.text).toContain(
      '• `meae-nir` — **Appel à projets « Numérique Inclusif et Responsable » (MEAE, coopération décentralisée)**, par MEAE (DAECT) : clos depuis le 13 mars 2024',
    );
    // « … de l’ANCT » already names its organiser.
    expect(fr?.text).toContain('• `local-nec` — **NEC local (appel à participation de l’ANCT)** : ouvert');
  });

  it('lists every call with its status relative to the injected clock, in French', async () => {
    app = await createTestApp();
    const [reply] = await app.say('u', 'appels');
    expect(reply?.intent).toBe('calls');
    const text = reply?.text ?? '';
    expect(text).toMatch(/`local-nec`.*ouvert — édition 2023, les règles d’une année passée/);
    expect(text).toMatch(/`meae-nir`.*clos depuis le 13 mars 2024/);
    expect(text).toMatch(/`nec-ess-travel`.*clos depuis le 27 novembre 2025/);
    expect(reply?.choices?.map((c) => c.id)).toEqual([
      'éligibilité local-nec',
      'éligibilité meae-nir',
      'éligibilité nec-ess-travel',
    ]);
  });

  it('answers in English, and follows the clock', async () => {
    app = await createTestApp({ now: '2024-02-01T10:00:00+01:00' });
    const [reply] = await app.say('u', 'calls', { langHint: 'en' });
    expect(reply?.text).toMatch(/`meae-nir`.*: open\b/);
    expect(reply?.text).toMatch(/`nec-ess-travel`.*: open\b/);
  });
});

describe('eligibility / éligibilité', () => {
  it('shows a call’s rules in plain words with their sources', async () => {
    app = await createTestApp();
    const [reply] = await app.say('u', 'éligibilité local-nec');
    expect(reply?.intent).toBe('eligibility');
    expect(reply?.text).toContain('au moins 150 participants');
    // The page is in English: a French reader reads the section in French, told so.
    expect(reply?.text).toContain('ANCT — NEC locaux, 2023 (page en anglais), § Critères de sélection');
    expect(reply?.text).not.toContain('Selection criteria');
    expect(reply?.text).not.toContain('000_');
    expect(reply?.text).toContain('édition 2023');
    // Each kind of rule says what it is; a benefit reserved to another says so.
    expect(reply?.text).toContain('cas non prévu par la source : à confirmer, pas une exclusion');
    expect(reply?.text).toContain('Réservé à qui obtient « label NEC local (usage de la marque) »');
    const [en] = await app.say('v', 'eligibility nec-ess-travel', { langHint: 'en' });
    expect(en?.text).toContain('more than 20 km');
    expect(en?.text).toContain('closed since 27 November 2025');
  });

  it('offers the known calls for an unknown or missing id', async () => {
    app = await createTestApp();
    const [reply] = await app.say('u', 'eligibility local-nek', { langHint: 'en' });
    expect(reply?.text).toContain('I do not know the call “local-nek”');
    expect(reply?.choices).toHaveLength(3);
  });
});

describe('reload / recharger', () => {
  it('is refused to someone who is not a community manager', async () => {
    app = await createTestApp();
    const [reply] = await app.say('u', 'reload');
    expect(reply?.intent).toBe('forbidden');
  });

  it('re-reads the files, names the changed calls and tells the listeners', async () => {
    const { app, dir } = await appOnCopy();
    const heard: string[][] = [];
    app.calls.onReload((changed) => {
      heard.push(changed);
    });
    const file = join(dir, 'local-nec.yaml');
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace('min_attendance: 150', 'min_attendance: 120'),
    );
    const [reply] = await app.say('m', 'recharger', { isManager: true });
    expect(reply?.intent).toBe('reload');
    expect(reply?.data).toEqual({ changed: ['local-nec'] });
    expect(heard).toEqual([['local-nec']]);
    const [rules] = await app.say('m', 'éligibilité local-nec');
    expect(rules?.text).toContain('au moins 120 participants');
  });

  it('keeps the calls in force and lists what to fix when a file is invalid', async () => {
    const { app, dir } = await appOnCopy();
    const file = join(dir, 'meae-nir.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('op: one_of', 'op: any_of'));
    const [reply] = await app.say('m', 'reload', { isManager: true, langHint: 'en' });
    expect(reply?.text).toContain('I changed nothing');
    expect(reply?.text).toMatch(/meae-nir\.yaml: rules\[0\] \(applicant_type\)\.op/);
    expect(app.calls.get('meae-nir')?.rules[0]?.op).toBe('one_of');
  });

  it('an invalid call file stops start-up with the file and the path', async () => {
    dir = await mkdtemp(join(tmpdir(), 'nec-calls-bad-'));
    await writeFile(join(dir, 'x.yaml'), 'id: x\nname: { fr: X }\n');
    await expect(createTestApp({ env: { CALLS_DIR: dir } })).rejects.toThrow(/x\.yaml: name\.en/);
  });
});
