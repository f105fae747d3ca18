import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FleetFile } from '../../lib';
import { cloudflareEntry } from './fixtures';

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'fleet-file-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

test('loads a JSON file and keeps its path as the source', () => {
  const path = write('ok.json', JSON.stringify({ shards: 2, domains: [cloudflareEntry('example.com')] }));
  expect(FleetFile.load(path)).toMatchObject({ source: path, shards: 2, domains: [{ domain: 'example.com' }] });
});

test('a file that is not JSON names the file and the position', () => {
  const path = write('bad.json', '{ "shards": 2, }');
  expect(() => FleetFile.load(path)).toThrow(new RegExp(`Invalid fleet ${path} .*\\n  - \\(file\\) = ".*": is not valid JSON \\(.*position.*\\)\\. Fix: correct the JSON syntax`));
});

test('a missing file says so', () => {
  expect(() => FleetFile.load(join(dir, 'missing.json'))).toThrow(/cannot be read \(ENOENT.*Fix: check the path/);
});

test('schema problems name the file', () => {
  const path = write('schema.json', JSON.stringify({ shards: 2, domains: [cloudflareEntry('example.com', { provider: 'gcp' })] }));
  expect(() => FleetFile.load(path)).toThrow(`Invalid fleet ${path} (1 problem in 1 entry; nothing was synthesized):\n  - example.com (domains[0]): provider = "gcp"`);
});

test('a UTF-8 byte order mark is not content: the file loads', () => {
  const path = write('bom.json', `\ufeff${JSON.stringify({ shards: 1, domains: [cloudflareEntry('example.com')] })}`);
  expect(FleetFile.load(path).domains).toHaveLength(1);
});
