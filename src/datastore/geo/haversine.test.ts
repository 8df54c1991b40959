import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { boundingBox, EARTH_RADIUS_M, haversineMeters } from './haversine.ts';

describe('haversineMeters', () => {
  it('gives one degree of latitude as the arc of the mean Earth radius', () => {
    assert.equal(
      Math.round(haversineMeters(43, 141, 44, 141)),
      Math.round((EARTH_RADIUS_M * Math.PI) / 180),
    );
  });

  it('gives about 153 km in a straight line from 札幌駅 to 函館駅', () => {
    const d = haversineMeters(43.0687, 141.3508, 41.7737, 140.7264);
    assert.ok(d > 152_000 && d < 154_000, String(d));
  });
});

describe('boundingBox', () => {
  it('contains every point within the radius (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -89, max: 89, noNaN: true }),
        fc.double({ min: -179, max: 179, noNaN: true }),
        fc.double({ min: 1, max: 500_000, noNaN: true }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (lat, lon, radius, bearing, fraction) => {
          // A point at `fraction` of the radius in direction `bearing` (destination formula).
          const d = (radius * fraction) / EARTH_RADIUS_M;
          const φ1 = (lat * Math.PI) / 180;
          const φ2 = Math.asin(
            Math.sin(φ1) * Math.cos(d) + Math.cos(φ1) * Math.sin(d) * Math.cos(bearing),
          );
          const λ2 =
            (lon * Math.PI) / 180 +
            Math.atan2(
              Math.sin(bearing) * Math.sin(d) * Math.cos(φ1),
              Math.cos(d) - Math.sin(φ1) * Math.sin(φ2),
            );
          const pLat = (φ2 * 180) / Math.PI;
          const pLon = (((λ2 * 180) / Math.PI + 540) % 360) - 180;
          const box = boundingBox(lat, lon, radius);
          assert.ok(pLat >= box.minLat - 1e-9 && pLat <= box.maxLat + 1e-9, 'latitude');
          assert.ok(pLon >= box.minLon - 1e-9 && pLon <= box.maxLon + 1e-9, 'longitude');
        },
      ),
    );
  });

  it('spans every longitude near a pole', () => {
    const box = boundingBox(89.9, 10, 50_000);
    assert.deepEqual([box.minLon, box.maxLon, box.maxLat], [-180, 180, 90]);
  });
});
