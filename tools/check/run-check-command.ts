import { CheckOptionsError, checkDomains } from './check-domain';
import { CHECK_USAGE, parseCheckArgs, UsageError } from './check-args';
import { DomainStatus, Severity } from './finding';

/* The human report and the progress bar load only when drawn: a scripted --json run skips them. */
/* eslint-disable @typescript-eslint/no-require-imports */
const progressBar = () => require('./progress-bar') as typeof import('./progress-bar');
const humanReport = () => require('./render-report') as typeof import('./render-report');
/* eslint-enable @typescript-eslint/no-require-imports */

/** Where the command writes, and whether each stream is a terminal. */
export interface CommandIo {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
}

/** Exit codes of `cloudmail-mx check`. */
export enum ExitCode {
  /** Every domain is ok or warn. */
  OK = 0,
  /** At least one domain fails. */
  FAIL = 1,
  /** A usage error, or a domain could not be checked; wins over FAIL, because the picture is incomplete. */
  USAGE_OR_ERROR = 2,
}

/** The exit code a report gives. */
export function exitCodeFor(report: { readonly domains: readonly { readonly status: DomainStatus }[] }): ExitCode {
  if (report.domains.some((domain) => domain.status === Severity.ERROR)) return ExitCode.USAGE_OR_ERROR;
  if (report.domains.some((domain) => domain.status === Severity.FAIL)) return ExitCode.FAIL;
  return ExitCode.OK;
}

/** Runs `cloudmail-mx check <args>` and returns the exit code. */
export async function runCheckCommand(args: readonly string[], io: CommandIo): Promise<ExitCode> {
  try {
    const command = parseCheckArgs(args);
    if (command.help) {
      io.stdout.write(`${CHECK_USAGE}\n`);
      return ExitCode.OK;
    }
    const progress = io.stderr.isTTY && command.requests.length > 1 ? progressBar().createProgressBar(io.stderr) : undefined;
    const report = await checkDomains(command.requests, { ...command.options, onDomainDone: progress?.update });
    progress?.finish();
    io.stdout.write(command.json ? `${JSON.stringify(report, null, 2)}\n` : humanReport().renderReport(report, { color: io.stdout.isTTY === true }));
    return exitCodeFor(report);
  } catch (error) {
    if (error instanceof UsageError || error instanceof CheckOptionsError) {
      io.stderr.write(`cloudmail-mx check: ${error.message}\n`);
      return ExitCode.USAGE_OR_ERROR;
    }
    throw error;
  }
}
