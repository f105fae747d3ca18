import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * The real terraform binary, offline, on the gates of a synthesized stack:
 * everything builtin (markers, gates, locals, outputs) as synthesized, and
 * each DNS record replaced by a builtin `terraform_data` stand-in holding
 * the same attributes, with the same dependencies and import blocks. A
 * stand-in's apply fails while `fail_records` is true, as a provider error would.
 */
const run = promisify(execFile);

export { describeWithTerraform } from '../real-terraform';

const RECORD_TYPES = ['cloudflare_dns_record', 'aws_route53_record'];
const workDirs: string[] = [];
afterAll(() => workDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What one terraform command printed, wrapped lines joined back into paragraphs. */
export interface TerraformRun {
  readonly status: number;
  readonly output: string;
}

export class GateWorkspace {
  public readonly dir = mkdtempSync(join(tmpdir(), 'gates-'));
  private initialized = false;

  constructor() {
    workDirs.push(this.dir);
    writeFileSync(join(this.dir, 'terraformrc'), '');
  }

  /** Writes the gate configuration of a synthesized `cdk.tf.json`; runs `terraform init` the first time. */
  public write(stackJson: string): Promise<this> {
    return this.writeConfiguration(gateConfiguration(JSON.parse(stackJson)));
  }

  /** Writes a configuration of builtin resources, with a local backend and the `fail_records` variable; runs `terraform init` the first time. */
  public async writeConfiguration(configuration: Json): Promise<this> {
    const complete = {
      terraform: { backend: { local: { path: 'terraform.tfstate' } } },
      variable: { fail_records: { type: 'bool', default: false } },
      ...configuration,
    };
    writeFileSync(join(this.dir, 'main.tf.json'), JSON.stringify(complete, null, 2));
    if (!this.initialized) {
      const init = await this.run('init');
      if (init.status !== 0) throw new Error(`terraform init failed:\n${init.output}`);
      this.initialized = true;
    }
    return this;
  }

  /** `plan` or `apply`; with `failRecords` every stand-in record whose apply runs fails. */
  public async run(command: 'init' | 'plan' | 'apply', options: { failRecords?: boolean } = {}): Promise<TerraformRun> {
    const args = command === 'init' ? ['init', '-input=false', '-no-color'] : [command, '-input=false', '-lock=false', '-no-color', `-var=fail_records=${options.failRecords === true}`];
    if (command === 'apply') args.push('-auto-approve');
    try {
      const { stdout, stderr } = await run('terraform', args, { cwd: this.dir, env: this.env() });
      return { status: 0, output: paragraphs(`${stdout}${stderr}`) };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      return { status: failed.code ?? 1, output: paragraphs(`${failed.stdout ?? ''}${failed.stderr ?? ''}`) };
    }
  }

  /** The outputs, named without the construct path and hash (`stage`, `next_stage_earliest`, …). */
  public async outputs(): Promise<Record<string, string>> {
    const { stdout } = await run('terraform', ['output', '-json'], { cwd: this.dir, env: this.env() });
    const parsed = JSON.parse(stdout) as Record<string, { value: string }>;
    return Object.fromEntries(Object.entries(parsed).map(([name, output]) => [name.replace(/^.*_rollout_|_[0-9A-F]{8}$/g, ''), output.value]));
  }

  /** The `input` of each marker in state, by stage marker id (`lower_ttl_applied`, …). */
  public async markers(): Promise<Record<string, Json>> {
    const { stdout } = await run('terraform', ['show', '-json'], { cwd: this.dir, env: this.env() });
    const resources = (JSON.parse(stdout).values?.root_module?.resources ?? []) as { type: string; name: string; values: { input: Json } }[];
    return Object.fromEntries(resources.filter((r) => r.type === 'terraform_data' && /_applied_/.test(r.name)).map((r) => [r.name.replace(/^.*_rollout_|_[0-9A-F]{8}$/g, ''), r.values.input]));
  }

  private env(): NodeJS.ProcessEnv {
    return { ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_CLI_CONFIG_FILE: join(this.dir, 'terraformrc') };
  }
}

/** The synthesized stack's builtin parts, with stand-ins for its records. */
export function gateConfiguration(stack: Json): Json {
  const resources: Json = { ...stack.resource.terraform_data };
  const rename = (address: string) => address.replace(new RegExp(`^(${RECORD_TYPES.join('|')})\\.`), 'terraform_data.record_');
  for (const type of RECORD_TYPES) {
    for (const [key, { ['//']: _metadata, provider: _provider, depends_on: _dependsOn, lifecycle: _lifecycle, ...attributes }] of Object.entries((stack.resource[type] ?? {}) as Json)) {
      resources[`record_${key}`] = {
        input: { ...attributes, fail: '${var.fail_records}' },
        lifecycle: { postcondition: [{ condition: '${!self.output.fail}', error_message: 'stand-in record apply failed (fail_records)' }] },
      };
    }
  }
  for (const resource of Object.values(resources)) {
    if (resource.depends_on) resource.depends_on = resource.depends_on.map(rename);
  }
  return {
    locals: stack.locals,
    resource: { terraform_data: resources },
    import: (stack.import ?? []).map((block: Json) => ({ ...block, to: rename(block.to) })),
    output: stack.output,
  };
}

/** Terraform wraps long messages; join them back into one line per paragraph. */
function paragraphs(text: string): string {
  return text.replace(/\n(?=\S)/g, ' ').replace(/│ ?/g, '').replace(/ {2,}/g, ' ');
}

const ISO_SECONDS = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/;

/** The time in `text` right after `prefix`, as epoch milliseconds. */
export function timeAfter(text: string, prefix: string): number {
  const match = new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (${ISO_SECONDS.source})`).exec(text);
  if (match === null) throw new Error(`no time after "${prefix}" in:\n${text}`);
  return Date.parse(match[1]);
}

export const sleepUntil = (epochMs: number) => new Promise((done) => setTimeout(done, Math.max(0, epochMs - Date.now())));
