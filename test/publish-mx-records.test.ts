import { Construct } from 'constructs';
import { CloudMail, CloudMailMx, DnsTarget, DnsTargetCapabilities, IDnsTarget, MxRecords, MxRecordSet, ValidationReason } from '../lib';
import { CLOUDFLARE_ZONE, resourcesOfType, synth, warningsOf } from './harness';

/** A target that records what it was asked to write, with chosen capabilities. */
class RecordingTarget implements IDnsTarget {
  public readonly bound: MxRecordSet[] = [];
  constructor(public readonly capabilities: DnsTargetCapabilities) {}
  public validate(): ValidationReason[] {
    return [];
  }
  public bind(_scope: Construct, recordSet: MxRecordSet): void {
    this.bound.push(recordSet);
  }
}

const anyTtl = { min: 0, max: 86400 };

describe('target capabilities', () => {
  test('a single-record target gets mx1.cloudaccess.net alone, with a warning naming the dropped backups', () => {
    const target = new RecordingTarget({ providerName: 'OneRecordDNS', ttl: anyTtl, trailingDot: false, maxRecords: 1 });
    let construct: Construct | undefined;
    synth((stack) => {
      construct = new CloudMailMx(stack, 'd', {
        domain: 'example.com',
        target,
        servers: CloudMail.servers({ backups: ['backup1.example.net', 'backup2.example.net'] }),
      });
    });
    expect(target.bound[0].records).toEqual([{ hostName: 'mx1.cloudaccess.net', priority: 10 }]);
    expect(warningsOf(construct!)).toEqual([
      'OneRecordDNS holds at most 1 MX record(s) per name: publishing mx1.cloudaccess.net only; dropped backup1.example.net (20), backup2.example.net (30).',
    ]);
  });

  test('a target without numeric priorities gets the records in priority order', () => {
    const target = new RecordingTarget({ providerName: 'RankedDNS', ttl: anyTtl, trailingDot: true, supportsPriority: false });
    synth((stack) => new MxRecords(stack, 'd', {
      domain: 'example.com',
      target,
      servers: [
        { hostName: 'c.example.net', priority: 30 },
        { hostName: 'mx1.cloudaccess.net', priority: 10 },
        { hostName: 'b.example.net', priority: 20 },
      ],
    }));
    expect(target.bound[0].records.map((record) => record.hostName)).toEqual(['mx1.cloudaccess.net', 'b.example.net', 'c.example.net']);
  });

  test('a target within its limits gets everything and no warning', () => {
    const target = new RecordingTarget({ providerName: 'TwoRecordDNS', ttl: anyTtl, trailingDot: false, maxRecords: 2 });
    let construct: Construct | undefined;
    synth((stack) => {
      construct = new CloudMailMx(stack, 'd', { domain: 'example.com', target, servers: CloudMail.servers({ backups: ['b.example.net'] }) });
    });
    expect(target.bound[0].records).toHaveLength(2);
    expect(warningsOf(construct!)).toEqual([]);
  });

  test('an invalid set never reaches bind', () => {
    const target = new RecordingTarget({ providerName: 'Any', ttl: anyTtl, trailingDot: false });
    expect(() => synth((stack) => new CloudMailMx(stack, 'd', { domain: 'example.com', target, ttl: 90000 }))).toThrow(/ttl = 90000/);
    expect(target.bound).toEqual([]);
  });
});

describe('stable resource keys', () => {
  const target = DnsTarget.cloudflare({ zoneId: CLOUDFLARE_ZONE });
  const keysFor = (servers: { hostName: string; priority: number }[]) => {
    const records = resourcesOfType(synth((stack) => new CloudMailMx(stack, 'd', { domain: 'example.com', target, servers })), 'cloudflare_dns_record');
    return Object.fromEntries(Object.entries(records).map(([key, attributes]) => [attributes.content as string, key]));
  };
  const before = keysFor([{ hostName: 'mx1.cloudaccess.net', priority: 10 }, { hostName: 'b1.example.net', priority: 20 }]);

  test('adding a backup, reordering and changing priorities keeps every other host\'s key', () => {
    const after = keysFor([
      { hostName: 'b2.example.net', priority: 15 },
      { hostName: 'b1.example.net', priority: 40 },
      { hostName: 'mx1.cloudaccess.net', priority: 5 },
    ]);
    expect(after['mx1.cloudaccess.net']).toBe(before['mx1.cloudaccess.net']);
    expect(after['b1.example.net']).toBe(before['b1.example.net']);
    expect(Object.keys(after)).toHaveLength(3);
  });

  test('removing a backup keeps the remaining keys', () => {
    const after = keysFor([{ hostName: 'mx1.cloudaccess.net', priority: 10 }]);
    expect(after).toEqual({ 'mx1.cloudaccess.net': before['mx1.cloudaccess.net'] });
  });
});

test('synthesizing the same app twice gives byte-identical JSON', () => {
  const build = (stack: Construct) => {
    new CloudMailMx(stack, 'a', { domain: 'example.com', target: DnsTarget.cloudflare({ zoneId: CLOUDFLARE_ZONE }), servers: CloudMail.servers({ backups: ['b.example.net'] }) });
    new CloudMailMx(stack, 'b', { domain: 'example.org', target: DnsTarget.route53({ zoneId: 'Z0123456789ABCDEFGHIJ' }) });
  };
  expect(synth(build).json).toBe(synth(build).json);
});
