/**
 * Screenshots of the portal's main pages at desktop (1280 px) and phone (390 px) widths, from a
 * fresh demo catalog (real municipal CSV files, a published plan year), into docs/screenshots/;
 * then the staff area's login, dashboard and validation report (`staff-*.png`).
 *   node --import tsx scripts/screenshots.ts [--lang en]
 * Needs Debian's /usr/bin/chromium (driven by playwright-core).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { buildDemoCatalog } from '../src/web/testing/demo-catalog.ts';
import { startServer } from '../src/web/testing/demo-server.ts';
import { buildStaffDemo, STAFF_PASSWORD } from '../src/web/staff/testing/staff-demo.ts';
import { testBackends } from '../test/support/backends.ts';

const OUT = path.resolve(import.meta.dirname, '../docs/screenshots');
const WIDTHS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };

const sqlite = testBackends().find((b) => b.name === 'sqlite');
if (!sqlite) throw new Error('no SQLite backend');
const platform = await sqlite.open();
const demo = await buildDemoCatalog(platform);
const server = await startServer(platform);
const pages: Array<[string, string]> = [
  ['home', '/'],
  ['search', '/dataset?q=一覧'],
  ['dataset', `/dataset/${demo.aed.name}`],
  ['coverage', '/coverage?region=ishikari'],
  ['plan', '/plan'],
  ['kpi', '/plan/kpi/3b-my-number-card-rate'],
  ['report', '/plan/report/2024'],
];
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  mkdirSync(OUT, { recursive: true });
  for (const [device, viewport] of Object.entries(WIDTHS)) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
    const page = await context.newPage();
    for (const [name, url] of pages) {
      await page.goto(`${server.url}${url}`, { waitUntil: 'networkidle' });
      if (name === 'dataset') await page.waitForSelector('.map-marker', { timeout: 10_000 });
      const file = path.join(OUT, `${name}-${device}.png`);
      await page.screenshot({
        path: file,
        fullPage:
          device === 'desktop' && ['home', 'search', 'dataset', 'kpi', 'report'].includes(name),
      });
      process.stdout.write(`${path.relative(process.cwd(), file)}\n`);
    }
    if (device === 'desktop') {
      // The report as printed (A4 print stylesheet), as "save as PDF" would show it.
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: 794, height: 1123 });
      await page.goto(`${server.url}/plan/report/2024`, { waitUntil: 'networkidle' });
      const file = path.join(OUT, 'report-print.png');
      await page.screenshot({ path: file });
      process.stdout.write(`${path.relative(process.cwd(), file)}\n`);
    }
    await context.close();
  }
  // The staff area (src/web/staff): the login form, a clerk's dashboard and a file's report.
  const staff = await buildStaffDemo(platform);
  for (const [device, viewport] of Object.entries(WIDTHS)) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const shot = async (name: string, fullPage: boolean) => {
      const file = path.join(OUT, `${name}-${device}.png`);
      await page.screenshot({ path: file, fullPage });
      process.stdout.write(`${path.relative(process.cwd(), file)}\n`);
    };
    await page.goto(`${server.url}/user/login`, { waitUntil: 'networkidle' });
    await shot('staff-login', false);
    await page.fill('#login-name', staff.users.clerk);
    await page.fill('#login-password', STAFF_PASSWORD);
    await Promise.all([page.waitForURL(/\/staff$/), page.click('main button[type="submit"]')]);
    await shot('staff-dashboard', device === 'desktop');
    await page.goto(`${server.url}/staff/resource/${staff.resourceId}`, {
      waitUntil: 'networkidle',
    });
    await shot('staff-report', device === 'desktop');
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
  await platform.close();
}
