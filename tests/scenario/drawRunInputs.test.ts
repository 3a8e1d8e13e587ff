// Per-run input draws: reproducible from (scenario, seed, run) alone, with the marginals the
// scenario asks for and, through the Gaussian copula, the rank correlations it asks for.
// Statistical checks use a fixed seed and tolerances derived from the number of runs (stated
// beside each), so they fail only when the draws are wrong (about 1 in 15,000 per check by chance).
import { describe, expect, it } from 'vitest';
import { standardNormalCdf } from '../../src/math/standardNormalCdf.js';
import { drawRunInputs, isUncertain } from '../../src/scenario/drawRunInputs.js';
import { formatIssues } from '../../src/scenario/issues.js';
import { parseScenario, type ValidScenario } from '../../src/scenario/parseScenario.js';
import { SHIPPED_SCENARIOS } from '../../src/scenario/shippedScenarios.js';
import { toModelInputs } from '../../src/scenario/toModelInputs.js';
import { withUncertaintyMode } from '../../src/scenario/uncertainty.js';

const base = { name: 'draws', question: 'q?', start: '2020-05', months: 12 };

function valid(input: unknown): ValidScenario {
  const result = parseScenario(input);
  if (!result.ok) throw new Error(formatIssues(result.issues));
  return result.value;
}

/** Ranks 1 … n (ties get their average rank). */
function ranks(values: readonly number[]): number[] {
  const order = values.map((value, i) => ({ value, i })).sort((a, b) => a.value - b.value);
  const out = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]?.value === order[start]?.value) end++;
    for (let k = start; k <= end; k++) out[(order[k] as { i: number }).i] = (start + end) / 2 + 1;
    start = end + 1;
  }
  return out;
}

function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += ((x[i] as number) - mx) * ((y[i] as number) - my);
    sxx += ((x[i] as number) - mx) ** 2;
    syy += ((y[i] as number) - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

const spearman = (x: readonly number[], y: readonly number[]) => pearson(ranks(x), ranks(y));

const RUNS = 3000;
const SEED = 2024;

const uncertainScenario = {
  ...base,
  factors: {
    warChest: { uniform: [50, 150] },
    covidDiversion: { normal: { mean: 0.2, sd: 0.1 } },
    coalitionAirSupport: { triangular: [0.5, 0.8, 1.5] },
    usTroopsSyria: { schedule: [{ from: 0, value: 600 }, { from: { uniformInt: [3, 9] }, value: 0 }] },
    usTroopsIraq: { choice: [1000, 3000, 5000], weights: [1, 1, 2] },
  },
  interventions: [{ factor: 'coalitionAirSupport', from: 8, set: 0.2, note: 'air support ends' }],
};

describe('drawRunInputs without uncertainty', () => {
  it('drawRunInputs returns the cached toModelInputs object for a scenario without uncertainty', () => {
    const scenario = withUncertaintyMode(valid(SHIPPED_SCENARIOS['baseline-2020']), 'none');
    expect(isUncertain(scenario)).toBe(false);
    expect(drawRunInputs(scenario, 1, 0)).toBe(toModelInputs(scenario));
    expect(drawRunInputs(scenario, 99, 12345)).toBe(toModelInputs(scenario));
  });

  it('isUncertain is true for a distribution and for a posterior, false otherwise', () => {
    expect(isUncertain(valid({ ...base, factors: { warChest: 100 } }))).toBe(false);
    expect(isUncertain(valid({ ...base, factors: { warChest: { choice: [50, 100] } } }))).toBe(true);
    const posterior = { parameters: ['recruitRate'], samples: [[0.3]], source: 'test' };
    expect(isUncertain(valid({ ...base, parameters: { posterior } }))).toBe(true);
  });
});

describe('drawRunInputs with uncertainty', () => {
  const scenario = valid(uncertainScenario);
  const draws = Array.from({ length: RUNS }, (_, run) => drawRunInputs(scenario, SEED, run));

  it('drawRunInputs depends only on (scenario, seed, run): same numbers in any order, other seeds differ', () => {
    const again = valid(uncertainScenario);
    for (const run of [2999, 5, 0, 1717]) {
      const a = draws[run] as ReturnType<typeof drawRunInputs>;
      const b = drawRunInputs(again, SEED, run);
      for (const id of ['warChest', 'covidDiversion', 'coalitionAirSupport', 'usTroopsSyria', 'usTroopsIraq'] as const) {
        expect(Array.from(b.factors[id])).toEqual(Array.from(a.factors[id]));
      }
    }
    expect(drawRunInputs(scenario, SEED + 1, 5).factors.warChest[0]).not.toBe(draws[5]?.factors.warChest[0]);
    expect(draws[6]?.factors.warChest[0]).not.toBe(draws[5]?.factors.warChest[0]);
  });

  it('drawRunInputs draws a uniform factor with the uniform mean and quartiles', () => {
    const values = draws.map((inputs) => inputs.factors.warChest[0] as number);
    for (const inputs of draws.slice(0, 50)) expect(new Set(inputs.factors.warChest).size).toBe(1); // constant over the run
    expect(Math.min(...values)).toBeGreaterThanOrEqual(50);
    expect(Math.max(...values)).toBeLessThanOrEqual(150);
    // Mean of U(50, 150): 100, sd 100/√12; 4 standard errors at n = 3000 is ≈ 2.1.
    const mean = values.reduce((s, v) => s + v, 0) / RUNS;
    expect(Math.abs(mean - 100)).toBeLessThan((4 * 100) / Math.sqrt(12) / Math.sqrt(RUNS));
    // Share below the first quartile (75): binomial p = 0.25, 4 sd = 4·√(p(1 − p)/n) ≈ 0.032.
    const below = values.filter((v) => v < 75).length / RUNS;
    expect(Math.abs(below - 0.25)).toBeLessThan(4 * Math.sqrt(0.25 * 0.75 / RUNS));
  });

  it('drawRunInputs truncates a normal factor to the plausible range, with the truncated mean', () => {
    const values = draws.map((inputs) => inputs.factors.covidDiversion[0] as number);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThanOrEqual(0.6);
    // Truncated normal on [0, 0.6]: mean μ + σ(φ(α) − φ(β))/(Φ(β) − Φ(α)), α = −2, β = 4
    // (Johnson, Kotz & Balakrishnan 1994, §10.1); sd < σ = 0.1, so 4 standard errors < 0.0073.
    const phi = (z: number) => Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
    const expected = 0.2 + (0.1 * (phi(-2) - phi(4))) / (standardNormalCdf(4) - standardNormalCdf(-2));
    const mean = values.reduce((s, v) => s + v, 0) / RUNS;
    expect(Math.abs(mean - expected)).toBeLessThan((4 * 0.1) / Math.sqrt(RUNS));
  });

  it('drawRunInputs draws an uncertain step month uniformly over [3, 9] and steps the schedule there', () => {
    const counts = new Map<number, number>();
    for (const inputs of draws) {
      const series = Array.from(inputs.factors.usTroopsSyria);
      const month = series.indexOf(0);
      expect(month).toBeGreaterThanOrEqual(3);
      expect(month).toBeLessThanOrEqual(9);
      expect(series.slice(0, month).every((v) => v === 600) && series.slice(month).every((v) => v === 0)).toBe(true);
      counts.set(month, (counts.get(month) ?? 0) + 1);
    }
    // Each of 7 months has p = 1/7; 4 binomial sd at n = 3000 is ≈ 0.026.
    for (let month = 3; month <= 9; month++) {
      expect(Math.abs((counts.get(month) ?? 0) / RUNS - 1 / 7)).toBeLessThan(4 * Math.sqrt((1 / 7) * (6 / 7) / RUNS));
    }
  });

  it('drawRunInputs draws choices with their weights', () => {
    const share = draws.filter((inputs) => inputs.factors.usTroopsIraq[0] === 5000).length / RUNS;
    expect(new Set(draws.map((inputs) => inputs.factors.usTroopsIraq[0]))).toEqual(new Set([1000, 3000, 5000]));
    expect(Math.abs(share - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / RUNS));
  });

  it('drawRunInputs applies interventions on top of each draw from their month on', () => {
    for (const inputs of draws.slice(0, 200)) {
      const series = Array.from(inputs.factors.coalitionAirSupport);
      expect(series.slice(8)).toEqual([0.2, 0.2, 0.2, 0.2]);
      expect(new Set(series.slice(0, 8)).size).toBe(1);
      expect(series[0]).toBeGreaterThanOrEqual(0.5);
    }
    // The nominal inputs (medians) carry the intervention too.
    expect(Array.from(scenario.factors.coalitionAirSupport.subarray(8))).toEqual([0.2, 0.2, 0.2, 0.2]);
  });

  it('drawRunInputs leaves factors without a distribution at the scenario values (shared arrays)', () => {
    expect(draws[3]?.factors.sectarianTension).toBe(scenario.factors.sectarianTension);
    expect(draws[3]?.parameters).toBe(toModelInputs(scenario).parameters);
  });
});

describe('drawRunInputs rank correlations (Gaussian copula)', () => {
  // Fisher's z of a Spearman correlation has sd ≈ √(1.06/(n − 3)) (Fieller, Hartley & Pearson
  // 1957, Biometrika 44:470–481); 4 sd at n = 3000 is ≈ 0.075 in z.
  const zTolerance = 4 * Math.sqrt(1.06 / (RUNS - 3));
  const fisher = (r: number) => Math.atanh(r);

  for (const target of [0.6, -0.4]) {
    it(`drawRunInputs reaches a target rank correlation of ${target} between two continuous factors`, () => {
      const scenario = valid({
        ...base,
        factors: { warChest: { uniform: [50, 150] }, covidDiversion: { triangular: [0, 0.1, 0.6] }, coalitionAirSupport: { uniform: [0.5, 1.5] } },
        correlations: { factors: ['warChest', 'covidDiversion'], matrix: [[1, target], [target, 1]] },
      });
      const draws = Array.from({ length: RUNS }, (_, run) => drawRunInputs(scenario, SEED, run));
      const a = draws.map((inputs) => inputs.factors.warChest[0] as number);
      const b = draws.map((inputs) => inputs.factors.covidDiversion[0] as number);
      const c = draws.map((inputs) => inputs.factors.coalitionAirSupport[0] as number);
      expect(Math.abs(fisher(spearman(a, b)) - fisher(target))).toBeLessThan(zTolerance);
      // The uncorrelated factor stays independent of both.
      expect(Math.abs(fisher(spearman(a, c)))).toBeLessThan(zTolerance);
      expect(Math.abs(fisher(spearman(b, c)))).toBeLessThan(zTolerance);
      // Marginals are untouched by the copula: warChest's mean is still that of U(50, 150).
      const mean = a.reduce((s, v) => s + v, 0) / RUNS;
      expect(Math.abs(mean - 100)).toBeLessThan((4 * 100) / Math.sqrt(12) / Math.sqrt(RUNS));
    });
  }
});

describe('drawRunInputs with a posterior', () => {
  it('drawRunInputs draws posterior rows with their weights and sets those parameters only', () => {
    const posterior = { parameters: ['recruitRate', 'attackRate'], samples: [[0.2, 0.03], [0.4, 0.05]], weights: [1, 3], source: 'test' };
    const scenario = valid({ ...base, parameters: { posterior, claimShare: 0.4 } });
    const draws = Array.from({ length: RUNS }, (_, run) => drawRunInputs(scenario, SEED, run));
    for (const inputs of draws.slice(0, 100)) {
      const row = inputs.parameters.recruitRate === 0.2 ? 0 : 1;
      expect([inputs.parameters.recruitRate, inputs.parameters.attackRate]).toEqual(posterior.samples[row]);
      expect(inputs.parameters.claimShare).toBe(0.4);
    }
    // Row 1 has weight 3/4; 4 binomial sd at n = 3000 is ≈ 0.032.
    const share = draws.filter((inputs) => inputs.parameters.recruitRate === 0.4).length / RUNS;
    expect(Math.abs(share - 0.75)).toBeLessThan(4 * Math.sqrt(0.75 * 0.25 / RUNS));
  });

  it('parseScenario resolves a posterior by name from the given registry', () => {
    const sample = { parameters: ['recruitRate'], samples: [[0.25], [0.35]], source: 'registry test' };
    const result = parseScenario({ ...base, parameters: { posterior: 'test-posterior' } }, { posteriors: { 'test-posterior': sample } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.posterior?.name).toBe('test-posterior');
    const seen = new Set(Array.from({ length: 50 }, (_, run) => drawRunInputs(result.value, 1, run).parameters.recruitRate));
    expect(seen).toEqual(new Set([0.25, 0.35]));
  });

  it('posterior columns named initialState.<field> set the run\'s start (reserves in million USD), the rest stays the scenario\'s', () => {
    const posterior = {
      parameters: ['attackRate', 'initialState.networkCapacity', 'initialState.reserves'],
      samples: [[0.03, 0.25, 120], [0.05, 0.75, 240]],
      source: 'test',
    };
    const scenario = valid({ ...base, initialState: { fighters: 20000 }, parameters: { posterior } });
    const seen = new Set<string>();
    for (let run = 0; run < 40; run++) {
      const inputs = drawRunInputs(scenario, SEED, run);
      const row = inputs.parameters.attackRate === 0.03 ? 0 : 1;
      expect(inputs.initialState?.networkCapacity).toBe(posterior.samples[row]![1]);
      expect(inputs.initialState?.reservesUsd).toBe(posterior.samples[row]![2]! * 1e6);
      expect(inputs.initialState?.totalFighters).toBe(20000);
      seen.add(String(row));
    }
    expect(seen).toEqual(new Set(['0', '1']));
  });

  it('parseScenario rejects an initial-state column that the scenario also fixes, an unknown column and a value outside its bounds', () => {
    const column = (parameters: string[], samples: number[][]) => ({ parameters, samples, source: 'test' });
    const fixed = parseScenario({ ...base, initialState: { networkCapacity: 0.5 }, parameters: { posterior: column(['initialState.networkCapacity'], [[0.3]]) } });
    expect(fixed.ok).toBe(false);
    if (!fixed.ok) expect(fixed.issues.map((i) => i.message).join('\n')).toMatch(/both fixed in the scenario and drawn/);
    const unknown = parseScenario({ ...base, parameters: { posterior: column(['initialState.networkCapacty'], [[0.3]]) } });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.issues[0]?.message).toMatch(/did you mean "initialState.networkCapacity"/);
    const outside = parseScenario({ ...base, parameters: { posterior: column(['initialState.networkCapacity'], [[1.5]]) } });
    expect(outside.ok).toBe(false);
    if (!outside.ok) expect(outside.issues[0]?.message).toMatch(/expected a value in \[0, 1\]/);
  });
});
