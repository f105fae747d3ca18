import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtPackages, BuiltPackages } from './packages';

/** `npm run package`, checked the way a registry and Construct Hub would see the packages. */
let built: BuiltPackages;
beforeAll(() => {
  built = builtPackages();
}, 300_000);

const filesOf = (tarball: string) => execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean).map((file) => file.replace(/^package\//, ''));
const fileOf = (tarball: string, file: string) => execFileSync('tar', ['xzf', tarball, '-O', `package/${file}`], { encoding: 'utf8' });
const manifestOf = (tarball: string) => JSON.parse(fileOf(tarball, 'package.json'));

describe.each([
  ['cdktf', 'cloudmail-mx', { cdktf: '^0.21.0', constructs: '^10.4.2' }],
  ['cdktn', 'cloudmail-mx-cdktn', { cdktn: '^0.24.0', constructs: '>=10.6.0 <10.8.0' }],
] as const)('the %s package', (core, name, peers) => {
  const tarball = () => built.tarballs[core];

  test('ships compiled JavaScript, declarations, the jsii assembly, README, LICENSE and bundled dependencies, and nothing else', () => {
    const files = filesOf(tarball()).filter((file) => !file.startsWith('node_modules/'));
    const unexpected = files.filter((file) => !/^(lib|tools)\/.*\.(js|d\.ts)$/.test(file) && !['.jsii', 'README.md', 'LICENSE', 'package.json', 'bin/cloudmail-mx'].includes(file));
    expect(unexpected).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['lib/index.js', 'lib/index.d.ts', 'tools/index.js', 'tools/index.d.ts', 'tools/main.js', '.jsii', 'LICENSE', 'README.md']));
    expect(fileOf(tarball(), 'LICENSE')).toMatch(/Apache License\s+Version 2\.0, January 2004/);
    const bundled = [...new Set(filesOf(tarball()).filter((file) => file.startsWith('node_modules/')).map((file) => file.split('/').slice(1, file.startsWith('node_modules/@') ? 3 : 2).join('/')))];
    expect(bundled.sort()).toEqual(['zod']);
  });

  test('its package.json: installable, compiled entry points, peers with ranges, no TypeScript runner', () => {
    const manifest = manifestOf(tarball());
    expect(manifest.private).toBeUndefined();
    expect(manifest).toMatchObject({ name, main: 'lib/index.js', types: 'lib/index.d.ts', bin: { 'cloudmail-mx': 'bin/cloudmail-mx' }, peerDependencies: peers, license: 'Apache-2.0' });
    expect(manifest.keywords).toEqual(expect.arrayContaining(['cdk', core]));
    expect(Object.keys(manifest.dependencies).sort()).toEqual(['zod']);
    expect(manifest.bundledDependencies).toEqual(['zod']);
    expect(Object.keys(manifest.peerDependencies)).not.toContain(core === 'cdktf' ? 'cdktn' : 'cdktf');
    expect(Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies }).filter((dep) => /provider|tsx|ts-node|typescript/.test(dep))).toEqual([]);
  });

  test('its jsii assembly holds the construct API under the package\'s own name, built on its core', () => {
    const assembly = JSON.parse(fileOf(tarball(), '.jsii'));
    expect(assembly.name).toBe(name);
    expect(Object.keys(assembly.dependencies).sort()).toEqual([core, 'constructs']);
    expect(Object.keys(assembly.types)).toEqual(expect.arrayContaining([`${name}.CloudMailMx`, `${name}.DnsTarget`, `${name}.RolloutStage`, `${name}.IDnsTarget`, `${name}.CloudMailFleet`]));
    expect(assembly.types[`${name}.CloudMailMx`].base).toBe('constructs.Construct');
    expect(Object.keys(assembly.types).filter((type) => /check|summary|synth/i.test(type))).toEqual([]);
  });

  test('its compiled code imports its own core only', () => {
    const code = filesOf(tarball()).filter((file) => /^(lib|tools)\/.*\.js$/.test(file)).map((file) => fileOf(tarball(), file)).join('\n');
    expect(code).toMatch(new RegExp(`require\\("${core}(/lib/[^"]+)?"\\)`));
    expect(code).not.toMatch(new RegExp(`require\\("${core === 'cdktf' ? 'cdktn' : 'cdktf'}[/"]`));
  });

  test('bindings for Python, Java, C# and Go are generated with CloudMailMx in each', () => {
    const sources = (language: string) => readdirSync(join(built.dist, language, name), { recursive: true, encoding: 'utf8' });
    const read = (language: string, pattern: RegExp) => sources(language).filter((file) => pattern.test(file)).map((file) => readFileSync(join(built.dist, language, name, file), 'utf8')).join('\n');
    const python = read('python', /__init__\.py$/);
    expect(python).toContain('class CloudMailMx(');
    expect(python).toContain(`import ${core}`);
    expect(read('java', /CloudMailMx\.java$/)).toContain('public class CloudMailMx extends software.constructs.Construct');
    expect(read('dotnet', /CloudMailMx\.cs$/)).toContain('public class CloudMailMx : Constructs.Construct');
    expect(read('go', /\.go$/)).toContain('type CloudMailMx interface');
  });

  test('the generated Python compiles', () => {
    const files = readdirSync(join(built.dist, 'python', name), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.py')).map((file) => join(built.dist, 'python', name, file));
    const result = spawnSync('python3', ['-m', 'py_compile', ...files], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
