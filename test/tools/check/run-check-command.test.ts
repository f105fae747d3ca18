import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCheckArgs, UsageError } from '../../../tools/check/check-args';
import { CheckOptionsError, checkDomains, CheckReport } from '../../../tools/check/check-domain';
import { FindingCode, Severity } from '../../../tools/check/finding';
import { renderReport } from '../../../tools/check/render-report';
import { exitCodeFor, ExitCode, runCheckCommand } from '../../../tools/check/run-check-command';

const report = (...statuses: CheckReport['domains'][number]['status'][]): CheckReport => ({
  domains: statuses.map((status, i) => ({ domain: `d${i}.test`, status, servers: [], findings: [] })),
});

describe('exit codes', () => {
  test.each([
    [['ok', 'warn'], ExitCode.OK],
    [['ok', 'fail'], ExitCode.FAIL],
    [['fail', 'error'], ExitCode.USAGE_OR_ERROR],
    [[], ExitCode.OK],
  ] as const)('%j gives %d', (statuses, code) => {
    expect(exitCodeFor(report(...statuses))).toBe(code);
  });

  test('a usage error exits 2 and says what to do, before any query', async () => {
    let stderr = '';
    const code = await runCheckCommand(['--resolver', 'not-an-ip', 'example.test'], { stdout: { write: () => true }, stderr: { write: (text: string) => (stderr += text) } });
    expect(code).toBe(ExitCode.USAGE_OR_ERROR);
    expect(stderr).toContain('resolvers[0] = "not-an-ip": is not an IP address with an optional port. Fix:');
  });
});

describe('parseCheckArgs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'check-args-'));

  test('defaults: CloudMail expected, concurrency 16', () => {
    const command = parseCheckArgs(['example.test', '--backup', 'b1.example.test', '--backup', 'b2.example.test', '--resolver', '127.0.0.1:5353']);
    expect(command.requests).toEqual([{ domain: 'example.test' }]);
    expect(command.options).toMatchObject({ expected: [{ hostName: 'mx1.cloudaccess.net', priority: 10 }, { hostName: 'b1.example.test', priority: 20 }, { hostName: 'b2.example.test', priority: 30 }], resolvers: ['127.0.0.1:5353'], concurrency: 16, authoritative: false });
  });

  test.each([
    [[], /No domain to check/],
    [['a.test', '--expect', 'gmail'], /--expect gmail is not known/],
    [['a.test', '--timeout', '0'], /--timeout 0 is not a positive whole number/],
    [['a.test', '--backup', 'b.test', '--expect-file', 'x.json'], /use only one of them/],
    [['a.test', '--file', '/nonexistent/domains.txt'], /--file \/nonexistent\/domains.txt cannot be read \(ENOENT\)/],
    [['a.test', '--from-synth', '/nonexistent'], /no stacks\/ folder/],
  ])('%j is a usage error', (args, message) => {
    expect(() => parseCheckArgs(args)).toThrow(UsageError);
    expect(() => parseCheckArgs(args)).toThrow(message);
  });

  test('--timeout is bounded, since Node\'s timers overflow above 2^31-1 ms', () => {
    expect(() => parseCheckArgs(['a.test', '--timeout', '3000000000'])).toThrow('--timeout 3000000000 is more than 60000. Fix: give at most --timeout 60000.');
    expect(parseCheckArgs(['a.test', '--timeout', '60000']).options.timeoutMs).toBe(60000);
  });

  test('--file: each line keeps its line number, so a bad line can be named', () => {
    const file = join(dir, 'domains.txt');
    writeFileSync(file, '# fleet\r\nexample.test\r\nexa mple.test # typo\n\nother.test\n');
    expect(parseCheckArgs(['--file', file]).requests.map(({ domain, origin }) => ({ domain, origin }))).toEqual([
      { domain: 'example.test', origin: `${file} line 2` },
      { domain: 'exa mple.test', origin: `${file} line 3` },
      { domain: 'other.test', origin: `${file} line 5` },
    ]);
  });

  test('--file without a single domain (the wrong file) is a usage error that shows five lines, not thousands', () => {
    const file = join(dir, 'garbage.txt');
    writeFileSync(file, Array.from({ length: 6000 }, (_, i) => `${i},"not a domain",${'x'.repeat(200)}`).join('\n'));
    let message = '';
    try {
      parseCheckArgs(['--file', file]);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(`--file ${file}: none of its 6000 line(s) is a domain name:`);
    expect(message).toContain('… and 5995 more');
    expect(message.split('\n').length).toBeLessThan(10);
    expect(message.length).toBeLessThan(1200);
  });

  test('--expect-file must hold a JSON array', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{"hostName": "mx1.cloudaccess.net"}');
    expect(() => parseCheckArgs(['a.test', '--expect-file', file])).toThrow(/does not hold a JSON array. Fix:/);
  });
});

describe('renderReport', () => {
  const sample: CheckReport = { domains: [{
    domain: 'example.test', status: Severity.WARN,
    servers: [{ server: '127.0.0.1:53', records: [{ hostName: 'mx1.cloudaccess.net', priority: 10, ttl: 300 }] }, { server: '127.0.0.2:53', records: [] }],
    findings: [{ code: FindingCode.LEGACY_DEMOTED, severity: Severity.WARN, message: 'Old host still listed. Fix: delete it.' }],
  }] };

  test('a table of records per server, each finding with its fix, and a tally', () => {
    expect(renderReport(sample, { color: false })).toBe([
      'example.test  WARN',
      '  SERVER        PRIORITY  HOST                 TTL',
      '  127.0.0.1:53  10        mx1.cloudaccess.net  300',
      '  127.0.0.2:53  -         (no MX records)      -',
      '  WARN LEGACY_DEMOTED',
      '    Old host still listed.',
      '    Fix: delete it.',
      '',
      '1 domain(s): 0 ok, 1 warn, 0 fail, 0 error',
      '',
    ].join('\n'));
  });

  test('the name server at each address, and the CNAME target whose records these are, are shown beside the server', () => {
    const text = renderReport({ domains: [{
      domain: 'alias.test', status: Severity.WARN, findings: [],
      servers: [{ server: '127.0.0.2:53', nameServer: 'ns1.good.test', canonicalName: 'good.test', records: [{ hostName: 'mx1.cloudaccess.net', priority: 10, ttl: 300 }] }],
    }] }, { color: false });
    expect(text).toContain('  127.0.0.2:53 (ns1.good.test), MX of good.test  10        mx1.cloudaccess.net  300');
  });

  test('colours only when asked (stdout is a TTY)', () => {
    expect(renderReport(sample, { color: true })).toContain('\x1b[33mWARN\x1b[0m');
    expect(renderReport(sample, { color: false })).not.toContain('\x1b[');
  });
});

describe('checkDomains input', () => {
  test('a domain that is not a domain name is an error entry naming where it came from; nothing is asked for it', async () => {
    const report = await checkDomains([{ domain: 'exa mple.test', origin: 'domains.txt line 3' }, `${'x'.repeat(300)}.test`], { resolvers: ['127.0.0.1:9'] });
    expect(report.domains.map((d) => [d.status, d.findings.map((f) => f.code)])).toEqual([['error', [FindingCode.INVALID_DOMAIN]], ['error', [FindingCode.INVALID_DOMAIN]]]);
    expect(report.domains[0].findings[0].message).toMatch(/^domains\.txt line 3: "exa mple\.test" .*, so it was not checked\. Fix: /);
    expect(report.domains[1].domain).toHaveLength(81);
  });

  test('invalid options are refused before any query, and the message lists ten reasons at most', async () => {
    await expect(checkDomains(['a.test'], { resolvers: ['127.0.0.1:9'], timeoutMs: 3_000_000_000 })).rejects.toThrow(/timeoutMs = 3000000000: is not a whole number of milliseconds from 1 to 60000/);
    const expected = Array.from({ length: 25 }, (_, i) => ({ hostName: `bad host ${i}`, priority: 10 + i }));
    const error = await checkDomains(['a.test'], { resolvers: ['127.0.0.1:9'], expected }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckOptionsError);
    expect((error as CheckOptionsError).reasons).toHaveLength(25);
    expect((error as Error).message.split('\n')).toHaveLength(12);
    expect((error as Error).message).toContain('… and 15 more');
  });
});
