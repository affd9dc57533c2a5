import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';

/**
 * Where the browser tests write screenshots: tmp/screens, so a test run leaves the checkout
 * clean. `npm run screens` sets CHORUS_SCREENS_DIR=docs/screens to refresh the committed ones.
 */
export const SCREENS_DIR = resolve(
  __dirname,
  '../../../..',
  process.env['CHORUS_SCREENS_DIR'] ?? 'tmp/screens',
);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Playwright's limit for one wait or action (its default, 30 s, fails on a loaded machine). */
export const E2E_WAIT_MS = 150_000;

/** A page that records console errors, uncaught exceptions and dialogs (none may happen). */
export interface WatchedPage {
  readonly page: Page;
  readonly problems: string[];
}

export async function watchedPage(
  browser: Browser,
  baseUrl: string,
  viewport = { width: 1280, height: 900 },
  options: { readonly sessionCookie?: string } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport, locale: 'en-US' });
  const cookie = options.sessionCookie;
  if (cookie !== undefined && cookie !== '') {
    // An account signed up over the API (ApiUser): the browser starts with its session.
    const at = cookie.indexOf('=');
    await context.addCookies([
      { name: cookie.slice(0, at), value: cookie.slice(at + 1), url: baseUrl },
    ]);
  }
  // Waits are for events (an element, a response); this is only a guard against a hang, far above
  // what a loaded machine needs, and below the test's own timeout so a failure names its locator.
  context.setDefaultTimeout(E2E_WAIT_MS);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return { page, problems };
}

/** Every input, select and textarea on the page has an accessible name. */
export async function unlabelledInputs(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll('input, select, textarea')) {
      if (el instanceof HTMLInputElement && el.type === 'hidden') continue;
      const id = el.getAttribute('id');
      const labelled =
        (el instanceof HTMLInputElement ||
          el instanceof HTMLSelectElement ||
          el instanceof HTMLTextAreaElement) &&
        (el.labels?.length ?? 0) > 0;
      const aria = el.getAttribute('aria-label') ?? el.getAttribute('aria-labelledby');
      if (!labelled && (aria === null || aria.trim() === ''))
        out.push(el.outerHTML.slice(0, 120) + (id ?? ''));
    }
    return out;
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENS_DIR, `${name}.png`), fullPage: true });
}

/**
 * Presses Tab until the focused element matches `selector` (keyboard-only navigation), failing
 * after `max` presses.
 */
export async function tabTo(page: Page, selector: string, max = 25): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) === true, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** The element with keyboard focus, as `tag#id`, for assertions. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el === null ? '' : `${el.tagName.toLowerCase()}#${el.id}`;
  });
}
