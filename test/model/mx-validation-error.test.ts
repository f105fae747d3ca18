import { Token } from 'cdktf';
import { formatValue, MxValidationError } from '../../lib/model/mx-validation-error';

test('the message names the construct path, each property, the bad value and the fix', () => {
  const error = new MxValidationError('mail-dns/example-com', [
    { property: 'ttl', value: 5, problem: 'is not a TTL Cloudflare accepts', fix: 'use 60-86400' },
    { property: 'servers[0].priority', value: -1, problem: 'is negative', fix: 'use 10' },
  ]);
  expect(error.message).toBe(
    'Invalid MX configuration at mail-dns/example-com (2 problems):\n' +
      '  - ttl = 5: is not a TTL Cloudflare accepts. Fix: use 60-86400\n' +
      '  - servers[0].priority = -1: is negative. Fix: use 10',
  );
  expect(error.reasons).toHaveLength(2);
});

test.each([
  [Number.NaN, 'NaN'],
  [Number.POSITIVE_INFINITY, 'Infinity'],
  [Token.asNumber({ resolve: () => 10 }), '(a token, only known at deploy time)'],
  [Token.asString({ resolve: () => 'x' }), '(a token, only known at deploy time)'],
  [[1, Number.NaN], '[1,"NaN"]'],
  ['mx1', '"mx1"'],
])('the value %p is printed as %s, never as null or the number that encodes a token', (value, printed) => {
  expect(formatValue(value)).toBe(printed);
});
