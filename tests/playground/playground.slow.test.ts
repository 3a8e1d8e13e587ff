// End to end: builds the playground with Vite, serves playground/dist on 127.0.0.1 (a random
// free port) with a tiny static server, drives Debian's Chromium with playwright-core, waits
// for the first result, moves the US-troops-in-Syria slider to its other extreme and checks
// that the median trajectory the page shows changes. Saves screenshots to
// tests/playground/artifacts/ (gitignored).
//
// Needs /usr/bin/chromium (scripts/ci-system-packages.sh installs it). Without it the test is
// skipped with a message, except in CI (env CI set), where it must run and fails instead.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACTORS } from '../../src/model/factors.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const distDir = join(repoRoot, 'playground', 'dist');
const artifactsDir = join(repoRoot, 'tests', 'playground', 'artifacts');
const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && !process.env.CI) {
  console.warn(`playground end-to-end test skipped: ${CHROMIUM} is absent (install it with scripts/ci-system-packages.sh; in CI this test runs and fails instead)`);
}

/**
 * Runs per ensemble in the page (its `?runs=` parameter). The check is not statistical: the
 * slider moves US troops in Syria from the baseline (600, then 0 from month 6) to 2,500 for all
 * 36 months, which changes the input of every month, so the median trajectory must change; 100
 * runs keep the browser part to a few seconds on a shared machine.
 */
const RUNS = 100;

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** A static file server for one folder, bound to 127.0.0.1 on a free port chosen by the OS. */
async function serve(root: string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/` };
}

async function medianOf(page: Page, chart: string): Promise<number[]> {
  const text = await page.locator(chart).getAttribute('data-median');
  return JSON.parse(text ?? '[]') as number[];
}

describe.skipIf(!available && !process.env.CI)('playground (Vite build, Web Worker, Chromium)', () => {
  let browser: Browser | undefined;
  let server: Server | undefined;
  let url = '';
  const pageErrors: string[] = [];

  beforeAll(async () => {
    execFileSync(process.execPath, [join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'playground/vite.config.ts'], {
      cwd: repoRoot,
      stdio: 'pipe',
    });
    ({ server, url } = await serve(distDir));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  });

  it('playground builds, runs the baseline in a worker, and reruns when the US-troops-in-Syria slider moves', async () => {
    const page = await (browser as Browser).newPage({ viewport: { width: 1400, height: 1100 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    // debounce=0: a move starts its run at once, so the cancellation check below is not a race
    // between the debounce delay and the stale run's remaining time.
    await page.goto(`${url}?runs=${RUNS}&debounce=0`);

    // One slider per factor, each with the article's sentence on hover.
    const sliders = page.locator('#factors input[type="range"]');
    expect(await sliders.count()).toBe(FACTORS.length);
    const slider = page.locator('#factor-usTroopsSyria');
    expect(await page.locator('.factor[data-factor="usTroopsSyria"]').getAttribute('title')).toContain('withdrawn from Syria');

    // The first result: the baseline, with every slider at its baseline.
    await page.locator('#results[data-state="done"][data-key="{}"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('#results').getAttribute('data-runs')).toBe(String(RUNS));
    const before = await medianOf(page, '#chart-0');
    expect(before).toHaveLength(36);
    expect(await page.locator('#chart-0').getAttribute('data-observable')).toBe('attacks');
    expect(await page.locator('#chart-0 svg').count()).toBeGreaterThan(0);
    expect(await page.locator('#events tr[data-event]').count()).toBeGreaterThanOrEqual(2);
    mkdirSync(artifactsDir, { recursive: true });
    await page.screenshot({ path: join(artifactsDir, 'playground-baseline.png'), fullPage: true });

    // Move the slider to its other extreme: the baseline starts at 600 of a 0–2,500 range.
    expect(Number(await slider.getAttribute('max'))).toBe(2500);
    await slider.focus();
    await page.keyboard.press('End');
    expect(await slider.inputValue()).toBe('2500');
    await page.locator('#results[data-state="done"][data-key=\'{"usTroopsSyria":2500}\']').waitFor({ timeout: 60_000 });
    const after = await medianOf(page, '#chart-0');
    expect(after).toHaveLength(36);
    // Later months must differ (the change holds 2,500 troops where the baseline has none).
    const changed = after.filter((value, month) => value !== before[month]).length;
    expect(changed).toBeGreaterThan(6);
    // More troops mean fewer attacks by the end (the model's securityPressure mechanism).
    expect(after[35] as number).toBeLessThan(before[35] as number);
    // The baseline is overlaid for comparison: its median is drawn beside the scenario's.
    expect(await page.locator('#chart-0 [aria-label="median baseline-2020"]').count()).toBe(1);
    expect(await page.locator('#chart-0 [aria-label="median playground"]').count()).toBe(1);
    await page.locator('.factor[data-factor="usTroopsSyria"]').hover();
    await page.screenshot({ path: join(artifactsDir, 'playground-us-stays-2500.png'), fullPage: true });

    // A move while a run is under way cancels it: the stale run's worker is terminated and only
    // the latest setting is shown.
    await page.keyboard.press('Home');
    await page.waitForFunction(() => {
      const results = (globalThis as unknown as { document: { querySelector(s: string): { dataset: Record<string, string> } } }).document.querySelector('#results');
      return results.dataset.key === '{"usTroopsSyria":2500}' && Number(results.dataset.progress) >= 10;
    });
    await slider.fill('1000');
    await page.locator('#results[data-state="done"][data-key=\'{"usTroopsSyria":1000}\']').waitFor({ timeout: 60_000 });
    expect(Number(await page.locator('#results').getAttribute('data-cancelled'))).toBeGreaterThanOrEqual(1);
    const settled = await medianOf(page, '#chart-0');
    expect(settled).not.toEqual(after);
    expect(pageErrors).toEqual([]);
  });

  it('playground at a phone width (390 px) is one column: results as wide as the controls, charts visible', async () => {
    const page = await (browser as Browser).newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${url}?runs=${RUNS}&debounce=0`);
    await page.locator('#results[data-state="done"]').waitFor({ timeout: 60_000 });
    const controls = await page.locator('#controls').boundingBox();
    const results = await page.locator('#results').boundingBox();
    const chart = await page.locator('#chart-0 svg').boundingBox();
    expect(results?.width ?? 0).toBeGreaterThan(300);
    expect(Math.abs((results?.width ?? 0) - (controls?.width ?? 0))).toBeLessThan(2);
    expect(results?.y ?? 0).toBeGreaterThan((controls?.y ?? 0) + (controls?.height ?? 0) - 1);
    expect(chart?.width ?? 0).toBeGreaterThan(250);
  });
});
