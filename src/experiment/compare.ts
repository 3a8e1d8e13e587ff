import { normalQuantile } from '../math/normalQuantile.js';
import { EVENT_IDS, OBSERVABLE_IDS } from '../model/observables.js';
import { addRunInPlace, type EnsembleAccumulator } from './ensembleAccumulator.js';
import { inProcessExecutor, type RunExecutor } from './executor.js';
import type { RunResult } from './runOnce.js';
import { withUncertaintyMode, type UncertaintyMode } from '../scenario/uncertainty.js';
import { buildEnsembleSummary, createEnsembleAccumulatorFor, validScenario, type EnsembleSummary } from './simulate.js';
import { summarizeAccumulator } from './ensembleAccumulator.js';

/** Options of {@link compare}; every one is optional. */
export interface CompareOptions {
  /** Runs per arm. Default: arm a's `runs`, else 1,000. */
  readonly runs?: number;
  /** Seed shared by both arms (common random numbers). Default: arm a's `seed`, else 1. */
  readonly seed?: number | string;
  /** Where runs are computed. Default: this thread. */
  readonly executor?: RunExecutor;
  readonly onProgress?: (done: number, total: number) => void;
  /** "scenario" (default): each arm draws what its `uncertainty` block says; "none": both arms fixed. */
  readonly uncertainty?: UncertaintyMode;
}

/** The paired difference b − a of one observable, month by month. */
export interface SeriesDifference {
  /** Mean of the per-run differences b_i − a_i. */
  readonly mean: number[];
  /** 95% confidence interval of that mean (normal; n is large). */
  readonly low: number[];
  readonly high: number[];
  /**
   * Variance reduction of pairing: Var(a) + Var(b) (what independent arms would give for the
   * variance of a difference) over Var(b − a) (what common random numbers give). NaN where both are 0.
   */
  readonly varianceReduction: number[];
}

/** The paired difference of an event's probability by the horizon. */
export interface EventDifference {
  readonly a: number;
  readonly b: number;
  readonly difference: number;
  readonly low: number;
  readonly high: number;
  readonly varianceReduction: number;
}

/** What {@link compare} returns. */
export interface Comparison {
  readonly a: EnsembleSummary;
  readonly b: EnsembleSummary;
  readonly runs: number;
  readonly seed: number | string;
  readonly differences: Record<string, SeriesDifference>;
  readonly events: Record<string, EventDifference>;
  /** Median over observables and months of the variance reduction (cells where both vary). */
  readonly medianVarianceReduction: number;
}

/**
 * Compares two scenarios as an intervention: runs both arms with common random numbers (run i of
 * each arm draws from the same streams, one per mechanism, so a changed factor does not shift the
 * draws of unrelated mechanisms), and reports per observable and month the mean difference b − a
 * with a 95% CI, per event the difference in probability, and how much pairing reduced the
 * variance against independent arms (measured on these runs).
 *
 * @example
 * const c = await compare(SHIPPED_SCENARIOS['baseline-2020'], SHIPPED_SCENARIOS['us-stays'], { runs: 200 });
 * c.differences.fighters.mean.at(-1); // fewer fighters at the horizon when the US stays (negative)
 * c.medianVarianceReduction;          // > 1: pairing paid off
 */
export async function compare(a: unknown, b: unknown, options: CompareOptions = {}): Promise<Comparison> {
  const mode = options.uncertainty ?? 'scenario';
  const validA = withUncertaintyMode(validScenario(a), mode);
  const validB = withUncertaintyMode(validScenario(b), mode);
  if (validA.scenario.months !== validB.scenario.months || validA.scenario.start !== validB.scenario.start) {
    throw new RangeError(
      `cannot compare scenarios on different calendars: ${validA.scenario.name} runs ${validA.scenario.months} months from ${validA.scenario.start}, ${validB.scenario.name} ${validB.scenario.months} from ${validB.scenario.start}`,
    );
  }
  const runs = options.runs ?? validA.scenario.runs ?? 1000;
  const seed = options.seed ?? validA.scenario.seed ?? 1;
  if (!Number.isInteger(runs) || runs < 2) throw new RangeError(`invalid runs: ${runs} (expected an integer ≥ 2)`);
  const months = validA.scenario.months;
  const width = OBSERVABLE_IDS.length;
  const accumulators = [createEnsembleAccumulatorFor(validA), createEnsembleAccumulatorFor(validB)] as const;
  // The differences b − a, run by run, in an accumulator of their own (exact sums → mean and sd).
  const differences = createEnsembleAccumulatorFor(validA);
  const eventPairs = EVENT_IDS.map(() => ({ onlyA: 0, onlyB: 0, both: 0 }));
  let pending: RunResult | null = null;
  const executor = options.executor ?? inProcessExecutor;
  // Interleave the arms run by run (a0, b0, a1, b1, …) so each pair is complete when b_i arrives.
  const block = 50;
  const tasks = [];
  for (let start = 0; start < runs; start += block) {
    const count = Math.min(block, runs - start);
    tasks.push({ scenario: validA, seed, firstRun: start, count }, { scenario: validB, seed, firstRun: start, count });
  }
  const held = new Map<number, RunResult>();
  await executor(
    tasks,
    (task, result) => {
      const arm = task % 2;
      addRunInPlace(accumulators[arm] as EnsembleAccumulator, result);
      if (arm === 0) {
        held.set(result.run, result);
        return;
      }
      pending = held.get(result.run) ?? null;
      held.delete(result.run);
      if (!pending) throw new Error(`run ${result.run} of arm b arrived before arm a`);
      const series = new Float64Array(months * width);
      for (let c = 0; c < series.length; c++) series[c] = (result.series[c] as number) - (pending.series[c] as number);
      addRunInPlace(differences, { series, eventMonths: new Int32Array(EVENT_IDS.length).fill(-1) });
      EVENT_IDS.forEach((_, e) => {
        const inA = (pending as RunResult).eventMonths[e] !== -1;
        const inB = result.eventMonths[e] !== -1;
        const pair = eventPairs[e] as { onlyA: number; onlyB: number; both: number };
        if (inA && inB) pair.both++;
        else if (inA) pair.onlyA++;
        else if (inB) pair.onlyB++;
      });
    },
    options.onProgress,
  );
  const summaryA = buildEnsembleSummary(validA, { seed, runs, firstRun: 0 }, accumulators[0], []);
  const summaryB = buildEnsembleSummary(validB, { seed, runs, firstRun: 0 }, accumulators[1], []);
  const paired = summarizeAccumulator(differences).series;
  const z = normalQuantile(0.975);
  const reductions: number[] = [];
  const seriesDifferences: Record<string, SeriesDifference> = {};
  for (const id of OBSERVABLE_IDS) {
    const d = paired[id] as { mean: number[]; sd: number[] };
    const sdA = (summaryA.series[id] as { sd: number[] }).sd;
    const sdB = (summaryB.series[id] as { sd: number[] }).sd;
    const varianceReduction = d.sd.map((sd, m) => {
      const independent = (sdA[m] as number) ** 2 + (sdB[m] as number) ** 2;
      if (independent === 0) return Number.NaN;
      const ratio = independent / (sd * sd);
      if (Number.isFinite(ratio)) reductions.push(ratio);
      return ratio;
    });
    seriesDifferences[id] = {
      mean: d.mean,
      low: d.mean.map((mean, m) => mean - (z * (d.sd[m] as number)) / Math.sqrt(runs)),
      high: d.mean.map((mean, m) => mean + (z * (d.sd[m] as number)) / Math.sqrt(runs)),
      varianceReduction,
    };
  }
  const events: Record<string, EventDifference> = {};
  EVENT_IDS.forEach((id, e) => {
    const { onlyA, onlyB, both } = eventPairs[e] as { onlyA: number; onlyB: number; both: number };
    const pA = (onlyA + both) / runs;
    const pB = (onlyB + both) / runs;
    const difference = pB - pA;
    // Paired difference of proportions (McNemar layout): Var = (p01 + p10 − (p01 − p10)²)/n.
    const pairedVariance = (onlyA / runs + onlyB / runs - difference * difference) / runs;
    const independentVariance = (pA * (1 - pA) + pB * (1 - pB)) / runs;
    const half = z * Math.sqrt(Math.max(0, pairedVariance));
    events[id] = {
      a: pA,
      b: pB,
      difference,
      low: difference - half,
      high: difference + half,
      varianceReduction: independentVariance === 0 ? Number.NaN : pairedVariance === 0 ? Number.POSITIVE_INFINITY : independentVariance / pairedVariance,
    };
  });
  const sorted = reductions.sort((x, y) => x - y);
  return {
    a: summaryA,
    b: summaryB,
    runs,
    seed,
    differences: seriesDifferences,
    events,
    medianVarianceReduction: sorted.length === 0 ? Number.NaN : (sorted[Math.floor((sorted.length - 1) / 2)] as number),
  };
}
