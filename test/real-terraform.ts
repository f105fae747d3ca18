import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The real terraform binary, or undefined. CI must never skip the tests that
 * need it: with CI set, a missing binary fails the suite instead.
 */
export const terraformPath: string | undefined = (() => {
  const found = spawnSync('sh', ['-c', 'command -v terraform'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
})();

if (terraformPath === undefined && process.env.CI) {
  throw new Error('terraform is not on PATH: these tests need the real binary and CI must not skip them.');
}

/** `describe` when terraform is on PATH; otherwise skipped, loudly. */
export function describeWithTerraform(name: string, body: () => void): void {
  if (terraformPath === undefined) process.stderr.write(`SKIPPING "${name}": terraform is not on PATH.\n`);
  (terraformPath === undefined ? describe.skip : describe)(name, body);
}

/**
 * A Terraform working directory holding the rollout gates of a synthesized
 * stack: its `terraform_data` resources and outputs only, which the real
 * binary plans and applies offline (no provider can be downloaded here).
 */
export class GateWorkspace {
  public readonly dir = mkdtempSync(join(tmpdir(), 'gates-'));
  private initialized = false;

  constructor() {
    writeFileSync(join(this.dir, 'terraformrc'), '');
  }

  /** Writes the gates of `stack` (a parsed cdk.tf.json) as the configuration; the first write also runs `terraform init`. */
  public writeGates(stack: { resource?: { terraform_data?: unknown }; output?: unknown }): this {
    return this.writeConfiguration({ resource: { terraform_data: stack.resource?.terraform_data }, output: stack.output });
  }

  /** Writes `configuration` (Terraform JSON, builtin resources only) with a local backend; the first write also runs `terraform init`. */
  public writeConfiguration(configuration: Record<string, unknown>): this {
    const withBackend = { terraform: { backend: { local: { path: 'terraform.tfstate' } } }, ...configuration };
    writeFileSync(join(this.dir, 'main.tf.json'), JSON.stringify(withBackend, null, 2));
    if (!this.initialized) {
      const init = this.run('init');
      if (init.status !== 0) throw new Error(`terraform init failed:\n${init.output}`);
    }
    this.initialized = true;
    return this;
  }

  /** Runs a command; long messages, which Terraform wraps, are joined back into one line per paragraph. */
  public run(command: 'init' | 'plan' | 'apply'): { status: number | null; output: string } {
    const args = command === 'apply' ? ['apply', '-auto-approve'] : [command];
    const result = spawnSync('terraform', [...args, '-input=false', '-no-color'], { cwd: this.dir, encoding: 'utf8', env: this.env() });
    return { status: result.status, output: `${result.stdout}${result.stderr}`.replace(/\n(?=\S)/g, ' ') };
  }

  /** The outputs after an apply, by name. */
  public outputs(): Record<string, string> {
    const result = spawnSync('terraform', ['output', '-json'], { cwd: this.dir, encoding: 'utf8', env: this.env() });
    return Object.fromEntries(Object.entries(JSON.parse(result.stdout) as Record<string, { value: string }>).map(([name, output]) => [name, output.value]));
  }

  public remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private env(): NodeJS.ProcessEnv {
    return { ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_CLI_CONFIG_FILE: join(this.dir, 'terraformrc') };
  }
}
