import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** What a command printed and how it ended. */
export interface CommandResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * A fresh project outside the repository, as a user would make one: its own
 * package.json and files, installed from the npm registry through the
 * machine's shared npm cache (warm after the repository's own npm ci), with
 * this checkout's packed tarball as the cloudmail-mx dependency.
 */
export class ConsumerProject {
  public readonly dir = mkdtempSync(join(tmpdir(), 'consumer-'));

  constructor(files: Record<string, string>) {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(this.dir, file)), { recursive: true });
      writeFileSync(join(this.dir, file), text);
    }
  }

  /** `npm install` of the project's package.json; throws with npm's output if it fails. */
  public install(): void {
    const result = this.run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error']);
    if (result.status !== 0) throw new Error(`npm install failed in ${this.dir}:\n${result.stdout}${result.stderr}`);
  }

  /** Runs a command in the project, with its node_modules/.bin first on PATH, as npx and npm scripts do. */
  public run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): CommandResult {
    const result = spawnSync(command, [...args], {
      cwd: this.dir,
      encoding: 'utf8',
      env: { ...process.env, CHECKPOINT_DISABLE: '1', CI: 'true', PATH: `${join(this.dir, 'node_modules', '.bin')}:${process.env.PATH}`, ...env },
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  public remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
