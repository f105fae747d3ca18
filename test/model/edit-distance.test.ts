import * as fc from 'fast-check';
import { editDistance } from '../../lib/model/edit-distance';

test.each([
  ['cloudaccess', 'cloudaccess', 0],
  ['cloudcccess', 'cloudaccess', 1],
  ['cloudacecss', 'cloudaccess', 1],
  ['cloudacess', 'cloudaccess', 1],
  ['', 'abc', 3],
  ['cloudflare', 'cloudaccess', 6],
])('distance(%s, %s) = %i', (a, b, distance) => {
  expect(editDistance(a, b)).toBe(distance);
  expect(editDistance(b, a)).toBe(distance);
});

test('with a bound, a larger distance is reported as bound + 1', () => {
  expect(editDistance('cloudflare', 'cloudaccess', 2)).toBe(3);
  expect(editDistance('backup1', 'cloudaccess', 2)).toBe(3);
  expect(editDistance('cloudcccess', 'cloudaccess', 2)).toBe(1);
});

test('agrees with the unbounded distance whenever it is within the bound', () => {
  fc.assert(fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), fc.integer({ min: 0, max: 4 }), (a, b, max) => {
    expect(editDistance(a, b, max)).toBe(Math.min(editDistance(a, b), max + 1));
  }));
});
