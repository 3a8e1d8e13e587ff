import { EVENT_IDS, OBSERVABLE_IDS } from '../model/observables.js';
import { createRunStream } from '../rng/createRunStream.js';
import { latinHypercube } from './designs/latinHypercube.js';
import { sobolSequence } from './designs/sobolSequence.js';
import { scaleToProblem } from './designs/scaleToProblem.js';
import { inProcessExecutor, type RunExecutor, type RunTask } from './executor.js';
import { factorProblem, scenarioWithFactorValues } from './sensitivity.js';
import { validScenario } from './simulate.js';
import { FACTORS_BY_ID, type FactorId } from '../model/factors.js';
import { csvParseRows } from 'd3-dsv';

/** Options of {@link explore}. */
export interface ExploreOptions {
  /** Design points, one run each. Default 500. */
  readonly n?: number;
  /** 'lhs' (Latin hypercube) or 'sobol' (low-discrepancy sequence). Default 'lhs'. */
  readonly design?: 'lhs' | 'sobol';
  /** Factors to vary. Default: the scenario's uncertain factors, else every factor but the leadership shock. */
  readonly factors?: readonly string[];
  readonly seed?: number | string;
  readonly executor?: RunExecutor;
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * An experiments table for scenario discovery: per row the factor values, whether each event
 * happened within the horizon, and each observable in the last month.
 */
export interface Experiments {
  readonly factors: readonly string[];
  readonly rows: readonly number[][];
  readonly events: Readonly<Record<string, Uint8Array>>;
  readonly outcomes: Readonly<Record<string, Float64Array>>;
}

/**
 * Runs a space-filling design over the factors' plausible ranges, one run per point (run i of the
 * ensemble for point i, so noise is independent across points), and tabulates inputs and
 * outcomes: the input of PRIM (`resurgence discover`).
 *
 * @example
 * const table = await explore(SHIPPED_SCENARIOS['baseline-2020'], { n: 200 });
 * table.events.territorialComeback; // Uint8Array of 0/1, one per point
 */
export async function explore(scenario: unknown, options: ExploreOptions = {}): Promise<Experiments> {
  const valid = validScenario(scenario);
  const n = options.n ?? 500;
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`invalid n: ${n} (expected an integer ≥ 2)`);
  const problem = factorProblem(valid, options.factors);
  const seed = options.seed ?? valid.scenario.seed ?? 1;
  const design = options.design ?? 'lhs';
  if (design !== 'lhs' && design !== 'sobol') throw new RangeError(`invalid design: ${String(design)} (expected lhs or sobol)`);
  const points =
    design === 'lhs'
      ? latinHypercube(problem, n, createRunStream(seed, 0, 'explore/design'))
      : scaleToProblem(problem, sobolSequence(problem.names.length, n, { skip: 0 }));
  // Record the values the runs used: whole-number factors and uncertain months are rounded.
  const months = new Set((valid.uncertain ?? []).filter((factor) => factor.kind === 'month').map((factor) => factor.id as string));
  const rounded = problem.names.map((id) => months.has(id) || FACTORS_BY_ID[id as FactorId].integer);
  const rows = points.map((point) => point.map((value, d) => (rounded[d] ? Math.round(value) : value)));
  const tasks: RunTask[] = rows.map((values, i) => ({
    scenario: scenarioWithFactorValues(valid, problem.names, values),
    seed,
    firstRun: i,
    count: 1,
  }));
  const events = Object.fromEntries(EVENT_IDS.map((id) => [id, new Uint8Array(n)]));
  const outcomes = Object.fromEntries(OBSERVABLE_IDS.map((id) => [id, new Float64Array(n)]));
  const width = OBSERVABLE_IDS.length;
  const last = valid.scenario.months - 1;
  await (options.executor ?? inProcessExecutor)(
    tasks,
    (task, result) => {
      EVENT_IDS.forEach((id, e) => ((events[id] as Uint8Array)[task] = result.eventMonths[e] !== -1 ? 1 : 0));
      OBSERVABLE_IDS.forEach((id, k) => ((outcomes[id] as Float64Array)[task] = result.series[last * width + k] as number));
    },
    options.onProgress,
  );
  return { factors: problem.names, rows, events, outcomes };
}

/** The experiments table as CSV: the factors, then `event:<id>` (0/1), then `<observable>` at the horizon. */
export function experimentsToCsv(table: Experiments): string {
  const eventIds = Object.keys(table.events);
  const observableIds = Object.keys(table.outcomes);
  const lines = [[...table.factors, ...eventIds.map((id) => `event:${id}`), ...observableIds].join(',')];
  table.rows.forEach((row, i) => {
    lines.push([...row, ...eventIds.map((id) => (table.events[id] as Uint8Array)[i]), ...observableIds.map((id) => (table.outcomes[id] as Float64Array)[i])].join(','));
  });
  return `${lines.join('\n')}\n`;
}

/**
 * Reads an experiments CSV (as written by {@link experimentsToCsv}, or any CSV with numeric
 * columns): returns the columns by name. RFC 4180 (d3-dsv's parser): quoted fields, "" inside
 * quotes, CRLF or LF line ends, a UTF-8 byte-order mark, so a file re-saved by Python's csv module,
 * R's write.csv or a spreadsheet reads as written. R's unnamed row-name column (header "") is
 * dropped; TRUE/FALSE and True/False read as 1/0. Throws naming the line and column of a bad value.
 * Cost: O(cells).
 *
 * @example
 * parseExperimentsCsv('"","a","event:x"\r\n"1",0.5,TRUE\r\n').columns['event:x']; // Float64Array [1]
 */
export function parseExperimentsCsv(text: string, source = 'experiments'): { names: string[]; columns: Record<string, Float64Array> } {
  const records = csvParseRows(text.replace(/^\uFEFF/, '')).filter((cells) => cells.some((cell) => cell.trim() !== ''));
  if (records.length < 2) throw new RangeError(`${source}: expected a header and at least one row`);
  const header = (records[0] as string[]).map((name) => name.trim());
  // R's write.csv writes row names first, under an empty header.
  const skip = header[0] === '' ? 1 : 0;
  const names = header.slice(skip);
  const columns = Object.fromEntries(names.map((name) => [name, new Float64Array(records.length - 1)]));
  records.slice(1).forEach((record, r) => {
    const cells = record.slice(skip);
    if (record.length !== header.length) throw new RangeError(`${source}: line ${r + 2} has ${record.length} values (expected ${header.length}, as the header)`);
    cells.forEach((cell, c) => {
      const value = BOOLEAN_CELLS[cell.trim()] ?? Number(cell);
      if (cell.trim() === '' || !Number.isFinite(value)) throw new RangeError(`${source}: line ${r + 2}, column ${names[c]}: "${cell}" is not a number`);
      (columns[names[c] as string] as Float64Array)[r] = value;
    });
  });
  return { names, columns };
}

const BOOLEAN_CELLS: Readonly<Record<string, number>> = { TRUE: 1, FALSE: 0, True: 1, False: 0, true: 1, false: 0 };
