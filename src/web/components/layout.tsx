import type { Page } from '../http/page.ts';
import { assetUrl } from '../http/static-assets.ts';
import type { Ui } from '../i18n/ui.ts';

const NAV = [
  { href: '/dataset', key: 'datasets' },
  { href: '/organization', key: 'organizations' },
  { href: '/group', key: 'regions' },
  { href: '/coverage', key: 'coverageShort' },
  { href: '/plan', key: 'plan' },
  { href: '/api', key: 'api' },
] as const;

/** The same URL in the other language: the switch is a plain link, so it works without JS. */
export function otherLangHref(url: URL, ui: Ui): string {
  const next = new URL(url.pathname + url.search, 'http://x');
  next.searchParams.set('lang', ui.lang === 'ja' ? 'en' : 'ja');
  return `${next.pathname}${next.search}`;
}

/**
 * The page frame every portal page shares: `<html lang>`, skip link, banner with the main menu
 * and language switch, one `<main>` and the footer. Landmarks and heading order start here: the
 * page's own title is its only `<h1>`.
 */
export function Layout(props: {
  ui: Ui;
  page: Page;
  siteTitle: string;
  path: URL;
  /** The logged-in staff user (staff pages only): their name and the logout form's token. */
  account?: { name: string; csrf: string } | undefined;
}) {
  const { ui, page, siteTitle, path, account } = props;
  const current = path.pathname;
  const other = ui.lang === 'ja' ? 'en' : 'ja';
  return (
    <html lang={ui.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{current === '/' ? siteTitle : `${page.title} | ${siteTitle}`}</title>
        {page.description ? <meta name="description" content={page.description} /> : null}
        <link rel="icon" href={assetUrl('favicon.svg')} type="image/svg+xml" />
        <link rel="stylesheet" href={assetUrl('s5.css')} />
        <link rel="stylesheet" href={assetUrl('print.css')} media="print" />
        {(page.styles ?? []).map((href) => (
          <link rel="stylesheet" href={href} />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {ui.t('skipToContent')}
        </a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="site-title" href="/">
              {siteTitle}
            </a>
            <div class="header-tools">
              <a
                class="lang-switch"
                href={otherLangHref(path, ui)}
                lang={other}
                hreflang={other}
                aria-label={`${ui.t('languageSwitchLabel')}: ${ui.t('languageSwitch')}`}
              >
                {ui.t('languageSwitch')}
              </a>{' '}
              <AccountLinks ui={ui} account={account} />
            </div>
          </div>
          <nav class="wrap main-nav" aria-label={ui.t('mainMenu')}>
            <ul>
              {NAV.map((item) => (
                <li>
                  <a
                    href={item.href}
                    aria-current={
                      current === item.href || current.startsWith(`${item.href}/`)
                        ? 'page'
                        : undefined
                    }
                  >
                    {ui.t(item.key)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        {page.breadcrumbs && page.breadcrumbs.length > 0 ? (
          <nav class="wrap breadcrumbs" aria-label={ui.t('breadcrumb')}>
            <ol>
              <li>
                <a href="/">{ui.t('home')}</a>
              </li>
              {page.breadcrumbs.map((b) => (
                <li>
                  <a href={b.href}>{b.label}</a>
                </li>
              ))}
              <li aria-current="page">{page.title}</li>
            </ol>
          </nav>
        ) : null}
        <main id="main" class="wrap" tabindex={-1}>
          {current === '/' ? null : <h1>{page.title}</h1>}
          {page.body}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>{ui.t('footerAbout')}</p>
            <ul class="footer-links">
              <li>
                <a href="/api">{ui.t('api')}</a>
              </li>
              <li>
                <a href="/api/openapi.json">{ui.t('openapi')}</a>
              </li>
              <li>
                <a href="/catalog.ttl">{`${ui.t('footerLinks')} (DCAT)`}</a>
              </li>
            </ul>
          </div>
        </footer>
        {(page.scripts ?? []).map((src) => (
          <script type="module" src={src} />
        ))}
      </body>
    </html>
  );
}

/** Staff login link, or (on staff pages) the user's dashboard link and a logout button. */
function AccountLinks(props: { ui: Ui; account: { name: string; csrf: string } | undefined }) {
  const { ui, account } = props;
  if (!account)
    return (
      <a class="lang-switch" href="/user/login">
        {ui.t('staffLogin')}
      </a>
    );
  return (
    <span class="account">
      <a class="lang-switch" href="/staff">
        {account.name}
      </a>{' '}
      <form class="logout-form" method="post" action="/user/logout">
        <input type="hidden" name="csrf_token" value={account.csrf} />
        <button type="submit">{ui.t('logout')}</button>
      </form>
    </span>
  );
}
