import { FACTOR_IDS } from '../../model/factors.js';
import { inputsForRun } from '../runBatch.js';
import type { DecisionProblem } from './decisionProblem.js';

/** The uncertain inputs of the futures: one column per input that varies across runs. */
export interface FutureInputs {
  readonly names: readonly string[];
  /** columns[k][run]. */
  readonly columns: readonly Float64Array[];
}

const INITIAL_STATE_SCALARS = ['totalFighters', 'reservesUsd', 'totalDetainees', 'coordination', 'networkCapacity', 'iraqiForceQuality'] as const;

/**
 * What each future (run index) drew, read from its model inputs under the base scenario: every
 * factor's mean over the horizon (a drawn constant, or a schedule whose step month was drawn),
 * every parameter, and the scalar initial-state overrides, keeping only the columns that vary
 * across the runs and leaving out the levers' factors (policy sets those). This works whatever the
 * scenario draws (distributions, uncertain months, a posterior), because it reads the drawn
 * inputs rather than the scenario's description of them.
 *
 * Cost: O(runs · factors · months) plus one input draw per run.
 *
 * @example
 * futureInputs(problem, 300).names; // e.g. ['iranMilitiaEffort', 'warChest', 'networkHalfLife', …]
 */
export function futureInputs(problem: DecisionProblem, runs: number): FutureInputs {
  const leverFactors = new Set(problem.levers.map((lever) => lever.factor as string));
  const names: string[] = [];
  const rows: number[][] = [];
  for (let run = 0; run < runs; run++) {
    const inputs = inputsForRun(problem.scenario, problem.seed, run);
    const row: number[] = [];
    if (run === 0) names.length = 0;
    for (const id of FACTOR_IDS) {
      if (leverFactors.has(id)) continue;
      const series = inputs.factors[id];
      let sum = 0;
      for (const v of series) sum += v;
      row.push(sum / series.length);
      if (run === 0) names.push(id);
    }
    for (const [id, value] of Object.entries(inputs.parameters)) {
      row.push(value);
      if (run === 0) names.push(id);
    }
    for (const id of INITIAL_STATE_SCALARS) {
      const value = inputs.initialState?.[id];
      row.push(typeof value === 'number' ? value : Number.NaN);
      if (run === 0) names.push(`initialState.${id}`);
    }
    rows.push(row);
  }
  const keptNames: string[] = [];
  const columns: Float64Array[] = [];
  names.forEach((name, k) => {
    const column = Float64Array.from(rows, (row) => row[k] as number);
    if (column.some((v) => !Number.isFinite(v))) return;
    if (column.every((v) => v === column[0])) return;
    keptNames.push(name);
    columns.push(column);
  });
  return { names: keptNames, columns };
}
