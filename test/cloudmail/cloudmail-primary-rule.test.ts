import { validateCloudMailPrimary } from '../../lib/cloudmail/cloudmail-primary-rule';

const mx1 = (priority: number) => ({ hostName: 'mx1.cloudaccess.net', priority });
const other = (hostName: string, priority: number) => ({ hostName, priority });

test('mx1 alone on top passes', () => {
  expect(validateCloudMailPrimary([mx1(10), other('b.example.net', 20)])).toEqual([]);
  expect(validateCloudMailPrimary([mx1(0)])).toEqual([]);
});

test('a missing mx1 is refused with the fix', () => {
  const [reason] = validateCloudMailPrimary([other('mail.oldhost.net', 10)]);
  expect(reason.problem).toBe('does not include mx1.cloudaccess.net');
  expect(reason.fix).toMatch(/CloudMail\.servers/);
  expect(reason.value).toEqual(['10 mail.oldhost.net']);
});

test('a tie at the top is refused', () => {
  const [reason] = validateCloudMailPrimary([mx1(10), other('b.example.net', 10)]);
  expect(reason.problem).toBe('gives mx1.cloudaccess.net priority 10, but b.example.net (10) has the same or a lower value');
});

test('a lower-priority rival is refused and named', () => {
  const [reason] = validateCloudMailPrimary([other('a.example.net', 5), other('c.example.net', 7), mx1(10)]);
  expect(reason.problem).toMatch(/a\.example\.net \(5\), c\.example\.net \(7\) have the same or a lower value/);
});
