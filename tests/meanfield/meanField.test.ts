import { describe, expect, it } from 'vitest';
import { runOnce } from '../../src/experiment/runOnce.js';
import { meanField } from '../../src/meanfield/meanField.js';
import type { ModelInputs } from '../../src/model/inputs.js';
import { OBSERVABLE_IDS, type ObservableId } from '../../src/model/observables.js';
import { resurgenceModel } from '../../src/model/resurgenceModel.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import { SHIPPED_SCENARIOS } from '../../src/scenario/shippedScenarios.js';
import { toModelInputs } from '../../src/scenario/toModelInputs.js';

const MONTHS = 24;
const WIDTH = OBSERVABLE_IDS.length;

function shipped(name: string): ModelInputs {
  const parsed = parseScenario({ ...(SHIPPED_SCENARIOS[name] as object), months: MONTHS });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return toModelInputs(parsed.value);
}

/** Per-month ensemble mean and standard error of the mean of every observable. */
function ensemble(inputs: ModelInputs, runs: number, seed: string): { mean: Float64Array; se: Float64Array } {
  const sum = new Float64Array(MONTHS * WIDTH);
  const squares = new Float64Array(MONTHS * WIDTH);
  for (let run = 0; run < runs; run++) {
    const { series } = runOnce(resurgenceModel, inputs, seed, run);
    for (let i = 0; i < series.length; i++) {
      sum[i] = (sum[i] as number) + (series[i] as number);
      squares[i] = (squares[i] as number) + (series[i] as number) ** 2;
    }
  }
  const mean = sum.map((value) => value / runs);
  const se = squares.map((value, i) => Math.sqrt(Math.max(0, value / runs - (mean[i] as number) ** 2) * (runs / (runs - 1)) / runs));
  return { mean, se };
}

/**
 * The tolerance: Monte Carlo error plus an allowance for what the mean field approximates.
 * |mean field − ensemble mean| ≤ 4·SE + δ·|ensemble mean| in every month. 4 SEs: 72 comparisons
 * (24 months × 3 observables) would raise a false alarm with probability < 0.5% if the mean
 * field were exact. δ is the stated approximation error (see `meanField`: Jensen gaps of the
 * logistic recruitment, movement and hiding indicators at the mean, per-area finance): 0.5% for
 * fighters and reserves, 1% for attacks (measured with these seeds: at most 0.12%, 0.06% and
 * 1.0% on the baseline, most of the last being sampling error, |z| ≤ 2).
 */
const ALLOWANCE: Readonly<Partial<Record<ObservableId, number>>> = { fighters: 0.005, attacks: 0.01, reserves: 0.005 };

function expectTracks(inputs: ModelInputs, runs: number, seed: string): void {
  const { mean, se } = ensemble(inputs, runs, seed);
  const field = meanField(inputs).series;
  for (const [id, allowance] of Object.entries(ALLOWANCE) as [ObservableId, number][]) {
    const k = OBSERVABLE_IDS.indexOf(id);
    for (let month = 0; month < MONTHS; month++) {
      const i = month * WIDTH + k;
      const gap = Math.abs((field[i] as number) - (mean[i] as number));
      const tolerance = 4 * (se[i] as number) + allowance * Math.abs(mean[i] as number);
      if (gap > tolerance) throw new Error(`${id} in month ${month}: mean field ${field[i]} vs ensemble ${mean[i]} ± ${se[i]}`);
      expect(gap).toBeLessThanOrEqual(tolerance);
    }
  }
}

describe('meanField', () => {
  it('meanField tracks the baseline ensemble mean of fighters, attacks and reserves over 24 months', () => {
    expectTracks(shipped('baseline-2020'), 100, 'mean-field-baseline');
  });

  it('meanField tracks the worst case too, where fighters more than double', () => {
    const inputs = shipped('worst-case');
    const field = meanField(inputs).series;
    const fighters = OBSERVABLE_IDS.indexOf('fighters');
    expect(field[(MONTHS - 1) * WIDTH + fighters] as number).toBeGreaterThan(2 * (field[fighters] as number));
    expectTracks(inputs, 40, 'mean-field-worst');
  });

  it('meanField tracks pressure-raised, where Iraqi attacks fall (operations tempo, intelligence, hiding)', () => {
    expectTracks(shipped('pressure-raised'), 40, 'mean-field-pressure');
  });

  it('meanField keeps the fighters’ books: each month’s change is recruits − losses', () => {
    const field = meanField(shipped('worst-case')).series;
    const [f, r, l] = (['fighters', 'recruits', 'losses'] as const).map((id) => OBSERVABLE_IDS.indexOf(id)) as [number, number, number];
    for (let month = 1; month < MONTHS; month++) {
      const change = (field[month * WIDTH + f] as number) - (field[(month - 1) * WIDTH + f] as number);
      const books = (field[month * WIDTH + r] as number) - (field[month * WIDTH + l] as number);
      expect(Math.abs(change - books)).toBeLessThan(1e-9 * (field[month * WIDTH + f] as number));
    }
  });

  it('meanField returns a run-shaped series, the same every time', () => {
    const inputs = shipped('baseline-2020');
    const a = meanField(inputs);
    expect(a.observables).toEqual(OBSERVABLE_IDS);
    expect(a.series.length).toBe(MONTHS * WIDTH);
    expect(a.areaFighters.length).toBe(MONTHS * inputs.areas.count);
    expect(Array.from(meanField(inputs).series)).toEqual(Array.from(a.series));
    expect(a.series.every(Number.isFinite)).toBe(true);
  });

  it('meanField with more substeps per month converges to its continuous-time limit at first order', () => {
    // Lie–Trotter splitting: the change from k to 2k substeps halves each time k doubles.
    const inputs = shipped('baseline-2020');
    const columns = (['fighters', 'attacks', 'reserves'] as const).map((id) => OBSERVABLE_IDS.indexOf(id));
    const series = [2, 4, 8, 16, 32].map((stepsPerMonth) => meanField(inputs, { stepsPerMonth }).series);
    const changes = series.slice(1).map((next, i) => {
      const previous = series[i] as Float64Array;
      let worst = 0;
      for (let month = 0; month < MONTHS; month++) {
        for (const k of columns) worst = Math.max(worst, Math.abs((next[month * WIDTH + k] as number) / (previous[month * WIDTH + k] as number) - 1));
      }
      return worst;
    });
    for (let i = 1; i < changes.length; i++) {
      const ratio = (changes[i] as number) / (changes[i - 1] as number);
      expect(ratio).toBeGreaterThan(0.35);
      expect(ratio).toBeLessThan(0.65);
    }
  });

  it('meanField rejects a substep count that is not a positive integer', () => {
    expect(() => meanField(shipped('baseline-2020'), { stepsPerMonth: 0 })).toThrow('invalid stepsPerMonth: 0 (expected an integer ≥ 1)');
  });
});
