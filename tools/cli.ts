import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECK_USAGE } from './check/check-args';
import { CommandIo, ExitCode, runCheckCommand } from './check/run-check-command';
import { DISCOVER_USAGE, runDiscoverCommand } from './discover/run-discover-command';
import { runSummaryCommand, SUMMARY_USAGE } from './summary/run-summary-command';

const COMMANDS_USAGE = () => `${CHECK_USAGE}\n\n${DISCOVER_USAGE}\n\n${SUMMARY_USAGE}`;

/** Dispatches `cloudmail-mx <command> ...`; returns the exit code. */
export async function runCli(argv: readonly string[], io: CommandIo): Promise<number> {
  const [command, ...args] = argv;
  if (command === 'check') return runCheckCommand(args, io);
  if (command === 'discover') return runDiscoverCommand(args, io);
  if (command === 'summary') return runSummaryCommand(args, io);
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(`${COMMANDS_USAGE()}\n`);
    return ExitCode.OK;
  }
  if (command === '--version' || command === '-v') {
    const { name, version } = installedPackage();
    io.stdout.write(`${name} ${version}\n`);
    return ExitCode.OK;
  }
  const problem = command === undefined ? 'No command given.' : `Unknown command "${command}".`;
  io.stderr.write(`cloudmail-mx: ${problem} Fix: use one of the commands below.\n\n${COMMANDS_USAGE()}\n`);
  return ExitCode.USAGE_OR_ERROR;
}

/** The package the tools were installed from (cloudmail-mx or cloudmail-mx-cdktn): its package.json is one folder up, in the repository and installed alike. */
function installedPackage(): { name: string; version: string } {
  return JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { name: string; version: string };
}
