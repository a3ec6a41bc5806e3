/**
 * Debian's Chromium, headless, driven by playwright-core (never a downloaded browser), with a fresh profile
 * per launch; and screenshots of the console's pages, written where the docs show them.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // The browser's own language (Debian's Chromium ships only en-US: a native date control would still read
  // 12/31/2026, which is why the console writes its days itself, src/console/dates.ts).
  '--lang=fr-FR',
];

export interface Browser {
  /** A new browser profile (no cookies): another person, or the same one on another device. */
  profile(options?: { mobile?: boolean }): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function launchBrowser(executablePath: string): Promise<Browser> {
  const contexts: Array<{ context: BrowserContext; dir: string }> = [];
  return {
    async profile(options = {}) {
      const dir = mkdtempSync(join(tmpdir(), 'nec-chromium-'));
      const context = await chromium.launchPersistentContext(dir, {
        executablePath,
        headless: true,
        args: ARGS,
        // Accept-Language, navigator.language and Intl as a French manager's browser has them.
        locale: 'fr-FR',
        timezoneId: 'Europe/Paris',
        viewport: options.mobile ? { width: 390, height: 844 } : { width: 1100, height: 800 },
        ...(options.mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
      });
      contexts.push({ context, dir });
      return context;
    },
    async close() {
      for (const { context, dir } of contexts) {
        await context.close().catch(() => {});
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Where the screenshots go: coverage/console-screenshots/ on every run, docs/console/ (the pictures the docs
 * show) with `CONSOLE_SCREENSHOTS=docs`, so an ordinary run leaves the tracked files alone.
 */
const SCREENSHOTS = new URL(
  process.env.CONSOLE_SCREENSHOTS === 'docs' ? '../../docs/console/' : '../../coverage/console-screenshots/',
  import.meta.url,
).pathname;

/** A full-page screenshot of the page as it is now, named after the page it shows. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
