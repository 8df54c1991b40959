import type { Ui } from '../i18n/ui.ts';

/** The page numbers to show: first, last and a window around the current page; 0 = a gap. */
export function pageWindow(current: number, last: number, radius = 2): number[] {
  const pages: number[] = [];
  for (let p = 1; p <= last; p++) {
    if (p === 1 || p === last || Math.abs(p - current) <= radius) pages.push(p);
    else if (pages[pages.length - 1] !== 0) pages.push(0);
  }
  return pages;
}

/** `url` with `page` set (and removed for page 1, so the first page has one canonical URL). */
export function withPage(url: URL, param: string, page: number): string {
  const next = new URLSearchParams(url.search);
  next.delete('lang');
  if (page <= 1) next.delete(param);
  else next.set(param, String(page));
  const qs = next.toString();
  return `${url.pathname}${qs ? `?${qs}` : ''}`;
}

/** Page links as a labelled navigation; plain links, so paging works without JavaScript. */
export function Pager(props: {
  ui: Ui;
  url: URL;
  page: number;
  total: number;
  perPage: number;
  param?: string;
  fragment?: string;
}) {
  const { ui, url, page, total, perPage } = props;
  const param = props.param ?? 'page';
  const fragment = props.fragment ? `#${props.fragment}` : '';
  const last = Math.max(1, Math.ceil(total / perPage));
  if (last <= 1) return null;
  const href = (p: number) => `${withPage(url, param, p)}${fragment}`;
  return (
    <nav class="pager" aria-label={ui.t('pagination')}>
      <ul>
        {page > 1 ? (
          <li>
            <a href={href(page - 1)} rel="prev">
              {ui.t('previous')}
            </a>
          </li>
        ) : null}
        {pageWindow(page, last).map((p) =>
          p === 0 ? (
            <li class="gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li>
              <a
                href={href(p)}
                aria-current={p === page ? 'page' : undefined}
                aria-label={ui.t('pageN', { n: p })}
              >
                {p}
              </a>
            </li>
          ),
        )}
        {page < last ? (
          <li>
            <a href={href(page + 1)} rel="next">
              {ui.t('next')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** A positive page number from a query value (anything else is page 1). */
export function pageNumber(value: string | undefined, max = 100_000): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : 1;
}
