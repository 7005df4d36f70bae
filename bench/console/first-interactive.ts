import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, CDPSession, Page, chromium } from 'playwright-core';
import { median } from '../timing';

/** Debian's Chromium with the browser tests' flags (test/support/console-browser.ts), which keep it off the network. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface LoadTimes {
  /** Navigation start → usable, ms (performance.now() in the page, whose origin is the navigation start). */
  runs: number[];
  median: number;
  max: number;
}

export interface FirstInteractiveResult {
  runs: number;
  signInAs: string;
  /** The browser's cache emptied before each load: every script, style and API answer fetched again. */
  consoleCold: LoadTimes;
  /** Scripts and styles from the browser's cache (they are immutable), API answers fetched. */
  consoleWarm: LoadTimes;
  rawCold: LoadTimes;
  rawWarm: LoadTimes;
  /** Console median ÷ raw median. */
  coldRatio: number;
  warmRatio: number;
  /** Script files the browser fetched before the console's first screen was usable. */
  scriptsLoaded: string[];
  /** API calls the console made before its first screen was usable (method-less paths, first cold run). */
  apiCallsBeforeUsable: string[];
  /** Script bytes over the wire per console load (median): all of them cold, none warm, or the cache did not do what the label says. */
  scriptTransferBytes: { cold: number; warm: number };
}

/**
 * Resolves, inside the page, at the first animation frame after the contact point's heading "Who is calling?" is
 * laid out and its Name field can take typing (present, laid out, neither disabled nor read-only): that frame
 * comes after the one that painted them. A string, because the benchmark is compiled without DOM types.
 */
const WHEN_USABLE = `new Promise((resolve, reject) => {
  const usable = () => {
    const heading = [...document.querySelectorAll('h1, h2')].find((h) => h.textContent.trim() === 'Who is calling?');
    if (!heading || heading.getClientRects().length === 0) return false;
    const label = [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === 'Name');
    const input = label && label.control;
    return Boolean(input && !input.disabled && !input.readOnly && input.getClientRects().length > 0);
  };
  const started = performance.now();
  const frame = () => {
    if (usable()) return requestAnimationFrame(() => resolve(performance.now()));
    if (performance.now() - started > 15000) return reject(new Error('the first screen was not usable within 15 s: ' + document.body.innerText.slice(0, 300)));
    requestAnimationFrame(frame);
  };
  frame();
})`;

/** What the page fetched before `until` ms: [scripts, API paths, script bytes over the wire (0 from the cache)]. */
const FETCHED_BEFORE = (until: number) => `(() => {
  const entries = performance.getEntriesByType('resource').filter((e) => e.responseEnd <= ${until});
  const scripts = entries.filter((e) => new URL(e.name).pathname.endsWith('.js'));
  return [
    scripts.map((e) => new URL(e.name).pathname.split('/').pop()),
    entries.filter((e) => e.initiatorType === 'fetch' || e.initiatorType === 'xmlhttprequest').map((e) => new URL(e.name).pathname),
    scripts.reduce((sum, e) => sum + e.transferSize, 0),
  ];
})()`;

/** The raw baseline: a page with the same heading and labelled field, and nothing else, from a bare node:http server. */
const RAW_PAGE = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>raw</title></head><body><main><h2>Who is calling?</h2><form role="search"><label for="name">Name</label><input id="name" type="search"></form></main></body></html>`;

async function startRawServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
    response.end(RAW_PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** One navigation from a blank page to `url`, timed by the page itself; checks that typing into Name lands. */
async function loadOnce(page: Page, cdp: CDPSession, url: string, cold: boolean): Promise<{ ms: number; scripts: string[]; api: string[]; scriptBytes: number }> {
  await page.goto('about:blank');
  if (cold) await cdp.send('Network.clearBrowserCache');
  await page.goto(url, { waitUntil: 'commit' });
  const ms = Number(await page.evaluate(WHEN_USABLE));
  const [scripts, api, scriptBytes] = (await page.evaluate(FETCHED_BEFORE(ms))) as [string[], string[], number];
  const name = page.getByLabel('Name', { exact: true });
  await name.pressSequentially('Am');
  const typed = await name.inputValue();
  if (typed !== 'Am') throw new Error(`typed "Am" into Name on ${url}, it shows "${typed}"`);
  return { ms, scripts, api, scriptBytes };
}

const times = (runs: number[]): LoadTimes => ({ runs, median: median(runs), max: Math.max(...runs) });

/**
 * (i) Navigation → the contact point usable, in Debian's Chromium, signed in through the demo partner picker.
 * Each run: console and raw with the cache emptied, then (after one unmeasured console load fills the cache) both warm;
 * who goes first flips every run; one warm-up of each first.
 */
export async function measureFirstInteractive(consoleUrl: string, plan: { runs: number; signInAs: string }, progress: (line: string) => void): Promise<FirstInteractiveResult> {
  const raw = await startRawServer();
  const profile = mkdtempSync(join(tmpdir(), 'onedoor-bench-chromium-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS, viewport: { width: 1280, height: 720 }, locale: 'en-GB', timezoneId: 'Europe/London' });
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(20_000);
    const cdp = await context.newCDPSession(page);

    progress(`(i) first interactive: signing in as ${plan.signInAs} through the demo partner picker…`);
    await page.goto(`${consoleUrl}/#/sign-in`);
    await page.getByRole('button', { name: new RegExp(`^${plan.signInAs}`) }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();

    const contact = `${consoleUrl}/#/contact`;
    const result = { consoleCold: [] as number[], consoleWarm: [] as number[], rawCold: [] as number[], rawWarm: [] as number[] };
    const scripts = new Set<string>();
    let apiCalls: string[] = [];
    const transfer = { cold: [] as number[], warm: [] as number[] };
    for (const cold of [true, false]) {
      await loadOnce(page, cdp, contact, cold);
      await loadOnce(page, cdp, raw.url, cold);
    }
    for (let run = 0; run < plan.runs; run++) {
      progress(`(i) first interactive: run ${run + 1} of ${plan.runs} (console and raw page, cold and warm cache)…`);
      for (const cold of [true, false]) {
        // A cold load of the raw page empties the cache too: fill it again (unmeasured) before the warm loads.
        if (!cold) await loadOnce(page, cdp, contact, false);
        const order = run % 2 === 0 ? (['console', 'raw'] as const) : (['raw', 'console'] as const);
        for (const which of order) {
          const load = await loadOnce(page, cdp, which === 'console' ? contact : raw.url, cold);
          if (which === 'console') {
            load.scripts.forEach((s) => scripts.add(s));
            if (cold && apiCalls.length === 0) apiCalls = load.api;
            transfer[cold ? 'cold' : 'warm'].push(load.scriptBytes);
          }
          result[`${which}${cold ? 'Cold' : 'Warm'}`].push(load.ms);
        }
      }
    }
    const consoleCold = times(result.consoleCold);
    const consoleWarm = times(result.consoleWarm);
    const rawCold = times(result.rawCold);
    const rawWarm = times(result.rawWarm);
    return {
      runs: plan.runs,
      signInAs: plan.signInAs,
      consoleCold,
      consoleWarm,
      rawCold,
      rawWarm,
      coldRatio: consoleCold.median / rawCold.median,
      warmRatio: consoleWarm.median / rawWarm.median,
      scriptsLoaded: [...scripts].sort(),
      apiCallsBeforeUsable: apiCalls,
      scriptTransferBytes: { cold: median(transfer.cold), warm: median(transfer.warm) },
    };
  } finally {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
    await raw.close();
  }
}
