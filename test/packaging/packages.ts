import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(__dirname, '../..');
/** What `npm run package` reads: a change to any of these is a new build. */
const INPUTS = ['lib', 'tools', 'bin', 'packaging', 'package.json', 'README.md', 'LICENSE'];

/** `npm run package`'s dist/ for this checkout. */
export interface BuiltPackages {
  readonly dist: string;
  /** The npm tarball of each core: cloudmail-mx (cdktf) and cloudmail-mx-cdktn. */
  readonly tarballs: { readonly cdktf: string; readonly cdktn: string };
}

/**
 * Runs `npm run package` once per state of the sources, into a temp folder
 * shared by every test file (and later runs): the first caller builds, the
 * others wait for its `done` marker. A build that failed, or whose process
 * died, is started again by the next caller.
 */
export function builtPackages(): BuiltPackages {
  const out = join(tmpdir(), `cloudmail-mx-packages-${sourceHash()}`);
  while (!existsSync(join(out, 'done'))) {
    if (claim(out)) {
      build(out);
      break;
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
  }
  const dist = join(out, 'dist');
  const version = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).version;
  return { dist, tarballs: { cdktf: join(dist, 'js', `cloudmail-mx-${version}.tgz`), cdktn: join(dist, 'js', `cloudmail-mx-cdktn-${version}.tgz`) } };
}

/** Takes the build of `out` for this process, unless a live process has it. The folder appears with its owner inside (an atomic rename). */
function claim(out: string): boolean {
  const mine = `${out}.${process.pid}`;
  mkdirSync(mine, { recursive: true });
  writeFileSync(join(mine, 'owner'), String(process.pid));
  try {
    renameSync(mine, out);
    return true;
  } catch (error) {
    rmSync(mine, { recursive: true, force: true });
    if (!['EEXIST', 'ENOTEMPTY'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  }
  if (isAlive(Number(readFileSync(join(out, 'owner'), 'utf8')))) return false;
  rmSync(out, { recursive: true, force: true });
  return claim(out);
}

function build(out: string): void {
  try {
    execFileSync('npm', ['run', 'package', '--silent', '--', '--out', out], { cwd: repo, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    rmSync(out, { recursive: true, force: true });
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`npm run package failed:\n${stdout}${stderr}`);
  }
  writeFileSync(join(out, 'done'), '');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function sourceHash(): string {
  const hash = createHash('sha256');
  const visit = (path: string) => {
    if (statSync(path).isDirectory()) readdirSync(path).sort().forEach((entry) => visit(join(path, entry)));
    else hash.update(path).update(readFileSync(path));
  };
  INPUTS.forEach((input) => visit(join(repo, input)));
  return hash.digest('hex').slice(0, 16);
}
