import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

export const SCREENSHOT_DIR = process.env.ATRIUM_E2E_SCREENSHOTS ?? path.join(tmpdir(), 'atrium-e2e-screenshots');

export const DESKTOP = { width: 1280, height: 800 };
export const MOBILE = { width: 375, height: 812 };

/**
 * Collects everything the browser reports as an error: console errors
 * (including failed requests, which Chromium logs there) and uncaught
 * exceptions. The suite asserts the list is empty after every test; a step
 * that provokes an error on purpose names it with `expect()`.
 */
export class ConsoleWatch {
  readonly errors: string[] = [];
  private allowed: RegExp[] = [];

  attach(context: BrowserContext, label: string): void {
    context.on('page', (page) => this.watch(page, label));
    for (const page of context.pages()) this.watch(page, label);
  }

  private watch(page: Page, label: string): void {
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const text = `${msg.text()} (${msg.location().url})`;
      if (this.allowed.some((re) => re.test(text))) return;
      this.errors.push(`[${label}] console.error: ${text}`);
    });
    page.on('pageerror', (err) => this.errors.push(`[${label}] uncaught: ${err.message}`));
  }

  /** Runs `step` while tolerating console errors that match `pattern` (a deliberate 4xx, say). */
  async expecting<T>(pattern: RegExp, step: () => Promise<T>): Promise<T> {
    this.allowed.push(pattern);
    try {
      return await step();
    } finally {
      this.allowed = this.allowed.filter((p) => p !== pattern);
    }
  }

  take(): string[] {
    return this.errors.splice(0);
  }
}

/** Screenshots named `<name>-desktop.png` / `<name>-mobile.png`: the whole page, or just the viewport when a dialog is open. */
export async function snap(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  const file = path.join(SCREENSHOT_DIR, `${name}-${width <= 480 ? 'mobile' : 'desktop'}.png`);
  // Let transitions (dialogs, toasts) settle so pictures are stable.
  await page.waitForTimeout(250);
  const modal = await page.locator('dialog[open]').count();
  const viewport = page.viewportSize();
  if (!(options.fullPage ?? modal === 0) || !viewport) {
    await page.screenshot({ path: file });
    return file;
  }
  // Grow the viewport to the page instead of a "full page" capture, so the
  // 100vh sidebar and fixed elements are drawn as a person would see them.
  const height = Math.min(2400, Math.max(viewport.height, Number(await page.evaluate('document.documentElement.scrollHeight'))));
  await page.setViewportSize({ width: viewport.width, height });
  await page.waitForTimeout(100);
  await page.screenshot({ path: file });
  await page.setViewportSize(viewport);
  return file;
}
