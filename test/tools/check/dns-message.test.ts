import * as dnsPacket from 'dns-packet';
import fc from 'fast-check';
import { classifyDomain } from '../../../tools/check/classify-mx';
import { answersQuery, encodeQuery, parseDnsResponse } from '../../../tools/check/dns-message';
import { CloudMail } from '../../../lib/cloudmail/cloudmail';

const question = { name: 'example.test', type: 'MX' } as const;

function response(answers: dnsPacket.Answer[], id = 7, flags = 0): Buffer {
  return dnsPacket.encode({ type: 'response', id, flags, questions: [{ name: 'Example.TEST', type: 'MX', class: 'IN' }], answers });
}

const validResponse = response([
  { type: 'MX', name: 'example.test', ttl: 300, data: { preference: 10, exchange: 'MX1.CloudAccess.net.' } },
  { type: 'MX', name: 'example.test', ttl: 300, data: { preference: 0, exchange: '.' } },
  { type: 'A', name: 'mx1.cloudaccess.net', ttl: 60, data: '192.0.2.10' },
  { type: 'TXT', name: 'example.test', ttl: 60, data: 'ignored' },
]);

/** Feeds a packet to the parser and, when it parses, its MX records to the classifier. */
function parseAndClassify(packet: Buffer): void {
  const parsed = parseDnsResponse(packet);
  if (parsed === undefined) return;
  const records = parsed.answers.flatMap((a) => (a.type === 'MX' ? [{ hostName: a.exchange, priority: a.preference, ttl: a.ttl }] : []));
  const findings = classifyDomain({
    domain: 'example.test',
    expected: CloudMail.servers({ backups: ['backup.example.test'] }),
    observations: [{ server: '127.0.0.1:53', outcome: { kind: 'records', records } }, { server: '127.0.0.2:53', outcome: { kind: 'records', records: records.slice(1) } }],
    targets: new Map(records.map((r) => [r.hostName, { kind: 'no-address' as const }])),
    now: new Date(0),
  });
  for (const f of findings) expect(f.message).toContain(' Fix: ');
}

describe('parseDnsResponse', () => {
  test('reads MX, A records and flags; lowercases names and keeps the null MX root', () => {
    expect(parseDnsResponse(validResponse)).toEqual({
      id: 7, truncated: false, authoritative: false, recursionAvailable: false, rcode: 'NOERROR', question, authorities: [], additionals: [],
      answers: [
        { type: 'MX', name: 'example.test', ttl: 300, preference: 10, exchange: 'mx1.cloudaccess.net' },
        { type: 'MX', name: 'example.test', ttl: 300, preference: 0, exchange: '.' },
        { type: 'A', name: 'mx1.cloudaccess.net', ttl: 60, value: '192.0.2.10' },
      ],
    });
  });

  test('reports the TC bit and the rcode', () => {
    const parsed = parseDnsResponse(response([], 9, dnsPacket.TRUNCATED_RESPONSE | 3));
    expect([parsed?.truncated, parsed?.rcode]).toEqual([true, 'NXDOMAIN']);
  });

  test('a query, or bytes that are not DNS, give undefined', () => {
    expect(parseDnsResponse(encodeQuery(question, 1))).toBeUndefined();
    expect(parseDnsResponse(Buffer.from('not dns'))).toBeUndefined();
  });

  test('reads a referral: AA and RA flags, NS and SOA in authority, IPv4 and IPv6 glue', () => {
    const referral = dnsPacket.encode({
      type: 'response', id: 9, flags: 0, questions: [{ name: 'example.test', type: 'MX', class: 'IN' }],
      authorities: [{ type: 'NS', name: 'example.test', ttl: 60, data: 'NS1.example.test' }, { type: 'SOA', name: 'test', ttl: 60, data: { mname: 'a.test', rname: 'b.test', serial: 1, refresh: 1, retry: 1, expire: 1, minimum: 1 } }],
      additionals: [{ type: 'A', name: 'ns1.example.test', ttl: 60, data: '192.0.2.53' }, { type: 'AAAA', name: 'ns1.example.test', ttl: 60, data: '2001:DB8:0:0:0:0:0:53' }],
    });
    const parsed = parseDnsResponse(referral)!;
    expect([parsed.authoritative, parsed.recursionAvailable]).toEqual([false, false]);
    expect(parsed.authorities).toEqual([{ type: 'NS', name: 'example.test', ttl: 60, value: 'ns1.example.test' }, { type: 'SOA', name: 'test', ttl: 60 }]);
    expect(parsed.additionals.map((record) => 'value' in record && record.value)).toEqual(['192.0.2.53', '2001:db8::53']);
    const answered = parseDnsResponse(response([], 9, dnsPacket.AUTHORITATIVE_ANSWER | dnsPacket.RECURSION_AVAILABLE))!;
    expect([answered.authoritative, answered.recursionAvailable]).toEqual([true, true]);
  });

  test('queries decode as sent: name, type, RD only when recursion is wanted, EDNS0 size', () => {
    const recursive = dnsPacket.decode(encodeQuery({ name: 'mx1.cloudaccess.net', type: 'AAAA' }, 513, { ednsUdpSize: 1232 }));
    expect([recursive.id, recursive.flag_rd, recursive.questions?.[0].name, recursive.questions?.[0].type]).toEqual([513, true, 'mx1.cloudaccess.net', 'AAAA']);
    expect(recursive.additionals?.[0]).toMatchObject({ type: 'OPT', udpPayloadSize: 1232 });
    const direct = dnsPacket.decode(encodeQuery({ name: '.', type: 'NS' }, 1, { recursionDesired: false }));
    expect([direct.flag_rd, direct.questions?.[0].name, direct.additionals]).toEqual([false, '.', []]);
    expect(() => encodeQuery({ name: `${'a'.repeat(64)}.test`, type: 'MX' }, 1)).toThrow(/1 to 63 printable characters/);
  });

  test('a compression pointer that does not point backwards (a loop) makes the packet undecodable', () => {
    const looping = Buffer.from(validResponse);
    const answerName = 12 + 'Example.TEST'.length + 2 + 4; // after the header and the question
    looping.writeUInt16BE(0xc000 | answerName, answerName); // the first answer's name points at itself
    expect(parseDnsResponse(looping)).toBeUndefined();
  });

  test('a name with a dot inside a label or a control byte is dropped with its record', () => {
    const dotted = response([{ type: 'MX', name: 'example.test', ttl: 60, data: { preference: 10, exchange: 'mx1.cloudaccess.net' } }]);
    const label = dotted.indexOf(Buffer.from('cloudaccess'));
    dotted[label + 5] = 0x2e; // "cloud.ccess" as one label
    expect(parseDnsResponse(dotted)?.answers).toEqual([]);
    dotted[label + 5] = 0x07;
    expect(parseDnsResponse(dotted)?.answers).toEqual([]);
  });

  test('a truncated answer cut inside a record still reports TC', () => {
    const cut = response([{ type: 'MX', name: 'example.test', ttl: 60, data: { preference: 10, exchange: 'mx1.cloudaccess.net' } }], 5, dnsPacket.TRUNCATED_RESPONSE);
    expect(parseDnsResponse(cut.subarray(0, cut.length - 6))).toMatchObject({ id: 5, truncated: true, answers: [] });
    expect(parseDnsResponse(Buffer.from(cut.subarray(0, cut.length - 6)).fill(0, 2, 4))).toBeUndefined();
  });

  test('given the question asked, the question is compared in place: case does not matter, another name or type gives undefined', () => {
    expect(parseDnsResponse(validResponse, question)?.answers).toHaveLength(3);
    expect(parseDnsResponse(validResponse, { name: 'example.tes', type: 'MX' })).toBeUndefined();
    expect(parseDnsResponse(validResponse, { name: 'example.test.x', type: 'MX' })).toBeUndefined();
    expect(parseDnsResponse(validResponse, { name: 'example.test', type: 'A' })).toBeUndefined();
  });

  test('an answer matches only the same ID and question', () => {
    const parsed = parseDnsResponse(validResponse)!;
    expect(answersQuery(parsed, 7, question)).toBe(true);
    expect(answersQuery(parsed, 8, question)).toBe(false);
    expect(answersQuery(parsed, 7, { name: 'other.test', type: 'MX' })).toBe(false);
    expect(answersQuery(parsed, 7, { name: 'example.test', type: 'A' })).toBe(false);
  });

  test('random bytes never crash the parser or the checker', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => parseAndClassify(Buffer.from(bytes))), { numRuns: 3000 });
  });

  test('mutated real answers never crash the parser or the checker', () => {
    const mutation = fc.array(fc.tuple(fc.nat({ max: validResponse.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 });
    fc.assert(fc.property(mutation, fc.nat({ max: validResponse.length }), (changes, cut) => {
      const packet = Buffer.from(validResponse);
      for (const [offset, value] of changes) packet[offset] = value;
      parseAndClassify(packet.subarray(0, Math.max(cut, 12)));
    }), { numRuns: 3000 });
  });

  test('well-formed answers with arbitrary names, priorities and TTLs are classified', () => {
    const label = fc.stringMatching(/^[a-z0-9-]{1,20}$/);
    const record = fc.record({ name: fc.array(label, { minLength: 1, maxLength: 4 }).map((l) => l.join('.')), preference: fc.integer({ min: 0, max: 65535 }), ttl: fc.integer({ min: 0, max: 2147483647 }) });
    fc.assert(fc.property(fc.array(record, { maxLength: 12 }), (records) => {
      parseAndClassify(response(records.map((r) => ({ type: 'MX', name: 'example.test', ttl: r.ttl, data: { preference: r.preference, exchange: r.name } }))));
    }), { numRuns: 500 });
  });
});
