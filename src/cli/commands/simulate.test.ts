import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseIngest } from '../../ngsi/index.ts';
import { readingsAt } from './simulate.ts';

describe('s5 simulate readings', () => {
  it('gives meters for every facility, a station per 5 and a gauge per 10, as valid ingest messages', () => {
    const t = new Date('2026-11-25T01:00:00Z'); // 10:00 JST, office hours
    const r = readingsAt(20, t);
    assert.equal(r.filter((x) => x.type === 'ElectricityMeter').length, 20);
    assert.equal(r.filter((x) => x.type === 'WeatherObserved').length, 4);
    assert.equal(r.filter((x) => x.type === 'WaterLevel').length, 2);
    for (const x of r) {
      const m = parseIngest(`s5/default/${x.type}/${x.id}/attrs`, JSON.stringify(x.attrs));
      assert.equal(m.id, x.id);
    }
    assert.deepEqual(readingsAt(20, t), r, 'the same time gives the same readings');
  });

  it('follows office hours: meters draw more by day than at night', () => {
    const sum = (d: string) =>
      readingsAt(20, new Date(d))
        .filter((x) => x.type === 'ElectricityMeter')
        .reduce((s, x) => s + Number(x.attrs.power), 0);
    assert.ok(sum('2026-11-25T02:00:00Z') > 3 * sum('2026-11-25T14:00:00Z'));
  });
});
