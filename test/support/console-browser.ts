import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BrowserContext, Page, chromium } from 'playwright-core';
import { OnedoorTestApp, startTestApp } from './onedoor-test-app';

/** Debian's Chromium, never a downloaded one; the flags keep it off this machine's closed network. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const ROOT = resolve(__dirname, '..', '..');
export const SCREENSHOTS = join(ROOT, '.tmp', 'screenshots');

/** The console the platform serves is the built one: build it once if this checkout has not. */
export function ensureConsoleBuilt(): void {
  if (existsSync(join(ROOT, 'dist', 'console', 'index.html'))) return;
  execFileSync('npm', ['run', '-s', 'build:console'], { cwd: ROOT, stdio: 'inherit' });
}

export interface StaffBrowser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** The all-in-one app listening on a real port, with the demo consortium, for a browser to use. */
export async function startConsoleApp(options: { env?: Record<string, string> } = {}): Promise<OnedoorTestApp & { url: string }> {
  ensureConsoleBuilt();
  const t = await startTestApp({ seedDemo: true, env: options.env });
  await t.app.listen(0, '127.0.0.1');
  const address = t.app.getHttpServer().address() as { port: number };
  return Object.assign(t, { url: `http://127.0.0.1:${address.port}` });
}

/** A browser of its own (a fresh profile), as one member of staff at one desk. */
export async function openBrowser(viewport = { width: 1280, height: 720 }): Promise<StaffBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'onedoor-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS, viewport, locale: 'en-GB', timezoneId: 'Europe/London' });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(10_000);
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Signs in through the console's own demo sign-in: the partner picker. */
export async function signInAs(page: Page, url: string, partnerName: string): Promise<void> {
  await page.goto(`${url}/#/sign-in`);
  await page.getByRole('button', { name: new RegExp(`^${partnerName}`) }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

/** Serious and critical accessibility violations axe-core finds on the page as it is now (expected: none). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

/** A screenshot kept as a test artefact under .tmp/screenshots. */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Looks at a screen: a screenshot to keep, and no serious accessibility violations. */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await keepScreenshot(page, name);
  expect(await seriousViolations(page)).toEqual([]);
}

/** The focused element's aria-label, label or text, evaluated in the page (a string: this file has no DOM types). */
const FOCUSED_NAME = `(() => {
  const el = document.activeElement;
  if (!el) return '';
  const labelled = el.id ? document.querySelector('label[for="' + CSS.escape(el.id) + '"]')?.textContent : undefined;
  const wrapping = el.closest('label')?.textContent;
  return el.getAttribute('aria-label') ?? labelled ?? wrapping ?? el.textContent ?? '';
})()`;

/**
 * Moves focus with the Tab key alone until the focused element has this accessible name (or label), so a test
 * proves a control is reachable in focus order without a mouse.
 */
export async function tabTo(page: Page, name: string | RegExp, maxTabs = 60): Promise<void> {
  const matches = (text: string) => (typeof name === 'string' ? text.trim() === name : name.test(text));
  for (let i = 0; i < maxTabs; i += 1) {
    await page.keyboard.press('Tab');
    const focused = String(await page.evaluate(FOCUSED_NAME));
    if (matches(focused)) return;
  }
  throw new Error(`no control named ${String(name)} within ${maxTabs} presses of Tab`);
}
