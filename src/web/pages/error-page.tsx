import type { Page } from '../http/page.ts';
import type { Ui } from '../i18n/ui.ts';

/** The HTML error pages of portal paths (API paths keep their JSON errors). */
export function ErrorPage(ui: Ui, status: 400 | 404 | 500, reason?: string): Page {
  const title =
    status === 404
      ? ui.t('notFoundTitle')
      : status === 400
        ? ui.t('badRequestTitle')
        : ui.t('errorTitle');
  const text = status === 404 ? ui.t('notFoundBody') : status === 500 ? ui.t('errorBody') : '';
  return {
    title,
    status,
    body: (
      <div class="error-page">
        {text ? <p>{text}</p> : null}
        {reason ? <p class="error-reason">{reason}</p> : null}
        <search>
          <form class="search-form" action="/dataset" method="get">
            <label for="error-q">{ui.t('searchDatasets')}</label>
            <div class="search-row">
              <input id="error-q" type="search" name="q" />
              <button type="submit">{ui.t('search')}</button>
            </div>
          </form>
        </search>
        <p>
          <a href="/">{ui.t('backHome')}</a>
        </p>
      </div>
    ),
  };
}
