import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { fixedClock } from '../../core/clock.ts';
import { silentLogger } from '../../core/logger.ts';
import { openPlatform, type Platform } from '../../platform/index.ts';
import { testConfig } from '../../../test/support/backends.ts';
import { type DemoServer, startServer } from '../testing/demo-server.ts';
import { axeViolations } from './testing/axe.ts';
import {
  buildStaffDemo,
  fillMissingPlaces,
  DEFECTIVE_CSV,
  STAFF_PASSWORD,
  type StaffDemo,
} from './testing/staff-demo.ts';

const CHROMIUM = '/usr/bin/chromium';
// In CI a missing browser is a failure (.ci/run installs it); elsewhere the suite says why it skips.
const skip =
  !existsSync(CHROMIUM) && !process.env.CI
    ? `${CHROMIUM} is missing (apt-get install chromium fonts-noto-cjk)`
    : undefined;
if (skip) process.stdout.write(`a11y-staff: skipped: ${skip}\n`);

const PASSWORD = STAFF_PASSWORD;
const DEFECTIVE = DEFECTIVE_CSV;
const VIEWPORTS = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
} as const;
type Device = keyof typeof VIEWPORTS;

describe('the staff area in Chromium', { skip }, () => {
  let platform: Platform;
  let server: DemoServer;
  let browser: Browser;
  let resourceId = '';
  let demo: StaffDemo;
  const cspErrors: string[] = [];
  const contexts: Partial<Record<string, BrowserContext>> = {};

  before(async () => {
    // The server's origin: uploads start the ingest queue at once, as in production.
    platform = await openPlatform(testConfig({ kind: 'sqlite', file: ':memory:' }), {
      log: silentLogger,
      clock: fixedClock('2026-11-25T03:00:00.000Z'),
      seed: true,
      origin: 'server',
    });
    demo = await buildStaffDemo(platform);
    resourceId = demo.resourceId;
    server = await startServer(platform);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await platform?.close();
  });

  /** A browser context logged in as `user` (one per user and width, reused). */
  async function session(user: string, device: Device = 'desktop'): Promise<BrowserContext> {
    const key = `${user}/${device}`;
    const existing = contexts[key];
    if (existing) return existing;
    const context = await browser.newContext({
      viewport: VIEWPORTS[device],
      acceptDownloads: true,
    });
    context.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/user/login?lang=ja`);
    await page.fill('#login-name', user);
    await page.fill('#login-password', PASSWORD);
    await Promise.all([page.waitForURL(/\/staff$/), page.click('main button[type="submit"]')]);
    await page.close();
    contexts[key] = context;
    return context;
  }

  async function open(context: BrowserContext, url: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${server.url}${url}`, { waitUntil: 'load' });
    return page;
  }

  describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
    const pages = (): Array<[string, string, string]> => [
      ['dashboard', 'noboribetsu-clerk', '/staff'],
      ['new dataset form', 'noboribetsu-clerk', '/staff/dataset/new'],
      ['dataset management', 'noboribetsu-clerk', '/staff/dataset/noboribetsu-checked'],
      ['dataset edit form', 'noboribetsu-clerk', '/staff/dataset/noboribetsu-checked/edit'],
      ['upload form', 'noboribetsu-clerk', '/staff/dataset/noboribetsu-checked/resource/new'],
      ['validation report', 'noboribetsu-clerk', `/staff/resource/${resourceId}`],
      ['replace file form', 'noboribetsu-clerk', `/staff/resource/${resourceId}/edit`],
      ['members', 'noboribetsu-admin', '/staff/organization/noboribetsu-shi/members'],
      ['API tokens', 'noboribetsu-clerk', '/staff/tokens'],
      ['password change', 'noboribetsu-clerk', '/user/password'],
      ['plan years', 'pref-planner', '/staff/plan'],
      ['plan entry', 'pref-planner', '/staff/plan/2025'],
      ['403', 'noboribetsu-clerk', '/staff/organization/noboribetsu-shi/members'],
      ['404', 'noboribetsu-clerk', '/staff/dataset/no-such-dataset'],
      ['dashboard in English', 'noboribetsu-clerk', '/staff?lang=en'],
      ['report in English', 'noboribetsu-clerk', `/staff/resource/${resourceId}?lang=en`],
    ];
    for (const device of Object.keys(VIEWPORTS) as Device[]) {
      it(`has no violations on any staff page at ${device} width`, async () => {
        for (const [name, user, url] of pages()) {
          const page = await open(await session(user, device), url);
          const violations = await axeViolations(page);
          await page.close();
          assert.deepEqual(violations, [], `${name} (${url})`);
        }
      });

      it(`has no violations on the login form and its error state at ${device} width`, async () => {
        const context = await browser.newContext({ viewport: VIEWPORTS[device] });
        const page = await context.newPage();
        await page.goto(`${server.url}/user/login?lang=ja`);
        assert.deepEqual(await axeViolations(page), [], 'login');
        await page.fill('#login-name', 'noboribetsu-clerk');
        await page.fill('#login-password', 'wrong password');
        await Promise.all([
          page.waitForLoadState('load'),
          page.click('main button[type="submit"]'),
        ]);
        await page.waitForSelector('#login-error');
        assert.deepEqual(await axeViolations(page), [], 'login error');
        await context.close();
      });

      it(`has no violations on a refused form at ${device} width`, async () => {
        const page = await open(await session('noboribetsu-clerk', device), '/staff/dataset/new');
        await page.fill('#ds-title', '名前が不正');
        // The browser's own pattern check would stop the form: this tests the server's answer.
        await page.evaluate('document.querySelector("#ds-name").removeAttribute("pattern")');
        await page.fill('#ds-name', 'Bad Name');
        await Promise.all([
          page.waitForLoadState('load'),
          page.click('main form button[type="submit"]'),
        ]);
        await page.waitForSelector('.form-errors');
        assert.deepEqual(await axeViolations(page), []);
        await page.close();
      });
    }
  });

  describe('staff login → defective CSV → report → fixed file → publish → search', () => {
    it('takes a clerk from a defective file to a published, findable dataset', async () => {
      const context = await session('noboribetsu-clerk');
      // The context may have switched to English in the checks above: ask for Japanese.
      const page = await open(context, '/staff?lang=ja');
      await Promise.all([
        page.waitForURL(/\/staff\/dataset\/new/),
        page.click('text=データセットを作成'),
      ]);
      await page.fill('#ds-title', '登別市 公衆トイレ一覧');
      await page.fill('#ds-name', 'noboribetsu-public-toilet');
      await page.selectOption('#ds-org', 'noboribetsu-shi');
      await page.fill('#ds-tags', 'トイレ、観光');
      await Promise.all([
        page.waitForURL(/\/staff\/dataset\/noboribetsu-public-toilet\?done=created/),
        page.click('main form button[type="submit"]'),
      ]);
      await Promise.all([page.waitForURL(/\/resource\/new$/), page.click('text=リソースを追加')]);
      await page.setInputFiles('#res-file', DEFECTIVE);
      await Promise.all([
        page.waitForURL(/\/staff\/resource\/[^/]+\?watch=1$/),
        page.click('main form button[type="submit"]'),
      ]);
      // The page reloads itself (meta refresh) until the ingest is done and the report shows.
      await page.waitForSelector('#report-heading', { timeout: 60_000 });
      const report = (await page.textContent('#issues')) ?? '';
      assert.match(report, /15（設置位置）/);
      assert.match(report, /必須項目「設置位置」が空欄です。/);
      assert.match(report, /「設置位置」を入力してください。/);
      assert.match((await page.textContent('main')) ?? '', /不適合/);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('text=自動修正したファイルをダウンロード'),
      ]);
      const fixedPath = (await download.path()) ?? '';
      const corrected = path.join(
        mkdtempSync(path.join(tmpdir(), 's5-journey-')),
        '登別市公衆トイレ.csv',
      );
      writeFileSync(corrected, fillMissingPlaces(readFileSync(fixedPath, 'utf8')));

      await Promise.all([
        page.waitForURL(/\/edit$/),
        page.click('main >> text=ファイルを差し替え'),
      ]);
      await page.setInputFiles('#res-file', corrected);
      await Promise.all([
        page.waitForURL(/\/staff\/resource\/[^/]+\?watch=1$/),
        page.click('main form button[type="submit"]'),
      ]);
      await page.waitForSelector('#version-heading', { timeout: 60_000 });
      // The page reloads until the second version (the corrected file) is loaded.
      await page.locator('main', { hasText: /版\s*2（/ }).waitFor({ timeout: 60_000 });
      assert.match((await page.textContent('main')) ?? '', /◎ 適合/);
      assert.match((await page.textContent('main')) ?? '', /エラー 0 件/);

      await Promise.all([
        page.waitForURL(/\/staff\/dataset\/[^/?]+$/),
        page.click('text=データセットに戻る'),
      ]);
      await Promise.all([
        page.waitForURL(/done=published/),
        page.click('button:has-text("公開する")'),
      ]);
      assert.match((await page.textContent('.done-note')) ?? '', /公開しました/);

      const visitor = await browser.newPage();
      await visitor.goto(`${server.url}/dataset?q=${encodeURIComponent('登別市 トイレ')}`);
      await Promise.all([
        visitor.waitForURL(/\/dataset\/noboribetsu-public-toilet$/),
        visitor.click('text=登別市 公衆トイレ一覧'),
      ]);
      assert.equal(await visitor.textContent('h1'), '登別市 公衆トイレ一覧');
      await visitor.close();
      await page.close();
    });
  });

  describe('KPI entry → publish → public report', () => {
    it('takes plan staff from entering a value to the published yearly report', async () => {
      const context = await session('pref-planner');
      // The context may have switched to English in the checks above: ask for Japanese.
      const page = await open(context, '/staff?lang=ja');
      await Promise.all([
        page.waitForURL(/\/staff\/plan$/),
        page.click('text=計画の点検・評価（入力）'),
      ]);
      await Promise.all([
        page.waitForURL(/\/staff\/plan\/2025$/),
        page.click('a[href="/staff/plan/2025"]'),
      ]);
      await page.fill('#kpi-3b-my-number-card-rate-value', '84.2');
      await page.fill('#kpi-3b-my-number-card-rate-note', '総務省 交付状況（2026年3月末）');
      await Promise.all([
        page.waitForURL(/done=kpi/),
        page.click('#kpi-3b-my-number-card-rate button[type="submit"]'),
      ]);
      await page.fill('#eval-3b', 'マイナンバーカードの交付率は8割を超えた。');
      await Promise.all([
        page.waitForURL(/done=evaluation/),
        page.click('form:has(#eval-3b) button[type="submit"]'),
      ]);
      for (const [label, done] of [
        ['提出する', 'submit'],
        ['確認済みにする', 'review'],
        ['公表する', 'publish'],
      ] as const) {
        await Promise.all([
          page.waitForURL(new RegExp(`done=${done}`)),
          page.click(`button:has-text("${label}")`),
        ]);
      }
      await Promise.all([
        page.waitForURL(/\/plan\/report\/2025$/),
        page.click('text=公表された報告を見る'),
      ]);
      const text = (await page.textContent('main')) ?? '';
      assert.match(text, /84\.2/);
      assert.match(text, /マイナンバーカードの交付率は8割を超えた。/);
      await page.close();
    });
  });

  it('loads every staff page without any Content Security Policy violation', () => {
    assert.deepEqual(cspErrors, []);
  });
});
