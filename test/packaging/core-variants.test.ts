import { importCore } from '../../packaging/core-variants';

test('the core\'s imports and deep imports are rewritten, nothing else', () => {
  const source = [
    "import { App, TerraformStack } from 'cdktf';",
    "import { ValidateTerraformVersion } from 'cdktf/lib/validations/validate-terraform-version';",
    'const core = require("cdktf");',
    "import { Construct } from 'constructs';",
    "import { DnsRecord } from '@cdktf/provider-cloudflare/lib/dns-record';",
    "const message = 'run npx cdktf synth';",
  ].join('\n');
  expect(importCore(source, 'cdktn')).toBe([
    "import { App, TerraformStack } from 'cdktn';",
    "import { ValidateTerraformVersion } from 'cdktn/lib/validations/validate-terraform-version';",
    'const core = require("cdktn");',
    "import { Construct } from 'constructs';",
    "import { DnsRecord } from '@cdktf/provider-cloudflare/lib/dns-record';",
    "const message = 'run npx cdktf synth';",
  ].join('\n'));
  expect(importCore(source, 'cdktf')).toBe(source);
});
