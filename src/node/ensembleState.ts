import { FileAccessError, readRegularFile } from './readConfinedFile.js';
import { mergeAccumulatorInPlace, type EnsembleAccumulator } from '../experiment/ensembleAccumulator.js';
import type { RunFailure } from '../experiment/runBatch.js';
import { buildEnsembleSummary, scenarioHash, validScenario, type EnsembleSummary } from '../experiment/simulate.js';
import { decodeAccumulator, encodeAccumulator, type EncodedAccumulator } from './accumulatorCodec.js';

/**
 * A part of an ensemble (a shard), saved so that parts computed anywhere can be merged into the
 * exact result of the whole: the scenario, seed, the run range, failures and the accumulator.
 */
export interface EnsembleState {
  readonly format: 'resurgence-ensemble-state/1';
  readonly scenario: unknown;
  readonly scenarioHash: string;
  readonly seed: number | string;
  /** Runs of the whole ensemble, and this part's range [firstRun, firstRun + runs). */
  readonly totalRuns: number;
  readonly totalFirstRun: number;
  readonly firstRun: number;
  readonly runs: number;
  readonly failures: readonly RunFailure[];
  readonly accumulator: EncodedAccumulator;
}

/** The state of a shard of an ensemble, ready to be written as JSON. */
export function ensembleState(
  scenario: unknown,
  part: { seed: number | string; totalRuns: number; totalFirstRun?: number; firstRun: number; runs: number },
  accumulator: EnsembleAccumulator,
  failures: readonly RunFailure[],
): EnsembleState {
  const valid = validScenario(scenario);
  return {
    format: 'resurgence-ensemble-state/1',
    scenario: valid.scenario,
    scenarioHash: scenarioHash(valid),
    seed: part.seed,
    totalRuns: part.totalRuns,
    totalFirstRun: part.totalFirstRun ?? 0,
    firstRun: part.firstRun,
    runs: part.runs,
    failures,
    accumulator: encodeAccumulator(accumulator),
  };
}

/** Reads a state file written by `resurgence run --shard … --out DIR` (DIR/ensemble-state.json). */
export function readEnsembleState(path: string): EnsembleState {
  let state: EnsembleState;
  try {
    state = JSON.parse(readRegularFile(path, { maxBytes: 1 << 30 })) as EnsembleState;
  } catch (error) {
    const reason = error instanceof SyntaxError ? 'it is truncated or damaged (not valid JSON)' : error instanceof Error ? error.message : String(error);
    throw new FileAccessError(`cannot read ${path}: ${reason}; run that part again (resurgence run … --shard I/N --out DIR)`, 'EBADSTATE');
  }
  if (state === null || typeof state !== 'object' || state.format !== 'resurgence-ensemble-state/1') {
    throw new FileAccessError(`${path} is not a resurgence ensemble state: run that part again (resurgence run … --shard I/N --out DIR)`, 'EBADSTATE');
  }
  return state;
}

/**
 * Merges the parts of one ensemble into the summary of the whole, equal bit for bit to the
 * summary of the same ensemble run in one go. Parts may come in any order; they must share the
 * scenario and seed and together cover the ensemble's runs exactly once (else a clear error
 * names the gap or the overlap).
 */
export function mergeEnsembleStates(states: readonly EnsembleState[], names: readonly string[] = []): {
  summary: EnsembleSummary;
  accumulator: EnsembleAccumulator;
  failures: RunFailure[];
} {
  if (states.length === 0) throw new Error('nothing to merge');
  const label = (i: number) => names[i] ?? `part ${i + 1}`;
  const first = states[0] as EnsembleState;
  states.forEach((state, i) => {
    for (const key of ['scenarioHash', 'seed', 'totalRuns', 'totalFirstRun'] as const) {
      if (state[key] !== first[key]) {
        throw new Error(`${label(i)} is from another ensemble: its ${key} is ${JSON.stringify(state[key])}, ${label(0)}'s is ${JSON.stringify(first[key])}`);
      }
    }
  });
  const order = states.map((state, i) => ({ state, i })).sort((a, b) => a.state.firstRun - b.state.firstRun);
  let expected = first.totalFirstRun;
  for (const { state, i } of order) {
    if (state.firstRun > expected) throw new Error(`runs ${expected}–${state.firstRun - 1} are missing (no part covers them)`);
    if (state.firstRun < expected) throw new Error(`${label(i)} overlaps another part at run ${state.firstRun}`);
    expected = state.firstRun + state.runs;
  }
  if (expected !== first.totalFirstRun + first.totalRuns) {
    throw new Error(`runs ${expected}–${first.totalFirstRun + first.totalRuns - 1} are missing (no part covers them)`);
  }
  const accumulator = decodeAccumulator(order[0]!.state.accumulator);
  for (const { state } of order.slice(1)) mergeAccumulatorInPlace(accumulator, decodeAccumulator(state.accumulator));
  const failures = order.flatMap(({ state }) => state.failures);
  const valid = validScenario(first.scenario);
  return {
    summary: buildEnsembleSummary(valid, { seed: first.seed, runs: first.totalRuns, firstRun: first.totalFirstRun }, accumulator, failures),
    accumulator,
    failures,
  };
}
