import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { App, TerraformStack } from 'cdktf';

/** Synthesizes a stack (with both providers) built by `build` into a new temp folder, and returns the folder. */
export function synthToTempDir(build: (stack: TerraformStack) => void): string {
  const outdir = mkdtempSync(join(tmpdir(), 'cdktf-out-'));
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'mail');
  new CloudflareProvider(stack, 'cloudflare', {});
  new AwsProvider(stack, 'aws', { region: 'us-east-1' });
  build(stack);
  app.synth();
  return outdir;
}

/** A synth folder written by hand, for output cdktf itself would not write: `stacks` maps a stack to its cdk.tf.json text. */
export function writeSynthFolder(stacks: Record<string, string>, withManifest = true): string {
  const outdir = mkdtempSync(join(tmpdir(), 'cdktf-out-'));
  mkdirSync(join(outdir, 'stacks'));
  for (const [stack, text] of Object.entries(stacks)) {
    mkdirSync(join(outdir, 'stacks', stack));
    writeFileSync(join(outdir, 'stacks', stack, 'cdk.tf.json'), text);
  }
  if (withManifest) writeFileSync(join(outdir, 'manifest.json'), JSON.stringify({ stacks: Object.fromEntries(Object.keys(stacks).map((stack) => [stack, { name: stack }])) }));
  return outdir;
}
