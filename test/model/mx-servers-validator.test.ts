import { validateMxServers } from '../../lib/model/mx-servers-validator';

describe('validateMxServers', () => {
  test('normalizes and sorts by priority, then host', () => {
    const result = validateMxServers([
      { hostName: 'B.example.net.', priority: 20 },
      { hostName: 'c.example.net', priority: 10 },
      { hostName: 'a.example.net', priority: 20 },
    ]);
    expect(result.reasons).toEqual([]);
    expect(result.records).toEqual([
      { hostName: 'c.example.net', priority: 10 },
      { hostName: 'a.example.net', priority: 20 },
      { hostName: 'b.example.net', priority: 20 },
    ]);
  });

  test('an empty list is an error, not an empty record set', () => {
    const result = validateMxServers([]);
    expect(result.records).toEqual([]);
    expect(result.reasons[0]).toMatchObject({ property: 'servers', problem: expect.stringMatching(/empty/) });
  });

  test('a single-label host is refused', () => {
    expect(validateMxServers([{ hostName: 'mailhost', priority: 10 }]).reasons[0]).toMatchObject({
      property: 'servers[0].hostName',
      problem: expect.stringMatching(/fewer than 2/),
    });
  });

  test('an IP literal target is refused', () => {
    expect(validateMxServers([{ hostName: '192.0.2.25', priority: 10 }]).reasons[0]).toMatchObject({
      property: 'servers[0].hostName',
      problem: expect.stringMatching(/IP address/),
    });
  });

  test('duplicates are detected after normalization', () => {
    const result = validateMxServers([
      { hostName: 'mx.example.net', priority: 10 },
      { hostName: 'MX.example.net.', priority: 20 },
    ]);
    expect(result.reasons).toEqual([
      expect.objectContaining({ property: 'servers[1].hostName', problem: 'repeats servers[0] (both are mx.example.net)' }),
    ]);
  });

  test.each([-1, 65536, 1.5, Number.NaN, '10'])('priority %p is refused', (priority) => {
    const result = validateMxServers([{ hostName: 'mx.example.net', priority: priority as number }]);
    expect(result.reasons[0]).toMatchObject({ property: 'servers[0].priority', value: priority, problem: expect.stringMatching(/0 to 65535/) });
  });

  test.each([0, 65535])('priority %p is accepted', (priority) => {
    expect(validateMxServers([{ hostName: 'mx.example.net', priority }]).reasons).toEqual([]);
  });

  test('every problem is reported, not just the first', () => {
    const result = validateMxServers([
      { hostName: 'bad_host.example', priority: 10 },
      { hostName: '10.1.1.1', priority: 70000 },
    ]);
    expect(result.reasons.map((r) => r.property)).toEqual(['servers[0].hostName', 'servers[1].hostName', 'servers[1].priority']);
  });

  test('a null MX must be alone and at priority 0', () => {
    expect(validateMxServers([{ hostName: '.', priority: 0 }]).records).toEqual([{ hostName: '.', priority: 0 }]);
    const mixed = validateMxServers([
      { hostName: '.', priority: 5 },
      { hostName: 'mx.example.net', priority: 10 },
    ]);
    expect(mixed.reasons.map((r) => r.property)).toEqual(['servers[0].hostName', 'servers[0].priority']);
  });

  test('host rules run on normalized names', () => {
    const seen: string[] = [];
    validateMxServers([{ hostName: 'MX.Example.NET.', priority: 1 }], 'servers', (host) => {
      seen.push(host);
      return [];
    });
    expect(seen).toEqual(['mx.example.net']);
  });
});
