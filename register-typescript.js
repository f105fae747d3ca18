// Runs this repository's TypeScript on plain node, as `cdktf synth` does for main.ts and the
// examples (node --require ./register-typescript.js main.ts): each .ts file is transpiled by
// esbuild when it is first required. No type-checking (npm test runs tsc) and, unlike tsx and
// ts-node, no source maps: cdktf captures a full stack trace for every token it creates, and
// mapping each frame through a source map doubles the construct time of a large fleet.
const { readFileSync } = require('node:fs');
const { transformSync } = require('esbuild');

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { loader: 'ts', format: 'cjs', target: 'node20', sourcefile: filename });
  module._compile(code, filename);
};
