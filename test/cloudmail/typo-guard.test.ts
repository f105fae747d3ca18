import { cloudMailTypoGuard, suggestCloudMailHost } from '../../lib/cloudmail/typo-guard';

describe('suggestCloudMailHost', () => {
  test.each([
    // The two misspellings in the CloudMail article itself.
    ['mx1.cloudcccess.net', 'mx1.cloudaccess.net'],
    ['mx1.cloudaccess.net.com', 'mx1.cloudaccess.net'],
    // Wrong TLD, missing letters, swapped letters, a lost dot.
    ['mx1.cloudaccess.com', 'mx1.cloudaccess.net'],
    ['mx1.cloudacess.net', 'mx1.cloudaccess.net'],
    ['mx1.cloudacecss.net', 'mx1.cloudaccess.net'],
    ['mx1cloudaccess.net', 'mx1.cloudaccess.net'],
    ['mx1.cloudaccess.ne', 'mx1.cloudaccess.net'],
    ['cloudacess.net', 'mx1.cloudaccess.net'],
    // A backup under a misspelled domain keeps its own first label.
    ['mx2.cloudacces.net', 'mx2.cloudaccess.net'],
  ])('%s → did you mean %s?', (typo, suggestion) => {
    expect(suggestCloudMailHost(typo)).toBe(suggestion);
  });

  test.each([
    'mx1.cloudaccess.net',
    'mx2.cloudaccess.net',
    'backup1.example.net',
    'aspmx.l.google.com',
    'mx1.cloudflare.net',
    'route1.mx.cloudflare.net',
    'mx.clouddata.net',
    'mail.protection.outlook.com',
    'mx1.access.net',
    'cloud.example.org',
    'mx01.mail.icloud.com',
  ])('%s is left alone', (host) => {
    expect(suggestCloudMailHost(host)).toBeUndefined();
  });
});

test.each([
  ['mx1.xn--cloudccess-kge.net', 'mx1.cloudaccess.net'], // mx1.cloudɑccess.net, a Latin alpha: one script, read by its ASCII look-alike
  ['mx1.xn--cloudacess-iwi.net', 'mx1.cloudaccess.net'], // mx1.cloudacсess.net, a Cyrillic с and a missing letter
])('%s looks like a CloudMail host through its look-alike letters → %s', (host, suggestion) => {
  expect(suggestCloudMailHost(host)).toBe(suggestion);
  expect(cloudMailTypoGuard(host, 'servers[1].hostName', host)[0]).toMatchObject({ problem: `is not a CloudMail host (it is ${host}), but its look-alike letters make it read as one`, fix: `did you mean ${suggestion}?` });
});

test('the reason says "did you mean mx1.cloudaccess.net?"', () => {
  expect(cloudMailTypoGuard('mx1.cloudcccess.net', 'servers[0].hostName', 'MX1.cloudcccess.net')).toEqual([
    {
      property: 'servers[0].hostName',
      value: 'MX1.cloudcccess.net',
      problem: 'is not a CloudMail host, but looks like a misspelling of one',
      fix: 'did you mean mx1.cloudaccess.net?',
    },
  ]);
});
