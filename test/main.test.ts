import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cdktfSynth as runSynth, checkout, removeCheckouts } from './cdktf-checkout';

/** `npm run synth` runs the real cdktf CLI; these tests run it in throwaway checkouts. */
const repo = resolve(__dirname, '..');
const SECRET = 'cf-token-that-must-never-be-written';
const cdktfSynth = (dir: string) => runSynth(dir, [], { CLOUDFLARE_API_TOKEN: SECRET, AWS_SECRET_ACCESS_KEY: SECRET });

const stackJson = (dir: string) => join(dir, 'cdktf.out', 'stacks', 'mail-dns', 'cdk.tf.json');

afterAll(removeCheckouts);

describe('cdktf synth of main.ts', () => {
  let first: string;
  let second: string;

  beforeAll(async () => {
    [first, second] = [checkout(), checkout()];
    const results = await Promise.all([cdktfSynth(first), cdktfSynth(second)]);
    for (const result of results) expect(result).toMatchObject({ status: 0 });
  }, 120_000);

  test('is byte-identical across two checkouts', () => {
    expect(readFileSync(stackJson(first), 'utf8')).toBe(readFileSync(stackJson(second), 'utf8'));
  });

  test('contains no absolute path and no secret from the environment', () => {
    const json = readFileSync(stackJson(first), 'utf8');
    expect(json).not.toContain(first);
    expect(json).not.toContain(tmpdir());
    expect(json).not.toContain(SECRET);
    expect(JSON.parse(json).terraform.backend).toEqual({ local: { path: 'terraform.mail-dns.tfstate' } });
  });

  test('writes one Cloudflare domain and one Route53 domain', () => {
    const { resource } = JSON.parse(readFileSync(stackJson(first), 'utf8'));
    expect(Object.values(resource.cloudflare_dns_record)).toEqual([expect.objectContaining({ name: 'example.com', content: 'mx1.cloudaccess.net', priority: 10 })]);
    expect(Object.values(resource.aws_route53_record)).toEqual([
      expect.objectContaining({ name: 'example.org', records: ['10 mx1.cloudaccess.net.', '20 backup1.example.net.'], ttl: 3600 }),
    ]);
  });
});

test('a typo fails cdktf synth with the fix, and writes nothing', async () => {
  const main = readFileSync(join(repo, 'main.ts'), 'utf8').replace("servers: CloudMail.servers({ backups: ['backup1.example.net'] })", "servers: [{ hostName: 'mx1.cloudcccess.net', priority: 10 }]");
  const dir = checkout(main);
  const result = await cdktfSynth(dir);
  expect(result.status).not.toBe(0);
  expect(result.output).toContain('Invalid MX configuration at mail-dns/example-org');
  expect(result.output).toContain('did you mean mx1.cloudaccess.net?');
  const stacksDir = join(dir, 'cdktf.out', 'stacks');
  expect(existsSync(stacksDir) ? readdirSync(stacksDir) : []).toEqual([]);
}, 60_000);
