import { DnsProvider } from '../../../lib/targets/dns-provider';
import { Severity } from '../../../tools/check/finding';
import { DiscoveryFindingCode, DiscoveryState, DomainDiscovery } from '../../../tools/discover/domain-discovery';
import { renderDiscoveryTs } from '../../../tools/discover/render-discovery-ts';

const discovery = (hostName: string): DomainDiscovery => ({
  domain: 'example.test', state: DiscoveryState.LEGACY, status: 'ok', provider: DnsProvider.ROUTE53, nameServers: ['ns-1.awsdns-01.org'],
  servers: [{ server: '192.0.2.53:53', records: [{ hostName, priority: 10, ttl: 3600 }] }], legacy: [{ hostName, priority: 10 }], previousTtl: 3600, findings: [],
});

test('a host name from DNS is a string literal with the same value, whatever it holds, and comments stay on their line', () => {
  const hostile = "mail.example.test'); require('child_process').execSync('rm -rf ~'); ('\n// \u2028";
  const output = renderDiscoveryTs({ domains: [{ ...discovery(hostile), findings: [{ code: DiscoveryFindingCode.SERVERS_DISAGREE, severity: Severity.FAIL, message: `serves ${hostile}. Fix: none.` }] }] });
  const literal = /hostName: ('(?:[^'\\]|\\.)*'), priority: 10/.exec(output)?.[1];
  expect(new Function(`return ${literal};`)()).toBe(hostile);
  expect(output.split('\n').filter((line) => line.includes('rm -rf')).every((line) => line.startsWith('//') || line.includes(`hostName: ${literal}`))).toBe(true);
});

test('two domains that differ only in punctuation get distinct construct ids', () => {
  const output = renderDiscoveryTs({ domains: [{ ...discovery('mail.a.test'), domain: 'a-b.test' }, { ...discovery('mail.a.test'), domain: 'a.b-test' }] });
  expect([...output.matchAll(/new CloudMailMx\(stack, '([^']+)'/g)].map((match) => match[1])).toEqual(['a-b-test', 'a-b-test-2']);
});
