import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isatty } from 'node:tty';
import type { CommandIo } from './check/run-check-command';

/* Each command is loaded only when it runs, so `check` never loads the summary's or discover's modules and the other way round. */
/* eslint-disable @typescript-eslint/no-require-imports */
const checkCommand = () => require('./check/run-check-command') as typeof import('./check/run-check-command');
const checkArgs = () => require('./check/check-args') as typeof import('./check/check-args');
const discoverCommand = () => require('./discover/run-discover-command') as typeof import('./discover/run-discover-command');
const summaryCommand = () => require('./summary/run-summary-command') as typeof import('./summary/run-summary-command');
/* eslint-enable @typescript-eslint/no-require-imports */

const commandsUsage = () => `${checkArgs().CHECK_USAGE}\n\n${discoverCommand().DISCOVER_USAGE}\n\n${summaryCommand().SUMMARY_USAGE}`;

/** Dispatches `cloudmail-mx <command> ...`; returns the exit code. */
export async function runCli(argv: readonly string[], io: CommandIo): Promise<number> {
  const [command, ...args] = argv;
  if (command === 'check') return checkCommand().runCheckCommand(args, io);
  if (command === 'discover') return discoverCommand().runDiscoverCommand(args, io);
  if (command === 'summary') return summaryCommand().runSummaryCommand(args, io);
  const { ExitCode } = checkCommand();
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(`${commandsUsage()}\n`);
    return ExitCode.OK;
  }
  if (command === '--version' || command === '-v') {
    const { name, version } = installedPackage();
    io.stdout.write(`${name} ${version}\n`);
    return ExitCode.OK;
  }
  const problem = command === undefined ? 'No command given.' : `Unknown command "${command}".`;
  io.stderr.write(`cloudmail-mx: ${problem} Fix: use one of the commands below.\n\n${commandsUsage()}\n`);
  return ExitCode.USAGE_OR_ERROR;
}

/**
 * Runs the command line of this process on its own streams and sets the
 * exit code. A reader that closes the pipe early (`cloudmail-mx check … |
 * head -1`) ends the output quietly: the verdict's exit code still stands.
 */
export function runCliProcess(): Promise<void> {
  process.stdout.on('error', ignoreClosedPipe);
  return runCli(process.argv.slice(2), { stdout: process.stdout, stderr: lazyStderr() }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`cloudmail-mx: unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = checkCommand().ExitCode.USAGE_OR_ERROR;
    },
  );
}

/**
 * process.stderr, created on first write: a run that writes nothing there
 * does not pay for building the stream (a pipe's costs milliseconds). Its
 * terminal check reads the file descriptor instead.
 */
function lazyStderr(): CommandIo['stderr'] {
  let opened = false;
  return {
    get isTTY() {
      return isatty(2);
    },
    write(text: string) {
      if (!opened) process.stderr.on('error', ignoreClosedPipe);
      opened = true;
      return process.stderr.write(text);
    },
  };
}

function ignoreClosedPipe(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
  throw error;
}

/** The package the tools were installed from (cloudmail-mx or cloudmail-mx-cdktn): its package.json is one folder up, in the repository and installed alike. */
function installedPackage(): { name: string; version: string } {
  return JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { name: string; version: string };
}
