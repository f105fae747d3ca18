import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describeWithTerraform, terraformPath } from '../real-terraform';

const repo = resolve(__dirname, '../..');

/** Two stacks, each with rollout gates (terraform_data) and Cloudflare import blocks: 12 gates and imports in all. */
const APP = `
const { App, TerraformStack } = require('cdktf');
const { CloudMailMx, DnsTarget, RolloutStage } = require('./lib');
const zone = '023e105f4ecef8ad9ca31a8372d0c353';
const app = new App({ outdir: process.env.OUT });
for (const name of ['one', 'two']) {
  const stack = new TerraformStack(app, name);
  new CloudMailMx(stack, 'example-com', {
    domain: name + '.example.com',
    target: DnsTarget.cloudflare({ zoneId: zone }),
    legacy: { servers: [
      { hostName: 'mail.oldhost.net', priority: 10, importId: zone + '/' + 'a'.repeat(32) },
      { hostName: 'mail2.oldhost.net', priority: 20, importId: zone + '/' + 'b'.repeat(32) },
    ] },
    rollout: { stage: RolloutStage.COMPLETE, previousTtl: 60 },
  });
}
app.synth();
`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'version-check-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Synthesizes APP with `terraform` looked up only in the scratch folder; each run of it is logged. */
function synthesize(): { status: number | null; output: string; calls: string[] } {
  writeFileSync(join(dir, 'calls'), '', { flag: 'a' });
  const result = spawnSync(process.execPath, ['--require', require.resolve('tsx/cjs'), '--require', require.resolve('../require-core.js'), '--input-type=commonjs', '-e', APP], {
    cwd: repo,
    env: { ...process.env, PATH: dir, OUT: join(dir, 'out') },
    encoding: 'utf8',
  });
  return { status: result.status, output: result.stdout + result.stderr, calls: readFileSync(join(dir, 'calls'), 'utf8').split('\n').filter(Boolean) };
}

/** A `terraform` in the scratch folder that logs its arguments, then runs `script`. */
function installTerraform(script: string): void {
  writeFileSync(join(dir, 'terraform'), `#!/bin/sh\necho "$@" >> ${join(dir, 'calls')}\n${script}\n`);
  chmodSync(join(dir, 'terraform'), 0o755);
}

describeWithTerraform('with the real terraform', () => {
  test('runs `terraform version` once per app, whatever the number of gates, imports and stacks', () => {
    installTerraform(`exec ${terraformPath} "$@"`);
    expect(synthesize()).toMatchObject({ status: 0, calls: ['version'] });
    const core = process.env.CLOUDMAIL_MX_TEST_CORE ?? 'cdktf';
    expect(JSON.parse(readFileSync(join(dir, 'out', 'stacks', 'one', 'cdk.tf.json'), 'utf8'))['//'].metadata.version).toBe({ cdktf: '0.21.0', cdktn: '0.24.0' }[core]);
  }, 30_000);
});

test('a Terraform older than 1.5 fails synth with what needs it and the fix, checked once', () => {
  installTerraform('echo "Terraform v1.4.7"');
  const result = synthesize();
  expect(result.status).not.toBe(0);
  expect(result.output).toContain('terraform version 1.4.7 is lower than the required version >=1.5');
  expect(result.output).toContain('cloudmail-mx writes import blocks and terraform_data rollout gates, which need Terraform >=1.5. Fix: install Terraform 1.5 or later');
  expect(result.calls).toEqual(['version']);
}, 30_000);

test('a missing terraform fails synth with the fix, said once, not once per gate', () => {
  const result = synthesize();
  expect(result.status).not.toBe(0);
  expect(result.output).toContain('Could not determine version of terraform');
  expect(result.output.match(/Fix: install Terraform 1\.5 or later/g)).toHaveLength(1);
}, 30_000);
