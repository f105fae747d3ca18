// Preloaded (node --require) into processes the tests start: maps the source's imports of
// cdktf to the core under test, as the jest project's moduleNameMapper does in-process.
const Module = require('node:module');

const core = process.env.CLOUDMAIL_MX_TEST_CORE;
if (core !== undefined && core !== 'cdktf') {
  const resolveFilename = Module._resolveFilename;
  Module._resolveFilename = function resolveCore(request, ...rest) {
    const mapped = request === 'cdktf' || request.startsWith('cdktf/') ? core + request.slice('cdktf'.length) : request;
    return resolveFilename.call(this, mapped, ...rest);
  };
}
