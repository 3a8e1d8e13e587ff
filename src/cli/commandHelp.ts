// Every command's --help text, apart from the commands themselves: `resurgence run --help` prints
// this without loading the run command (worker pools, charts, the queue), so help is instant
// (bench/startup.mjs). The CLI's overview is in cli.ts. Change a command's flags there and here.
import { UNCERTAINTY_HELP } from './uncertaintyFlag.js';

const ATTRIBUTE_HELP = `  attribute  Split the change in outcomes from a baseline to a scenario among the factors that
             differ (Shapley values with 95% CIs; exact for ≤ 8 factors, else 64 sampled permutations;
             the work and a time estimate are printed before it starts).
             resurgence attribute <scenario> --baseline <b> [--outcome fighters@24 …] [--runs N]
                 [--method exact|sampled|auto] [--permutations N] [--seed S] [--workers N] [--json] [--out DIR]
             outcomes: observable@month, observable:total, event, event@month`;

const CALIBRATE_HELP = `  calibrate  Calibrate model parameters by ABC against the mid-2020 data; print the posterior
             (median, 90% interval) and a posterior-predictive check.
             resurgence calibrate <config.json | shipped name, e.g. mid-2020> [flags]
             --out FILE        write the posterior samples file (e.g. data/posteriors/mid-2020.json)
             --seed S          seed (default: the config's "seed", else 1)
             --setup NAME      which setup of the config to run (default: the config's "setup")
             --json            print the posterior file as JSON instead of the report
             --quiet           no progress line, no timing line
             --checkpoint FILE keep every simulated draw in FILE as it finishes; run the
                               same command again to resume after an interruption (same
                               posterior, bit for bit)
             --sbc             instead, check the setup's inference by simulation-based calibration:
                               rank histograms of known parameters, χ² per parameter (--out writes JSON)
             --reference N     SBC: prior simulations in the reference table (default 4000)
             --replications N  SBC: synthetic data sets (default 200)
             --unadjusted      SBC: rank among the nearest draws as they are (plain ABC
                               rejection, as the shipped posteriors), not regression-adjusted`;

const COMPARE_HELP = `  compare    Two scenarios as an intervention, with common random numbers: per observable the
             paired difference b − a with a 95% CI, per event the change in probability, and
             the variance reduction against independent arms.
             Cells are means over runs (run prints medians); the CI spans what the runs draw (see --uncertainty).
             resurgence compare <a> <b> [--runs N] [--seed S] [--workers N] [--json] [--out DIR] [--quiet]
             --months LIST     months to print, 1-based or YYYY-MM, e.g. --months 6,12,2022-04
                               (default: 12, 24 and the last)
             ${UNCERTAINTY_HELP}`;

const DECIDE_HELP = `  decide     Robust decision making over a policy file's levers: an NSGA-II search with an
             ε-archive, every policy run over the same futures (paired); per objective the mean,
             a high quantile, regret and satisficing; EVPPI per uncertain input; where the chosen
             policy fails (PRIM). Writes report.txt, policies.csv, evppi.csv, parallel.svg and
             decision.json to --out (default decide-<name>); --resume continues a search (also with
             more --generations) from its checkpoint there.
             resurgence decide <policy.json> [--runs N] [--final-runs N] [--population N]
               [--generations N] [--bootstrap N] [--seed S] [--workers N] [--out DIR] [--resume] [--json] [--quiet]`;

const MERGE_HELP = `  merge      Join the parts written by 'run --shard I/N --out DIR' into the whole ensemble's result,
             equal to running it on one machine: resurgence merge part-* --out total [--json]`;

const REPORT_HELP = `  report     Run a scenario (and a counterfactual with the same seed) and write one self-contained
             HTML report: question, inputs with sources, fan charts, events with CIs, causal graph, limits.
             --compare B  overlay scenario B, run with the same seed (common random numbers)
             --runs N     number of runs per scenario (default: the scenario's "runs", else 1000)
             --seed S     seed (default: the scenario's "seed", else 1)
             --out FILE   the HTML file to write (required)
             --png DIR    also write each chart as a PNG in DIR
             --quiet      no progress bar or timing line
             --variance   add where the uncertainty comes from (300 nested runs; see resurgence variance)
             ${UNCERTAINTY_HELP}`;

const RUN_HELP = `  run        Run an ensemble and print the summary table (or JSON with --json).
             --runs N          number of runs (default: the scenario's "runs", else 1000)
             --seed S          seed (default: the scenario's "seed", else 1)
             --json            print the summary as JSON instead of a table
             ${UNCERTAINTY_HELP}
             --out DIR         also write DIR/summary.json and DIR/series.csv (tidy), and checkpoints
             --per-run         with --out, stream DIR/runs.csv (one row per run and month)
             --per-run-file FILE  one row per run and month to FILE: .arrow or .feather (Apache
                               Arrow IPC; pandas.read_feather, arrow::read_feather) or .csv
             --workers N       worker threads (default: every core); results do not depend on it
             --batch-size N    runs per task sent to a worker (default: automatic)
             --shard I/N       compute only part I (0-based) of N of the runs; --out is required, and
                               'resurgence merge' joins the parts into the whole ensemble's result
             --first-run R     start at run R (with --runs 1: reproduce one run)
             --resume          finish an interrupted run from DIR/.checkpoint.json (same result)
             --force           overwrite a previous result (or an unfinished run) in DIR
             --checkpoint-every N  checkpoint at least every N runs (default 2000, and every 10 s)
             --fail-fast       stop at the first run that throws (default: record it and go on)
             --redis URL       run on queue workers ('resurgence worker --redis URL', any machine)
                               instead of local threads; the result is the same
             --report FILE     also write the HTML report (fan charts, events, inputs, limits) to FILE
             --quiet           no progress bar, no timing line`;

const SENSITIVITY_HELP = `  sensitivity  Global sensitivity of an outcome to the factors over their plausible ranges.
             resurgence sensitivity <scenario> [--method sobol|morris] [--n N] [--outcome fighters@24]
                 [--factors a,b,…] [--replicates R] [--by-month OBSERVABLE] [--second-order] [--seed S] [--workers N] [--json] [--out DIR]
             sobol: N a power of 2 (N·(D+2) design rows); morris: N trajectories (4 levels)
  explore    Run a space-filling design (one run per point) and write the experiments table:
             resurgence explore <scenario> --out experiments.csv [--n 500] [--design lhs|sobol] [--factors …]
  discover   Scenario discovery with PRIM: the factor ranges in which an event is likely.
             resurgence discover <experiments.csv> --event territorialComeback [--peel-alpha 0.05]
                 [--paste-alpha 0.05] [--mass-min 0.05] [--threshold 0.8] [--json]`;

const BACKTESTS_HELP = `  backtests  Every back-test in one table: per observed series, the observations scored, those
             inside the 50% and 90% bands, mean CRPS and CRPS skill against persistence and trend.
             resurgence backtests [scenario or file …] (default: the shipped back-tests)
             --runs N          runs per scenario (default: each scenario's own, 1,000 shipped)
             --workers N       worker threads (default: every core; the numbers do not change)
             --json | --markdown  the entries as JSON, or the table as Markdown
             --svg FILE, --png FILE  where each observation falls in its forecast (PIT), as a chart
             --quiet           no progress lines on stderr`;

const VALIDATE_HELP = `  validate   Check scenario files (or shipped scenarios by name); prints every problem with its
             JSON path, what was expected and what was found; exit code 1 if any file is invalid.
             resurgence validate <scenario.json> [more.json …]`;

const SCENARIOS_HELP = `  scenarios  The shipped scenarios and the question each asks (run one by name: resurgence run us-stays).
             resurgence scenarios`;

const FACTORS_HELP = `  factors    The article's factors: unit, baseline, range, source.
             --json            all fields, with the model's parameters`;

const SCHEMA_HELP = `  schema     Print the JSON Schema of scenario files (for "$schema" in editors).
             resurgence schema > scenario.schema.json`;

const VARIANCE_HELP = `  variance   Where each observable's variance comes from, month by month: parameters, judged
             inputs, their interaction and the model's own randomness (nested runs, law of total
             variance). resurgence variance <scenario> [--parameter-draws N] [--input-draws N]
             [--replicates N] [--seed S] [--json] [--out DIR (variance.json and one SVG chart per
             observable)] [--quiet]
             ${UNCERTAINTY_HELP}`;

const WORKER_HELP = `  worker     Compute batches for 'run --redis URL' from a Redis queue (BullMQ) until stopped:
             resurgence worker --redis redis://host:6379 [--concurrency N] [--queue NAME]
             --lock-ms N, --stalled-ms N: how fast a dead worker's batch goes to another (default 30000)`;

/**
 * Each command's --help text (its flags), by command name; `explore` and `discover` share the
 * sensitivity text. Cost: O(1), the strings are built once at load.
 *
 * @example
 * COMMAND_HELP.run.split('\n')[0]; // '  run        Run an ensemble and print the summary table (or JSON with --json).'
 */
export const COMMAND_HELP: Readonly<Record<string, string>> = Object.freeze({
  run: RUN_HELP,
  report: REPORT_HELP,
  compare: COMPARE_HELP,
  attribute: ATTRIBUTE_HELP,
  sensitivity: SENSITIVITY_HELP,
  variance: VARIANCE_HELP,
  explore: SENSITIVITY_HELP,
  discover: SENSITIVITY_HELP,
  calibrate: CALIBRATE_HELP,
  decide: DECIDE_HELP,
  merge: MERGE_HELP,
  worker: WORKER_HELP,
  backtests: BACKTESTS_HELP,
  validate: VALIDATE_HELP,
  scenarios: SCENARIOS_HELP,
  factors: FACTORS_HELP,
  schema: SCHEMA_HELP,
});
