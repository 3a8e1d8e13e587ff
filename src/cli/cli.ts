// The CLI as a function (testable); src/cli/main.ts is the executable entry that calls it.
import packageJson from '../../package.json';
import { ScenarioError } from '../scenario/issues.js';
import { ATTRIBUTE_HELP, attributeCommand } from './commands/attribute.js';
import { CALIBRATE_HELP, calibrateCommand } from './commands/calibrate.js';
import { COMPARE_HELP, compareCommand } from './commands/compare.js';
import { MERGE_HELP, mergeCommand } from './commands/merge.js';
import { REPORT_HELP, reportCommand } from './commands/report.js';
import { RUN_HELP, runCommand } from './commands/run.js';
import { SENSITIVITY_HELP, discoverCommand, exploreCommand, sensitivityCommand } from './commands/sensitivity.js';
import { WORKER_HELP, workerCommand } from './commands/worker.js';
import { VARIANCE_HELP, varianceCommand } from './commands/variance.js';
import { factorsCommand, scenariosCommand, schemaCommand, validateCommand } from './commands/simple.js';
import { UsageError, type CommandIo } from './usage.js';

const HELP = `resurgence ${packageJson.version}: an agent-based Monte Carlo model of an ISIS resurgence (Syria and Iraq, 2020)

Usage:
  resurgence run <scenario.json> [--runs N] [--seed S] [--json] [--out DIR] [--per-run] [--workers N] …
  resurgence report <scenario> [--compare <b>] --out report.html
  resurgence compare <a> <b> [--runs N] [--seed S]
  resurgence attribute <scenario> --baseline <b> [--outcome fighters@24 …]
  resurgence sensitivity <scenario> --method sobol|morris --n N [--outcome territorialComeback@24]
  resurgence explore <scenario> --out experiments.csv;  resurgence discover experiments.csv --event territorialComeback
  resurgence calibrate <config.json> [--out FILE] [--seed S] [--setup NAME] [--json] [--quiet]
  resurgence merge <part dirs…> --out DIR
  resurgence worker --redis URL
  resurgence validate <scenario.json> [more.json …]
  resurgence scenarios
  resurgence factors [--json]
  resurgence schema
  resurgence --help | --version

Commands:
${RUN_HELP}
${REPORT_HELP}
${COMPARE_HELP}
${ATTRIBUTE_HELP}
${SENSITIVITY_HELP}
${VARIANCE_HELP}
${CALIBRATE_HELP}
${MERGE_HELP}
${WORKER_HELP}
  validate   Check scenario files; prints every problem with its JSON path.
  scenarios  The shipped scenarios and the question each asks (run one by name: resurgence run us-stays).
  factors    The article's factors: unit, baseline, range, source (--json for all fields).
  schema     Print the JSON Schema of scenario files (for "$schema" in editors).

Examples:
  resurgence run scenarios/baseline-2020.json
  resurgence run scenarios/us-stays.json --runs 2000 --seed 7 --out out/us-stays --per-run
  resurgence run scenarios/worst-case.json --json > worst.json
  resurgence run us-stays                     (a shipped scenario by name, from any folder)
  resurgence run baseline-2020 --runs 100000 --out out/big --per-run     (Ctrl-C, then add --resume)
  resurgence run baseline-2020 --runs 8000 --shard 0/4 --out part-0      (… parts 1–3 elsewhere)
  resurgence merge part-0 part-1 part-2 part-3 --out total
  resurgence worker --redis redis://queue-host:6379 &   then   resurgence run baseline-2020 --redis redis://queue-host:6379
  resurgence compare baseline-2020 us-stays --runs 2000
  resurgence attribute baseline-2020 --baseline pre-2020 --outcome fighters@24 --outcome territorialComeback@24
  resurgence calibrate calibration/mid-2020.json --out data/posteriors/mid-2020.json
  resurgence validate scenarios/*.json
  resurgence schema > schema/scenario.schema.json

Exit codes: 0 success, 1 invalid scenario or failed run (--fail-fast), 2 usage error,
3 completed but some runs failed (each is listed with a command that reproduces it),
130 interrupted (a checkpoint was written when --out was given).`;

type Command = (args: string[], io: CommandIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  run: runCommand,
  report: reportCommand,
  compare: compareCommand,
  attribute: attributeCommand,
  sensitivity: sensitivityCommand,
  variance: varianceCommand,
  explore: exploreCommand,
  discover: discoverCommand,
  calibrate: calibrateCommand,
  merge: mergeCommand,
  worker: workerCommand,
  validate: validateCommand,
  factors: factorsCommand,
  scenarios: scenariosCommand,
  schema: schemaCommand,
};

/** Runs the CLI with `argv` (without node and the script); resolves to the exit code. */
export async function main(argv: readonly string[], io: CommandIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === '--version' || command === '-v') {
      io.stdout.write(`${packageJson.version}\n`);
      return 0;
    }
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout.write(`${HELP}\n`);
      return command === undefined ? 2 : 0;
    }
    const run = COMMANDS[command];
    if (!run) throw new UsageError(`unknown command "${command}" (commands: ${Object.keys(COMMANDS).join(', ')}; see --help)`);
    return await run(rest, io);
  } catch (error) {
    if (error instanceof ScenarioError) {
      io.stderr.write(`${error.message}\n`);
      return 1;
    }
    if (error instanceof UsageError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`✖ ${(error as Error).message}\n  (resurgence --help lists commands and flags)\n`);
      return 2;
    }
    throw error;
  }
}
