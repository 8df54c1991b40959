import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  fiscalYearDates,
  fiscalYearEraLabel,
  fiscalYearOf,
  fiscalYearTitle,
} from './fiscal-year.ts';

describe('fiscal years', () => {
  it('start on 1 April in Japan, even while it is still 31 March in UTC', () => {
    assert.equal(fiscalYearOf(new Date('2022-03-31T14:59:59Z')), 2021);
    assert.equal(fiscalYearOf(new Date('2022-03-31T15:00:00Z')), 2022);
  });

  it('count January to March in the year that began the previous April', () => {
    assert.equal(fiscalYearOf(new Date('2026-02-10T00:00:00Z')), 2025);
    assert.equal(fiscalYearOf(new Date('2026-11-25T03:00:00Z')), 2026);
  });

  it('are named in the Japanese era, with 元年 for the first year', () => {
    assert.equal(fiscalYearEraLabel(2021), '令和3年度');
    assert.equal(fiscalYearEraLabel(2025), '令和7年度');
    assert.equal(fiscalYearEraLabel(2019), '令和元年度');
    assert.equal(fiscalYearEraLabel(2018), '平成30年度');
    assert.equal(fiscalYearEraLabel(1989), '平成元年度');
  });

  it('run from April to the next March', () => {
    assert.deepEqual(fiscalYearDates(2021), { start: '2021-04-01', end: '2022-03-31' });
    assert.equal(fiscalYearTitle(2021), '2021年度（令和3年度）');
  });
});
