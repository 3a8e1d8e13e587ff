import { parseArgs } from 'node:util';
import { join } from 'node:path';
import packageJson from '../../package.json';
import { simulate } from '../experiment/simulate.js';
import { FACTORS } from '../model/factors.js';
import { PARAMETERS } from '../model/parameters.js';
import { formatIssues, ScenarioError } from '../scenario/issues.js';
import { scenarioJsonSchema } from '../scenario/schema.js';
import { SHIPPED_SCENARIOS } from '../scenario/shippedScenarios.js';
import { formatSummaryTable } from '../report/formatSummaryTable.js';
import { runsCsvHeader, runsToCsvRows, seriesToCsv } from '../report/toCsv.js';
import { loadScenarioFile, writeFileAtomic } from './files.js';
import { createProgressBar } from './progressBar.js';
import { formatFactorTable } from './formatFactorTable.js';

/** A usage mistake (unknown flag, bad number): printed without a stack, exit code 2. */
class UsageError extends Error {}

const HELP = `resurgence ${packageJson.version}: an agent-based Monte Carlo model of an ISIS resurgence (Syria and Iraq, 2020)

Usage:
  resurgence run <scenario.json> [--runs N] [--seed S] [--json] [--out DIR] [--per-run] [--quiet]
  resurgence validate <scenario.json> [more.json …]
  resurgence scenarios
  resurgence factors [--json]
  resurgence schema
  resurgence --help | --version

Commands:
  run        Run an ensemble and print the summary table (or JSON with --json).
             --runs N     number of runs (default: the scenario's "runs", else 1000)
             --seed S     seed (default: the scenario's "seed", else 1)
             --json       print the summary as JSON instead of a table
             --out DIR    also write DIR/summary.json and DIR/series.csv (tidy)
             --per-run    with --out, also write DIR/runs.csv (one row per run and month)
             --quiet      no progress bar
  validate   Check scenario files; prints every problem with its JSON path.
  scenarios  The shipped scenarios and the question each asks (run one by name: resurgence run us-stays).
  factors    The article's factors: unit, baseline, range, source (--json for all fields).
  schema     Print the JSON Schema of scenario files (for "$schema" in editors).

Examples:
  resurgence run scenarios/baseline-2020.json
  resurgence run scenarios/us-stays.json --runs 2000 --seed 7 --out out/us-stays --per-run
  resurgence run scenarios/worst-case.json --json > worst.json
  resurgence run us-stays                     (a shipped scenario by name, from any folder)
  resurgence validate scenarios/*.json
  resurgence schema > schema/scenario.schema.json

Exit codes: 0 success, 1 invalid scenario, 2 usage error.`;

function positiveInteger(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`invalid ${flag}: ${text} (expected an integer ≥ 1)`);
  return Number(text);
}

function seedOf(text: string | undefined): number | string | undefined {
  if (text === undefined) return undefined;
  if (text === '') throw new UsageError('invalid --seed: empty (expected an integer or a word)');
  return /^\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : text;
}

function runCommand(args: string[]): void {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      runs: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean', default: false },
      out: { type: 'string' },
      'per-run': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) throw new UsageError('run needs exactly one scenario file, e.g. resurgence run scenarios/baseline-2020.json');
  if (values['per-run'] && values.out === undefined) throw new UsageError('--per-run needs --out DIR (runs.csv is written there)');
  const file = positionals[0] as string;
  const runs = positiveInteger('--runs', values.runs);
  const seed = seedOf(values.seed);
  const valid = loadScenarioFile(file);
  const bar = createProgressBar(values.quiet ? { isTTY: false, write: () => true } : process.stderr, valid.scenario.name);
  const started = performance.now();
  const result = simulate(valid, {
    ...(runs === undefined ? {} : { runs }),
    ...(seed === undefined ? {} : { seed }),
    perRun: values['per-run'],
    onProgress: (done, total) => bar.update(done, total),
  });
  bar.finish();
  const { summary } = result;
  if (values.out !== undefined) {
    writeFileAtomic(join(values.out, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    writeFileAtomic(join(values.out, 'series.csv'), seriesToCsv(summary));
    if (result.runs) {
      const rows = runsToCsvRows(result.runs, result.observables);
      writeFileAtomic(join(values.out, 'runs.csv'), `${[runsCsvHeader(result.observables), ...rows].join('\n')}\n`);
    }
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  } else {
    const p = summary.provenance;
    process.stdout.write(
      [
        `${summary.scenario.title ?? summary.scenario.name}`,
        `Question: ${summary.scenario.question}`,
        `${p.runs} runs, seed ${JSON.stringify(p.seed)}, ${summary.scenario.months} months from ${summary.scenario.start}; resurgence ${p.version}, scenario ${p.scenarioHash.slice(0, 12)}`,
        '',
        formatSummaryTable(summary),
        '',
        'attacks* are attack-dataset counts (as Knights, CTC Sentinel); claimedAttacks are ISIS claims, a different series.',
        '',
      ].join('\n'),
    );
  }
  if (!values.quiet) {
    const seconds = (performance.now() - started) / 1000;
    const written = values.out === undefined ? '' : `; wrote ${values.out}/summary.json, series.csv${result.runs ? ', runs.csv' : ''}`;
    process.stderr.write(`${summary.provenance.runs} runs in ${seconds.toFixed(1)} s${written}\n`);
  }
}

function validateCommand(args: string[]): number {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length === 0) throw new UsageError('validate needs at least one scenario file');
  let failures = 0;
  for (const file of positionals) {
    try {
      const valid = loadScenarioFile(file);
      process.stdout.write(`✔ ${file}: valid (${valid.scenario.name}, ${valid.scenario.months} months from ${valid.scenario.start})\n`);
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      process.stdout.write(`${formatIssues(error.issues, file)}\n`);
      failures++;
    }
  }
  return failures > 0 ? 1 : 0;
}

function factorsCommand(args: string[]): void {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } } });
  if (values.json) process.stdout.write(`${JSON.stringify({ factors: FACTORS, parameters: PARAMETERS }, null, 2)}\n`);
  else process.stdout.write(`${formatFactorTable(FACTORS)}\n`);
}

function scenariosCommand(args: string[]): void {
  parseArgs({ args, options: {} });
  for (const [name, scenario] of Object.entries(SHIPPED_SCENARIOS)) {
    const { title, question } = scenario as { title?: string; question: string };
    process.stdout.write(`${name.padEnd(20)} ${title ?? ''}\n${' '.repeat(21)}${question}\n`);
  }
}

/** Runs the CLI with `argv` (without node and the script); returns the exit code. */
export function main(argv: readonly string[]): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run':
        runCommand(rest);
        return 0;
      case 'validate':
        return validateCommand(rest);
      case 'factors':
        factorsCommand(rest);
        return 0;
      case 'scenarios':
        scenariosCommand(rest);
        return 0;
      case 'schema':
        process.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
        return 0;
      case '--version':
      case '-v':
        process.stdout.write(`${packageJson.version}\n`);
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        process.stdout.write(`${HELP}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}" (commands: run, validate, scenarios, factors, schema; see --help)`);
    }
  } catch (error) {
    if (error instanceof ScenarioError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    if (error instanceof UsageError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`✖ ${(error as Error).message}\n  (resurgence --help lists commands and flags)\n`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
