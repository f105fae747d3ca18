import { parseArgsOrExplain, UsageError } from '../check/check-args';
import { CommandIo, ExitCode } from '../check/run-check-command';
import { readSynthOutput, SynthesizedMxSet } from '../synth/read-synth-output';
import { renderSummaryMarkdown } from './render-summary-markdown';
import { DEFAULT_MAX_CHANGE_PERCENT } from './safety-warnings';
import { buildSummaryReport } from './summary-report';

/** The usage text of `cloudmail-mx summary`. */
export const SUMMARY_USAGE = `Usage: cloudmail-mx summary <cdktf.out> [options]

Summarizes the MX records of synthesized stacks as Markdown for a pull-request comment:
per domain the provider, zone, records, legacy records and rollout stage, and when the next stage is allowed.

  --base <cdktf.out>           compare with another synth (the main branch's): only what changes, with safety warnings
  --max-change-percent <n>     warn when more than n% of a stack's domains change at once (default ${DEFAULT_MAX_CHANGE_PERCENT})
  --json                       the same content as JSON on stdout

Exit codes: 0 the summary was written (safety warnings included), 2 usage error or unreadable synth output.`;

/** Runs `cloudmail-mx summary <args>` and returns the exit code. */
export function runSummaryCommand(args: readonly string[], io: CommandIo): ExitCode {
  try {
    const { values, positionals } = parseArgsOrExplain({ args: [...args], allowPositionals: true, strict: true, options: {
      base: { type: 'string' },
      'max-change-percent': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    } }, SUMMARY_USAGE);
    if (values.help) {
      io.stdout.write(`${SUMMARY_USAGE}\n`);
      return ExitCode.OK;
    }
    if (positionals.length !== 1) {
      throw new UsageError(`${positionals.length === 0 ? 'No synth output folder given' : `Expected one synth output folder, got ${positionals.length}: ${positionals.join(' ')}`}. Fix: pass the folder cdktf synth wrote, e.g. cloudmail-mx summary cdktf.out.\n\n${SUMMARY_USAGE}`);
    }
    const report = buildSummaryReport(readSynth('', positionals[0]), {
      base: values.base === undefined ? undefined : readSynth('--base ', values.base),
      maxChangePercent: percent(values['max-change-percent']),
    });
    io.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : renderSummaryMarkdown(report));
    return ExitCode.OK;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`cloudmail-mx summary: ${error.message}\n`);
      return ExitCode.USAGE_OR_ERROR;
    }
    throw error;
  }
}

/** Any problem with a synth folder is the caller's to fix, so it is a usage error (exit 2). */
function readSynth(option: string, outdir: string): SynthesizedMxSet[] {
  try {
    return readSynthOutput(outdir);
  } catch (error) {
    throw new UsageError(`${option}${(error as Error).message}`);
  }
}

function percent(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) > 100) {
    throw new UsageError(`--max-change-percent ${value} is not a percentage. Fix: give a number from 0 to 100, e.g. --max-change-percent ${DEFAULT_MAX_CHANGE_PERCENT}.`);
  }
  return Number(value);
}
