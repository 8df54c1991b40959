import type { CoverageMatrix } from '../action-results.ts';
import type { Page, PageRequest } from '../http/page.ts';
import { CoverageLegend, CoverageTable } from './coverage-table.tsx';
import type { Generation } from './coverage-view.ts';
import { referenceData } from './reference-data.ts';

const GENERATIONS = ['all', 'current', 'legacy'] as const;

/** `/coverage`: the prefecture-wide publisher × standard dataset matrix with its legend. */
export async function coveragePage(req: PageRequest): Promise<Page> {
  const { ui } = req;
  const g = req.query('generation');
  const generation: Generation = GENERATIONS.find((x) => x === g) ?? 'all';
  const { regions } = await referenceData(req);
  const region = regions.find((r) => r.name === req.query('region'))?.name;
  const matrix = await req.call<CoverageMatrix>('s5_coverage', region ? { region } : {});
  return {
    title: ui.t('coverage'),
    body: (
      <div class="coverage-page">
        <p>{ui.t('coverageIntro')}</p>
        <form class="filter-form" action="/coverage" method="get">
          <p>
            <label for="cov-region">{ui.t('region')}</label>
            <select id="cov-region" name="region">
              <option value="">{ui.t('allRegions')}</option>
              {regions.map((r) => (
                <option value={r.name} selected={r.name === region}>
                  {ui.pick(r.title, r.title_translated.en)}
                </option>
              ))}
            </select>
          </p>
          <p>
            <label for="cov-generation">{ui.t('generation')}</label>
            <select id="cov-generation" name="generation">
              <option value="all" selected={generation === 'all'}>
                {ui.t('generationAll')}
              </option>
              <option value="current" selected={generation === 'current'}>
                {ui.t('generationCurrent')}
              </option>
              <option value="legacy" selected={generation === 'legacy'}>
                {ui.t('generationLegacy')}
              </option>
            </select>
          </p>
          <p>
            <button type="submit">{ui.t('show')}</button>
          </p>
        </form>
        <CoverageLegend ui={ui} />
        <CoverageTable ui={ui} matrix={matrix} generation={generation} />
        <p class="muted">
          <a href="/api/3/action/s5_coverage?format=csv">s5_coverage (CSV)</a>
        </p>
      </div>
    ),
  };
}
