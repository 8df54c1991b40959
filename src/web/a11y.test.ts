import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { Platform } from '../platform/index.ts';
import { testBackends } from '../../test/support/backends.ts';
import { buildDemoCatalog, type DemoCatalog } from './testing/demo-catalog.ts';
import { type DemoServer, startServer } from './testing/demo-server.ts';

const CHROMIUM = '/usr/bin/chromium';
// In CI a missing browser is a failure (.ci/run installs it); elsewhere the suite says why it skips.
const skip =
  !existsSync(CHROMIUM) && !process.env.CI
    ? `${CHROMIUM} is missing (apt-get install chromium fonts-noto-cjk)`
    : undefined;
if (skip) process.stdout.write(`a11y: skipped: ${skip}\n`);

const AXE_SOURCE = skip
  ? ''
  : readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const VIEWPORTS = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

interface AxeViolation {
  id: string;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/** Runs axe-core in the page (WCAG 2.0/2.1 A and AA) and returns its violations. */
async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // evaluate() runs through DevTools, not as an inline script, so the page's CSP stays in force.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run: (o: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
}

describe('the portal in Chromium', { skip }, () => {
  let platform: Platform;
  let demo: DemoCatalog;
  let server: DemoServer;
  let browser: Browser;
  const contexts: Partial<Record<keyof typeof VIEWPORTS, BrowserContext>> = {};
  const cspErrors: string[] = [];

  before(async () => {
    const sqlite = testBackends().find((b) => b.name === 'sqlite');
    if (!sqlite) throw new Error('no SQLite backend');
    platform = await sqlite.open();
    demo = await buildDemoCatalog(platform);
    server = await startServer(platform);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    for (const [name, viewport] of Object.entries(VIEWPORTS)) {
      const context = await browser.newContext({ viewport, acceptDownloads: true });
      context.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
      });
      contexts[name as keyof typeof VIEWPORTS] = context;
    }
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await platform?.close();
  });

  async function open(device: keyof typeof VIEWPORTS, path: string): Promise<Page> {
    const context = contexts[device];
    if (!context) throw new Error('no browser context');
    const page = await context.newPage();
    await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
    return page;
  }

  describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
    // The demo catalog's names are fixed (testing/demo-catalog.ts); the merged dataset exists
    // only when the merged capability is installed.
    const pages: Array<[string, () => string | undefined]> = [
      ['home', () => '/'],
      ['search', () => '/dataset?q=%E4%B8%80%E8%A6%A7&organization=sapporo-shi'],
      ['search, no results', () => '/dataset?q=zzzzzz'],
      ['dataset with map and preview', () => `/dataset/${demo.aed.name}`],
      [
        'dataset, sorted preview page 2',
        () => `/dataset/${demo.aed.name}?psort=NO&pdir=desc&ppage=2`,
      ],
      ['dataset without table', () => '/dataset/obihiro-evacuation'],
      [
        'merged dataset, one municipality',
        () => demo.mergedAed && `/dataset/${demo.mergedAed}?pmuni=%E5%87%BD%E9%A4%A8%E5%B8%82`,
      ],
      ['organizations', () => '/organization'],
      ['organization', () => '/organization/sapporo-shi'],
      ['振興局 list', () => '/group'],
      ['振興局', () => '/group/ishikari'],
      ['coverage', () => '/coverage'],
      ['plan', () => '/plan'],
      ['KPI', () => '/plan/kpi/3b-my-number-card-rate'],
      ['report', () => '/plan/report/2024'],
      ['API guide', () => '/api'],
      ['404', () => '/no-such-page'],
      ['home in English', () => '/?lang=en'],
      ['dataset in English', () => `/dataset/${demo.aed.name}?lang=en`],
    ];
    for (const device of Object.keys(VIEWPORTS) as Array<keyof typeof VIEWPORTS>) {
      for (const [name, pathOf] of pages) {
        it(`${name}: no violations at ${device} width`, async (t) => {
          const path = pathOf();
          if (path === undefined) return t.skip('not installed here');
          const page = await open(device, path);
          if (/^\/dataset\/(sapporo-aed|merged)/.test(path))
            await page.waitForSelector('.map-marker');
          const violations = await axeViolations(page);
          await page.close();
          assert.deepEqual(
            violations.map(
              (v) => `${v.id}: ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`,
            ),
            [],
            `${name} (${path})`,
          );
        });
      }
    }

    it('reports a violation when a page has one (the check can fail)', async () => {
      const page = await open('desktop', '/?lang=ja');
      await page.evaluate(
        "document.querySelector('main').append(Object.assign(document.createElement('img'), { src: '/static/favicon.svg' }))",
      );
      const violations = await axeViolations(page);
      await page.close();
      assert.deepEqual(
        violations.map((v) => v.id),
        ['image-alt'],
      );
    });

    it('the skip link moves focus to the main content', async () => {
      const page = await open('desktop', '/dataset?lang=ja');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate('document.activeElement?.textContent'), '本文へ移動');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate('location.hash'), '#main');
      await page.close();
    });
  });

  describe('search → dataset → preview → download', () => {
    it('finds the AED dataset, filters and sorts its preview and downloads its CSV', async () => {
      const page = await open('desktop', '/?lang=ja');
      await page.fill('#home-q', 'AED');
      await Promise.all([page.waitForURL(/\/dataset\?q=AED/), page.press('#home-q', 'Enter')]);
      await Promise.all([
        page.waitForURL(/\/dataset\/sapporo-aed$/),
        page.click('.dataset-title a[href="/dataset/sapporo-aed"]'),
      ]);
      assert.equal(await page.textContent('h1'), 'AED設置箇所一覧');
      await page.fill('#preview-q', '消防');
      await Promise.all([page.waitForURL(/pq=/), page.click('.preview-form button')]);
      const names = await page.$$eval('#preview-table tbody tr', (rows) =>
        rows.map((r) => r.textContent ?? ''),
      );
      assert.ok(names.length > 0 && names.every((r) => r.includes('消防')), names.join('\n'));
      await Promise.all([page.waitForURL(/psort=NO/), page.click('#preview-table th >> text=NO')]);
      assert.equal(
        await page.getAttribute('#preview-table th[aria-sort]', 'aria-sort'),
        'ascending',
      );
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('.download-list >> text=CSV（UTF-8）'),
      ]);
      const file = await download.path();
      const csv = readFileSync(file, 'utf8');
      assert.match(csv.split('\n')[0] ?? '', /名称/);
      assert.equal(csv.trim().split('\n').length, 83);
      await page.close();
    });

    it("opens a map point's pop-up with the keyboard and closes it with Escape", async () => {
      const page = await open('desktop', `/dataset/${demo.aed.name}?lang=ja`);
      await page.waitForSelector('.map-marker');
      for (let i = 0; i < 6 && (await page.$('.map-marker.point')) === null; i++) {
        await page.focus('.map-marker.cluster');
        await page.keyboard.press('Enter');
        await page.waitForTimeout(800);
      }
      await page.focus('.map-marker.point');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.maplibregl-popup');
      assert.match((await page.textContent('.maplibregl-popup')) ?? '', /住所/);
      await page.keyboard.press('Escape');
      await page.waitForSelector('.maplibregl-popup', { state: 'detached' });
      await page.close();
    });

    it('loads the map without any Content Security Policy violation', () => {
      assert.deepEqual(cspErrors, []);
    });
  });
});
