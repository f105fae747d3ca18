import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cdktfSynth, checkout, removeCheckouts } from './cdktf-checkout';

afterAll(removeCheckouts);

test('cdktf synth --hcl writes main.ts as HCL with the MX resources, for teams that review HCL', async () => {
  const dir = checkout();
  const result = await cdktfSynth(dir, ['--hcl']);
  expect(result).toMatchObject({ status: 0 });
  const stackDir = join(dir, 'cdktf.out', 'stacks', 'mail-dns');
  expect(readdirSync(stackDir)).toContain('cdk.tf');
  const hcl = readFileSync(join(stackDir, 'cdk.tf'), 'utf8');
  expect(hcl).toMatch(/resource "cloudflare_dns_record" "example-com_mx1_cloudaccess_net_\w+" \{[^}]*content\s+= "mx1\.cloudaccess\.net"[^}]*priority = 10/);
  expect(hcl).toMatch(/resource "aws_route53_record" "example-org_mx_\w+" \{[^}]*"10 mx1\.cloudaccess\.net\.",\s*"20 backup1\.example\.net\."/);
}, 30_000);
