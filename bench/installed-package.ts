import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A fresh project with the cloudmail-mx tarball that `npm run package`
 * builds installed, next to the cdktf and constructs it peers on: the
 * import is measured on the package as users install it (jsii's JavaScript,
 * the bundled zod), not on this repository's source. Installs go through the
 * machine's npm cache, which the repository's own npm ci filled.
 */
export function installedPackageProject(repo: string): string {
  const out = mkdtempSync(join(tmpdir(), 'cloudmail-mx-installed-'));
  execFileSync('npm', ['run', 'package', '--silent', '--', '--out', out], { cwd: repo, stdio: 'pipe' });
  const { version } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string };
  const { devDependencies } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  const project = join(out, 'project');
  execFileSync('mkdir', [project]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({
    name: 'bench-import',
    private: true,
    dependencies: { 'cloudmail-mx': `file:${join(out, 'dist', 'js', `cloudmail-mx-${version}.tgz`)}`, cdktf: devDependencies.cdktf, constructs: devDependencies.constructs },
  }));
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: project, stdio: 'pipe' });
  return project;
}
