import { CHECK_USAGE } from './check/check-args';
import { CommandIo, ExitCode, runCheckCommand } from './check/run-check-command';
import { DISCOVER_USAGE, runDiscoverCommand } from './discover/run-discover-command';
import { runSummaryCommand, SUMMARY_USAGE } from './summary/run-summary-command';

/** Dispatches `cloudmail-mx <command> ...`; returns the exit code. */
export async function runCli(argv: readonly string[], io: CommandIo): Promise<number> {
  const [command, ...args] = argv;
  if (command === 'check') return runCheckCommand(args, io);
  if (command === 'discover') return runDiscoverCommand(args, io);
  if (command === 'summary') return runSummaryCommand(args, io);
  const problem = command === undefined ? 'No command given.' : `Unknown command "${command}".`;
  io.stderr.write(`cloudmail-mx: ${problem} Fix: use one of the commands below.\n\n${CHECK_USAGE}\n\n${DISCOVER_USAGE}\n\n${SUMMARY_USAGE}\n`);
  return ExitCode.USAGE_OR_ERROR;
}
