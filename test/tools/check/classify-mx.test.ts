import { classifyDomain, ClassifyInput } from '../../../tools/check/classify-mx';
import { FindingCode, statusOf } from '../../../tools/check/finding';
import { ServedMxRecord, TargetLookup } from '../../../tools/check/observation';
import { CloudMail } from '../../../lib/cloudmail/cloudmail';

const now = new Date('2026-03-01T12:00:00.000Z');
const mx = (priority: number, hostName: string, ttl = 300): ServedMxRecord => ({ hostName, priority, ttl });

function classify(records: readonly ServedMxRecord[], overrides: Partial<ClassifyInput> = {}) {
  return classifyDomain({ domain: 'example.test', expected: CloudMail.servers(), observations: [{ server: 's1', outcome: { kind: 'records', records } }], targets: new Map(), now, ...overrides });
}
const codes = (records: readonly ServedMxRecord[], overrides: Partial<ClassifyInput> = {}): string[] => classify(records, overrides).map((f) => f.code).sort();

describe('classifyDomain', () => {
  test('mx1 alone is clean, whatever its TTL once the set is final', () => {
    expect(classify([mx(10, 'mx1.cloudaccess.net', 86400)])).toEqual([]);
  });

  test('priority values may differ from the expected ones, the order may not', () => {
    expect(codes([mx(5, 'mx1.cloudaccess.net'), mx(7, 'backup.example.test')], { expected: CloudMail.servers({ backups: ['backup.example.test'] }) })).toEqual([]);
    expect(codes([mx(20, 'mx1.cloudaccess.net'), mx(10, 'backup.example.test')], { expected: CloudMail.servers({ backups: ['backup.example.test'] }) })).toEqual([FindingCode.PRIMARY_NOT_TOP]);
  });

  test('a legacy host at the primary priority fails; above every expected record it warns', () => {
    expect(codes([mx(10, 'mx1.cloudaccess.net'), mx(10, 'old.example.test')])).toEqual([FindingCode.LEGACY_PRESENT, FindingCode.PRIMARY_NOT_TOP]);
    expect(codes([mx(10, 'mx1.cloudaccess.net'), mx(30, 'old.example.test')])).toEqual([FindingCode.LEGACY_DEMOTED]);
  });

  test('a legacy host below an expected backup still competes with it', () => {
    const expected = CloudMail.servers({ backups: ['backup.example.test'] });
    expect(codes([mx(10, 'mx1.cloudaccess.net'), mx(20, 'backup.example.test'), mx(15, 'old.example.test')], { expected })).toEqual([FindingCode.LEGACY_PRESENT]);
  });

  test('a misspelled CloudMail host is named as such', () => {
    expect(classify([mx(10, 'mx1.cloudcccess.net')]).find((f) => f.code === FindingCode.LEGACY_PRESENT)?.message).toContain('misspelling of mx1.cloudaccess.net');
  });

  test('a null MX is fine when it is expected, and fails when mail is', () => {
    expect(codes([mx(0, '.')], { expected: [{ hostName: '.', priority: 0 }] })).toEqual([]);
    expect(codes([mx(0, '.')])).toEqual([FindingCode.NULL_MX]);
  });

  test('no records at all is NO_MX', () => {
    expect(codes([])).toEqual([FindingCode.NO_MX]);
  });

  test('targets: IP literal, CNAME, no address, lookup failures', () => {
    const targets = new Map<string, TargetLookup>([['alias.example.test', { kind: 'cname', canonicalName: 'mx1.cloudaccess.net' }], ['gone.example.test', { kind: 'no-address' }], ['slow.example.test', { kind: 'timeout', detail: 'x' }]]);
    const records = [mx(10, 'mx1.cloudaccess.net'), mx(20, '192.0.2.1'), mx(30, 'alias.example.test'), mx(40, 'gone.example.test'), mx(50, 'slow.example.test')];
    const found = classify(records, { targets });
    expect(found.filter((f) => f.code.startsWith('TARGET') || f.code === FindingCode.TIMEOUT).map((f) => f.code)).toEqual([FindingCode.TARGET_IS_IP, FindingCode.TARGET_IS_CNAME, FindingCode.TARGET_NO_ADDRESS, FindingCode.TIMEOUT]);
    expect(statusOf(found)).toBe('error');
  });

  test('TTL_HIGH only while the set is not final, with the cache expiry in UTC', () => {
    const [ttl] = classify([mx(10, 'mx1.cloudaccess.net', 3600), mx(30, 'old.example.test', 3600)]).filter((f) => f.code === FindingCode.TTL_HIGH);
    expect(ttl.message).toContain('keep it until 2026-03-01T13:00:00.000Z');
    expect(codes([mx(10, 'mx1.cloudaccess.net', 300), mx(30, 'old.example.test', 300)])).toEqual([FindingCode.LEGACY_DEMOTED]);
  });

  test('servers that disagree give INCONSISTENT, and per-server findings name the server', () => {
    const found = classifyDomain({
      domain: 'example.test', expected: CloudMail.servers(), targets: new Map(), now,
      observations: [
        { server: 'a', outcome: { kind: 'records', records: [mx(10, 'mx1.cloudaccess.net', 600)] } },
        { server: 'b', outcome: { kind: 'records', records: [mx(10, 'old.example.test', 600)] } },
        { server: 'c', outcome: { kind: 'timeout', detail: 'no answer' } },
      ],
    });
    expect(found.map((f) => f.code).sort()).toEqual([FindingCode.INCONSISTENT, FindingCode.LEGACY_PRESENT, FindingCode.MISSING_PRIMARY, FindingCode.TIMEOUT, FindingCode.TTL_HIGH]);
    expect(found.find((f) => f.code === FindingCode.MISSING_PRIMARY)?.message).toMatch(/^On b: /);
    expect(found.find((f) => f.code === FindingCode.INCONSISTENT)?.message).toContain('at most 600 s (until 2026-03-01T12:10:00.000Z');
  });

  test('every message says what to do', () => {
    const found = classify([mx(10, 'old.example.test', 9000), mx(20, '192.0.2.1')], { expected: CloudMail.servers({ backups: ['b.example.test'] }) });
    expect(found.length).toBeGreaterThan(3);
    for (const f of found) expect(f.message).toMatch(/\. Fix: \S/);
  });
});
