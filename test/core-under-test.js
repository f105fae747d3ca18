// Jest setup of the cdktn project: tells the tests which core they run on, so that
// node processes they start load it too (through test/require-core.js).
process.env.CLOUDMAIL_MX_TEST_CORE = 'cdktn';
