import { MxValidationError } from '../../lib/model/mx-validation-error';

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
