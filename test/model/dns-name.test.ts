import { isIpLiteral, normalizeDnsName } from '../../lib/model/dns-name';

const normalize = (value: unknown, minLabels?: number) => normalizeDnsName(value, { property: 'domain', minLabels });

describe('normalizeDnsName', () => {
  test('lowercases and drops one trailing dot', () => {
    expect(normalize('Example.COM.').name).toBe('example.com');
  });

  test('converts internationalized names to punycode', () => {
    expect(normalize('bücher.example').name).toBe('xn--bcher-kva.example');
    expect(normalize('ÉCOLE.fr.').name).toBe('xn--cole-9oa.fr');
  });

  test('accepts 63-character labels and 253-character names', () => {
    const label63 = 'a'.repeat(63);
    expect(normalize(`${label63}.example`).name).toBe(`${label63}.example`);
    const name253 = `${'a'.repeat(61)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}`;
    expect(name253).toHaveLength(253);
    expect(normalize(name253).reasons).toEqual([]);
  });

  test.each([
    ['a label over 63 characters', `${'a'.repeat(64)}.example`, /more than 63/],
    ['a name over 253 characters', `${'a'.repeat(62)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}`, /more than 253/],
    ['two dots in a row', 'example..com', /empty label/],
    ['a leading hyphen', '-bad.example', /starts or ends with a hyphen/],
    ['an underscore', 'my_host.example', /^has "_" \(U\+005F\) at character 3, which is not allowed in a DNS name$/],
    ['a space', 'example .com', /^has U\+0020 at character 8, which is not allowed/],
    ['punycode that decodes to nothing', 'xn--zz.com', /^has the label "xn--zz", which is not valid punycode/],
    ['an empty string', '', /is empty/],
    ['a lone dot', '.', /is empty/],
    ['an IPv4 literal', '192.0.2.10', /IP address/],
    ['an IPv6 literal', '2001:db8::25', /IP address/],
    ['a bracketed IPv6 literal', '[2001:db8::25]', /IP address/],
    ['an all-numeric TLD', 'host.123', /all-numeric/],
    ['a number', 42, /not a string/],
  ])('refuses %s', (_case, value, problem) => {
    const result = normalize(value);
    expect(result.name).toBeUndefined();
    expect(result.reasons).toHaveLength(1);
    expect(result.reasons[0]).toMatchObject({ property: 'domain', value });
    expect(result.reasons[0].problem).toMatch(problem);
    expect(result.reasons[0].fix.length).toBeGreaterThan(10);
  });

  test('enforces a minimum number of labels when asked', () => {
    expect(normalize('localhost', 2).reasons[0].problem).toMatch(/fewer than 2: a single label is a top-level domain or a local name such as localhost/);
    expect(normalize('com.', 2).reasons[0].problem).toMatch(/fewer than 2/);
    expect(normalize('localhost').name).toBe('localhost');
  });

  test.each([
    ['a tab', 'exam\tple.com', 'U+0009 at character 5'],
    ['a newline', 'example.com\n', 'U+000A at character 12'],
    ['a zero-width space', 'exa\u200bmple.com', 'U+200B at character 4'],
    ['a soft hyphen', 'ex\u00adample.com', 'U+00AD at character 3'],
    ['a byte order mark', '\ufeffexample.com', 'U+FEFF at character 1'],
  ])('refuses %s instead of dropping it, naming its position', (_case, value, where) => {
    expect(normalize(value).reasons).toEqual([{
      property: 'domain',
      value,
      problem: `has ${where}, which is not allowed in a DNS name (invisible and control characters are never removed silently)`,
      fix: 'retype the name: it may hold only letters, digits, hyphens and dots',
    }]);
  });

  test.each([
    ['Cyrillic а', 'mx1.cloud\u0430ccess.net', 'Latin and Cyrillic', 'mx1.cloudaccess.net'],
    ['Greek ο', 'mx1.cl\u03bfudaccess.net', 'Latin and Greek', 'mx1.cloudaccess.net'],
    ['a Cyrillic letter in another host', 'm\u0430il.example.com', 'Latin and Cyrillic', 'mail.example.com'],
  ])('refuses a label that mixes scripts (%s) and names the name it imitates', (_case, value, scripts, lookAlike) => {
    const [reason] = normalize(value).reasons;
    expect(reason.problem).toMatch(new RegExp(`mixes ${scripts} letters, so it can pass for a name it is not$`));
    expect(reason.fix).toBe(`did you mean ${lookAlike}?`);
  });

  test('accepts single-script internationalized names and the mixes CJK writing uses', () => {
    expect(normalize('пример.рф').name).toBe('xn--e1afmkfd.xn--p1ai');
    expect(normalize('ドメイン名例.jp').reasons).toEqual([]);
    expect(normalize('東京tokyo.jp').reasons).toEqual([]);
  });

  test('does not let the URL parser turn hex-looking names into addresses', () => {
    expect(normalize('0x7f.1').reasons[0].problem).toMatch(/all-numeric/);
  });
});

describe('isIpLiteral', () => {
  test.each(['10.0.0.1', '10.0.0.1.', '::1', '[::1]', 'fe80::1:2'])('%s is an IP literal', (value) => {
    expect(isIpLiteral(value)).toBe(true);
  });
  test.each(['mx1.cloudaccess.net', 'cafe.example', 'beef.face'])('%s is a name', (value) => {
    expect(isIpLiteral(value)).toBe(false);
  });
});
