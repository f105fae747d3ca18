/**
 * The suite runs twice over the construct tests: on CDK for Terraform (cdktf
 * 0.21, what the source imports) and on CDK Terrain (cdktn 0.24), with every
 * import of cdktf mapped to cdktn, including the provider bindings' own. The
 * cdktn run leaves out what does not depend on the core: the real cdktf CLI
 * on main.ts (the packaging tests run cdktn's CLI on the cdktn package), the
 * packaging tests themselves, the DNS checks and the RFC 2136 servers.
 * @type {import('jest').Config}
 */
const project = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
  // The rollout gate scenarios run concurrently: most of their time is spent waiting for a gate's wait to pass.
  maxConcurrency: 10,
  projects: [
    { ...project, displayName: 'cdktf' },
    {
      ...project,
      displayName: 'cdktn',
      moduleNameMapper: { '^cdktf$': 'cdktn', '^cdktf/(.*)$': 'cdktn/$1' },
      setupFiles: ['<rootDir>/test/core-under-test.js'],
      testPathIgnorePatterns: [
        '/node_modules/',
        '<rootDir>/test/main(-hcl)?\\.test\\.ts$',
        '<rootDir>/test/packaging/',
        '<rootDir>/test/tools/check/',
        '<rootDir>/test/targets/rfc2136-server\\.test\\.ts$',
        '<rootDir>/test/tools/discover/',
        '<rootDir>/test/tools/cli\\.test\\.ts$',
        '<rootDir>/test/examples-github-actions\\.test\\.ts$',
      ],
    },
  ],
};
