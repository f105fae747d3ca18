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
