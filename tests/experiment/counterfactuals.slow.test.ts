import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/experiment/simulate.js';
import { FACTORS } from '../../src/model/factors.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import { SHIPPED_SCENARIOS } from '../../src/scenario/shippedScenarios.js';
import { meanWithInterval } from '../helpers/pairedStatistics.js';

// Each counterfactual changes factors in one direction. The registry documents, per factor,
// which direction helps ISIS (`adverse`). So each scenario's expected effect on ISIS outcomes
// is derived from the registry, not written by hand: all-favourable changes must lower
// attacks and fighters, all-adverse changes must raise them.
//
// Statistics: both arms use the same seed, so run i of each arm shares its random streams
// (common random numbers); the paired differences have far less variance than independent
// arms. The 95% CI is mean ± 1.96·sd/√n of the n paired differences; the test asks that it
// exclude zero on the documented side.
const RUNS = 120;
const SEED = 77;

function expectedSign(name: string): -1 | 1 {
  const base = parseScenario(SHIPPED_SCENARIOS['baseline-2020']);
  const other = parseScenario(SHIPPED_SCENARIOS[name]);
  if (!base.ok || !other.ok) throw new Error('shipped scenarios must parse');
  const signs = new Set<number>();
  for (const factor of FACTORS) {
    const a = base.value.factors[factor.id];
    const b = other.value.factors[factor.id];
    for (let m = 0; m < a.length; m++) {
      const change = Math.sign((b[m] as number) - (a[m] as number));
      if (change === 0) continue;
      signs.add(factor.adverse === 'higher' ? change : -change);
    }
  }
  if (signs.size !== 1) throw new Error(`${name} changes factors in mixed directions: cannot derive the expected sign`);
  return [...signs][0] as -1 | 1;
}

let baselineRuns: ReturnType<typeof simulate> | undefined;

function pairedDifference(name: string, outcome: (series: Float64Array, width: number, k: Record<string, number>) => number) {
  baselineRuns ??= simulate(SHIPPED_SCENARIOS['baseline-2020'], { runs: RUNS, seed: SEED, perRun: true });
  const baseline = baselineRuns;
  const scenario = simulate(SHIPPED_SCENARIOS[name], { runs: RUNS, seed: SEED, perRun: true });
  const width = baseline.observables.length;
  const k = Object.fromEntries(baseline.observables.map((id, i) => [id, i]));
  const differences = (scenario.runs ?? []).map(
    (run, i) => outcome(run.series, width, k) - outcome((baseline.runs ?? [])[i]!.series, width, k),
  );
  return meanWithInterval(differences);
}

const totalAttacks = (series: Float64Array, width: number, k: Record<string, number>) => {
  let total = 0;
  for (let m = 0; m < series.length / width; m++) total += series[m * width + (k.attacks as number)] as number;
  return total;
};
const finalFighters = (series: Float64Array, width: number, k: Record<string, number>) =>
  series[series.length - width + (k.fighters as number)] as number;

const COUNTERFACTUALS = ['us-stays', 'no-covid-diversion', 'iran-recovers', 'sdf-relieved', 'funding-cut', 'worst-case', 'pressure-raised'];

describe('shipped counterfactuals', () => {
  it.each(COUNTERFACTUALS)('simulate(%s) moves fighters at month 35 in the direction its factors document', (name) => {
    const sign = expectedSign(name);
    const { ci } = pairedDifference(name, finalFighters);
    if (sign > 0) expect(ci[0]).toBeGreaterThan(0);
    else expect(ci[1]).toBeLessThan(0);
  });

  it.each(COUNTERFACTUALS.filter((name) => name !== 'funding-cut'))(
    'simulate(%s) moves total attacks over 36 months in the direction its factors document',
    (name) => {
      const sign = expectedSign(name);
      const { ci } = pairedDifference(name, totalAttacks);
      if (sign > 0) expect(ci[0]).toBeGreaterThan(0);
      else expect(ci[1]).toBeLessThan(0);
    },
  );

  it('expectedSign reads the registry: us-stays is favourable (−1), worst-case adverse (+1)', () => {
    expect(expectedSign('us-stays')).toBe(-1);
    expect(expectedSign('worst-case')).toBe(1);
  });
});
