import { readFileSync } from 'node:fs';

/** Each jest project runs on its own core: in the cdktn project, every import of cdktf reaches cdktn. */
const core = process.env.CLOUDMAIL_MX_TEST_CORE ?? 'cdktf';

test(`the core under test is ${core}`, () => {
  expect(JSON.parse(readFileSync(require.resolve('cdktf/package.json'), 'utf8')).name).toBe(core);
  expect(require('cdktf').TerraformStack).toBe(require(core).TerraformStack);
});
