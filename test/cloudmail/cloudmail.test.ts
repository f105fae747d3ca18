import { CloudMail } from '../../lib/cloudmail/cloudmail';

describe('CloudMail.servers', () => {
  test('gives mx1.cloudaccess.net alone at priority 10', () => {
    expect(CloudMail.servers()).toEqual([{ hostName: 'mx1.cloudaccess.net', priority: 10 }]);
  });

  test('puts declared backups after it at 20, 30, …', () => {
    expect(CloudMail.servers({ backups: ['backup1.example.net', 'backup2.example.net'] })).toEqual([
      { hostName: 'mx1.cloudaccess.net', priority: 10 },
      { hostName: 'backup1.example.net', priority: 20 },
      { hostName: 'backup2.example.net', priority: 30 },
    ]);
  });
});

test.each([
  ['mx1.cloudaccess.net', true],
  ['mx2.cloudaccess.net', true],
  ['cloudaccess.net', true],
  ['notcloudaccess.net', false],
  ['mx1.cloudaccess.net.com', false],
])('isCloudMailHost(%s) = %p', (host, expected) => {
  expect(CloudMail.isCloudMailHost(host)).toBe(expected);
});
