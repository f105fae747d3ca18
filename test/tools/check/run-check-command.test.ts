import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCheckArgs, UsageError } from '../../../tools/check/check-args';
import { CheckReport } from '../../../tools/check/check-domain';
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

  test('colours only when asked (stdout is a TTY)', () => {
    expect(renderReport(sample, { color: true })).toContain('\x1b[33mWARN\x1b[0m');
    expect(renderReport(sample, { color: false })).not.toContain('\x1b[');
  });
});
