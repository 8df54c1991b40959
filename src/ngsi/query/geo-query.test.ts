import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { AppError } from '../../core/errors.ts';
import { problemOf } from '../errors.ts';
import type { Geometry } from '../model/geojson.ts';
import { distanceMetres, geoMatches, haversine, intersects, within } from './geo-match.ts';
import { parseGeoQuery, prefilterBox } from './geo-query.ts';

const square = (x: number, y: number, s: number): Geometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + s, y],
      [x + s, y + s],
      [x, y + s],
      [x, y],
    ],
  ],
});
const point = (x: number, y: number): Geometry => ({ type: 'Point', coordinates: [x, y] });

describe('geo-query parameters', () => {
  it('reads georel, geometry, coordinates and geoproperty', () => {
    const q = parseGeoQuery({
      georel: 'near;maxDistance==500',
      geometry: 'Point',
      coordinates: '[141.35,43.06]',
      geoproperty: 'observationSpace',
    });
    assert.deepEqual(q, {
      georel: { rel: 'near', maxDistance: 500 },
      geometry: { type: 'Point', coordinates: [141.35, 43.06] },
      property: 'observationSpace',
    });
    assert.equal(parseGeoQuery({}), undefined);
  });

  it('refuses incomplete queries, bad distances and shapes with BadRequestData', () => {
    const bad = [
      { georel: 'within', geometry: 'Point' },
      { georel: 'near;maxDistance==-100', geometry: 'Point', coordinates: '[1,2]' },
      { georel: 'near;maxDistance==0', geometry: 'Point', coordinates: '[1,2]' },
      { georel: 'near;maxDistance==1e400', geometry: 'Point', coordinates: '[1,2]' },
      { georel: 'near', geometry: 'Point', coordinates: '[1,2]' },
      {
        georel: 'near;maxDistance==5',
        geometry: 'Polygon',
        coordinates: JSON.stringify(square(0, 0, 1).coordinates),
      },
      { georel: 'invalid', geometry: 'Point', coordinates: '[1,2]' },
      { georel: 'within', geometry: 'Circle', coordinates: '[1,2]' },
      { georel: 'within', geometry: 'Polygon', coordinates: '[[[0,0],[1,0],[1,1]]]' },
      { georel: 'within', geometry: 'Point', coordinates: '[1' },
    ];
    for (const input of bad)
      assert.throws(
        () => parseGeoQuery(input),
        (e) => problemOf(e) === 'BadRequestData',
        JSON.stringify(input),
      );
  });

  it('never throws anything but BadRequestData', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('near;maxDistance==10', 'within', 'Point', '[1,2]'),
    );
    fc.assert(
      fc.property(text, text, text, (georel, geometry, coordinates) => {
        try {
          parseGeoQuery({ georel, geometry, coordinates });
        } catch (e) {
          assert.ok(e instanceof AppError && problemOf(e) === 'BadRequestData', String(e));
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('geo relations', () => {
  it('measures great-circle distances', () => {
    // Sapporo Station → Sapporo City Hall, about 780 m.
    const d = haversine([141.3508, 43.0686], [141.3544, 43.0621]);
    assert.ok(d > 700 && d < 850, String(d));
    assert.equal(distanceMetres([0.5, 0.5], square(0, 0, 1)), 0);
  });

  it('tells within, contains, intersects, disjoint, equals and overlaps apart', () => {
    const big = square(0, 0, 10);
    const small = square(2, 2, 2);
    const apart = square(20, 20, 1);
    const half = square(8, 8, 4);
    assert.ok(within(small, big) && !within(big, small));
    assert.ok(within(point(1, 1), big) && !within(point(11, 1), big));
    assert.ok(intersects(half, big) && !intersects(apart, big));
    const q = (
      rel: 'within' | 'contains' | 'intersects' | 'disjoint' | 'equals' | 'overlaps',
      g: Geometry,
    ) => ({ georel: { rel }, geometry: g, property: 'location' }) as const;
    assert.ok(geoMatches(small, q('within', big)));
    assert.ok(geoMatches(big, q('contains', small)));
    assert.ok(geoMatches(apart, q('disjoint', big)));
    assert.ok(geoMatches(half, q('overlaps', big)) && !geoMatches(small, q('overlaps', big)));
    assert.ok(
      geoMatches(point(1, 2), q('equals', point(1, 2))) &&
        !geoMatches(point(1, 2), q('equals', point(2, 1))),
    );
    const line: Geometry = {
      type: 'LineString',
      coordinates: [
        [-1, 5],
        [11, 5],
      ],
    };
    assert.ok(intersects(line, big) && !within(line, big));
  });

  it('never lets the bbox prefilter drop a point that is within range', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -170, max: 170, noNaN: true }),
        fc.double({ min: -80, max: 80, noNaN: true }),
        fc.double({ min: 1, max: 50_000, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        (lon, lat, d, dx, dy) => {
          const q = parseGeoQuery({
            georel: `near;maxDistance==${Math.round(d)}`,
            geometry: 'Point',
            coordinates: JSON.stringify([lon, lat]),
          });
          assert.ok(q);
          const target: [number, number] = [lon + dx * 0.5, lat + dy * 0.5];
          if (haversine([lon, lat], target) > Math.round(d)) return;
          const box = prefilterBox(q)?.box;
          assert.ok(box);
          assert.ok(
            target[0] >= box[0] &&
              target[0] <= box[2] &&
              target[1] >= box[1] &&
              target[1] <= box[3],
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});
