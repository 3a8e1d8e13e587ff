// The CLI as a function (testable); src/cli/main.ts is the executable entry that calls it.
// Start-up: this module loads only what --help, --version and the dispatch need (the help texts,
// the version, a typo suggester); each command's module, and the error renderers, are imported
// when used, so `validate` or `run --help` never pays for charts, worker threads or the queue
// (bench/startup.mjs measures it).
import packageJson from '../../package.json';
import { closestName } from '../scenario/suggest.js';
import { COMMAND_HELP } from './commandHelp.js';
import { UsageError, type CommandIo } from './usage.js';

const help = () => `resurgence ${packageJson.version}: an agent-based Monte Carlo model of an ISIS resurgence (Syria and Iraq, 2020)

Usage:
  resurgence run <scenario.json> [--runs N] [--seed S] [--json] [--out DIR] [--per-run] [--workers N] …
  resurgence report <scenario> [--compare <b>] --out report.html
  resurgence compare <a> <b> [--runs N] [--seed S]
  resurgence attribute <scenario> --baseline <b> [--outcome fighters@24 …]
  resurgence sensitivity <scenario> --method sobol|morris --n N [--outcome territorialComeback@24]
  resurgence explore <scenario> --out experiments.csv;  resurgence discover experiments.csv --event territorialComeback
  resurgence calibrate <config.json | mid-2020> [--out FILE] [--seed S] [--setup NAME] [--json] [--quiet]
  resurgence decide <policy.json> [--workers N] [--out DIR] [--resume]
  resurgence merge <part dirs…> --out DIR
  resurgence worker --redis URL
  resurgence backtests [scenarios…] [--runs N] [--workers N] [--json | --markdown]
  resurgence validate <scenario.json> [more.json …]
  resurgence scenarios
  resurgence factors [--json]
  resurgence schema
  resurgence --help | --version

Commands (resurgence <command> --help for each command's flags):
${Object.entries(COMMANDS).map(([name, entry]) => `  ${name.padEnd(12)} ${entry.summary}`).join('\n')}

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
  resurgence calibrate mid-2020 --out my-posterior.json               (a shipped config by name)
  resurgence backtests                        (every shipped back-test: coverage, CRPS, skill)
  resurgence validate scenarios/*.json
  resurgence schema > schema/scenario.schema.json

Exit codes: 0 success, 1 invalid scenario or failed run (--fail-fast), 2 usage error,
3 completed but some runs failed (each is listed with a command that reproduces it),
130 interrupted (a checkpoint was written when --out was given).`;

type Command = (args: string[], io: CommandIo) => Promise<number>;

/** A command: one line for the overview, and its module, loaded only when the command runs. */
interface CommandEntry {
  readonly summary: string;
  readonly load: () => Promise<Command>;
}

// One entry per command. Modules are imported on demand, so `validate` or `--help` never pays
// for charts, worker threads or the queue; a command's --help text is in commandHelp.ts, so
// `run --help` does not load the run command either (start-up: bench/startup.mjs).
const COMMANDS: Record<string, CommandEntry> = {
  run: { summary: 'Run an ensemble and print the summary table (or JSON).', load: async () => (await import('./commands/run.js')).runCommand },
  report: { summary: 'Write a self-contained HTML report (fan charts, events, inputs, limits).', load: async () => (await import('./commands/report.js')).reportCommand },
  compare: { summary: 'Two scenarios as an intervention (paired runs, common random numbers).', load: async () => (await import('./commands/compare.js')).compareCommand },
  attribute: { summary: 'Split a change in outcomes among the factors that differ (Shapley).', load: async () => (await import('./commands/attribute.js')).attributeCommand },
  sensitivity: { summary: "Global sensitivity of an outcome to the factors (Sobol', Morris).", load: async () => (await import('./commands/sensitivity.js')).sensitivityCommand },
  variance: { summary: 'Split each observable\'s variance by source: parameters, judged inputs, model noise.', load: async () => (await import('./commands/variance.js')).varianceCommand },
  explore: { summary: 'Run a design over the factor ranges and write one row per experiment.', load: async () => (await import('./commands/sensitivity.js')).exploreCommand },
  discover: { summary: 'Find the factor ranges where an event is likely (PRIM) in explore output.', load: async () => (await import('./commands/sensitivity.js')).discoverCommand },
  calibrate: { summary: 'Calibrate parameters by ABC (a config file or a shipped name: mid-2020).', load: async () => (await import('./commands/calibrate.js')).calibrateCommand },
  decide: { summary: 'Search policy mixes (levers) over shared futures: Pareto set, regret, EVPPI.', load: async () => (await import('./commands/decide.js')).decideCommand },
  merge: { summary: "Join the parts written by 'run --shard I/N' into the whole result.", load: async () => (await import('./commands/merge.js')).mergeCommand },
  worker: { summary: "Compute batches for 'run --redis URL' from a Redis queue.", load: async () => (await import('./commands/worker.js')).workerCommand },
  backtests: { summary: 'Every back-test in one table: coverage, CRPS and skill per observed series.', load: async () => (await import('./commands/backtests.js')).backtestsCommand },
  validate: { summary: 'Check scenario files; prints every problem with its JSON path.', load: async () => (await import('./commands/simple.js')).validateCommand },
  scenarios: { summary: 'The shipped scenarios and the question each asks.', load: async () => (await import('./commands/simple.js')).scenariosCommand },
  factors: { summary: "The article's factors: unit, baseline, range, source.", load: async () => (await import('./commands/simple.js')).factorsCommand },
  schema: { summary: 'Print the JSON Schema of scenario files.', load: async () => (await import('./commands/simple.js')).schemaCommand },
};

// Commands that never compile an expression up front (validate loads mathjs itself, per file).
const WITHOUT_EXPRESSIONS: ReadonlySet<string> = new Set(['validate', 'scenarios', 'factors', 'schema']);

/** The CLI's command names, in the order of its help. */
export function commandNames(): string[] {
  return Object.keys(COMMANDS);
}

/** True when `args` ask for help (`--help` or `-h` before any `--`). */
function wantsHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

/** Runs the CLI with `argv` (without node and the script); resolves to the exit code. */
export async function main(argv: readonly string[], io: CommandIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === '--version' || command === '-v') {
      io.stdout.write(`${packageJson.version}\n`);
      return 0;
    }
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout.write(`${help()}\n`);
      return command === undefined ? 2 : 0;
    }
    const entry = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!entry) {
      const suggestion = closestName(command, Object.keys(COMMANDS));
      throw new UsageError(`unknown command "${command}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''} (commands: ${Object.keys(COMMANDS).join(', ')}; see --help)`);
    }
    if (wantsHelp(rest)) {
      io.stdout.write(`resurgence ${command}: ${entry.summary}\n\n${COMMAND_HELP[command]}\n`);
      return 0;
    }
    const run = await entry.load();
    // mathjs, for scenarios with expressions: loaded up front by the commands that compute (they
    // load the model and the workers anyway); `validate` loads it only for a file that needs it.
    if (!WITHOUT_EXPRESSIONS.has(command)) await (await import('../scenario/expression.js')).loadExpressionEngine();
    return await run(rest, io);
  } catch (error) {
    // Loaded only on failure: the scenario error class and the renderer, which knows the Node
    // engine's errors (and would otherwise load worker threads at every start).
    const [{ ScenarioError }, { renderUserError }] = await Promise.all([import('../scenario/issues.js'), import('./renderError.js')]);
    if (error instanceof ScenarioError) {
      io.stderr.write(`${error.message}\n`);
      return 1;
    }
    const rendered = renderUserError(error);
    if (rendered) {
      io.stderr.write(rendered.text);
      return rendered.exitCode;
    }
    if (error instanceof UsageError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      const helpFor = command !== undefined && Object.hasOwn(COMMANDS, command) ? `resurgence ${command} --help lists its flags` : 'resurgence --help lists the commands';
      io.stderr.write(`✖ ${(error as Error).message}\n  (${helpFor})\n`);
      return 2;
    }
    throw error;
  }
}
