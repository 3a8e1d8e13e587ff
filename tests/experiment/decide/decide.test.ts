import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decide } from '../../../src/experiment/decide/decide.js';
import { leverCosts, resolveDecisionProblem, scenarioOfPolicy, totalCost } from '../../../src/experiment/decide/decisionProblem.js';
import { evaluatePolicies } from '../../../src/experiment/decide/evaluatePolicies.js';
import { futureInputs } from '../../../src/experiment/decide/futureInputs.js';
import { dominates } from '../../../src/experiment/decide/nondominatedSort.js';
import { pairedVarianceRatio, robustnessMetrics } from '../../../src/experiment/decide/robustness.js';
import { ScenarioError } from '../../../src/scenario/issues.js';

const root = new URL('../../..', import.meta.url).pathname;
const policy = JSON.parse(readFileSync(`${root}scenarios/policies/levers-2020.json`, 'utf8'));

function variance(x: Float64Array): number {
  const mean = x.reduce((a, b) => a + b, 0) / x.length;
  return x.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (x.length - 1);
}

describe('resolveDecisionProblem and the policy scenario', () => {
  const problem = resolveDecisionProblem(policy, policy.scenario);

  it('resolveDecisionProblem puts the status quo first, then the named policies, levers left out at their status quo', () => {
    expect(problem.named.map((p) => p.name)).toEqual(['status-quo', 'us-stays', 'everything']);
    expect(problem.named[0]?.values).toEqual([0, 0.5, 3, 0.35]);
    expect(problem.named[1]?.values).toEqual([600, 0.5, 3, 0.35]);
  });

  it('scenarioOfPolicy appends one intervention per lever after the scenario\'s own, and leverCosts counts |value − reference| per month in force', () => {
    const scenario = scenarioOfPolicy(problem, [600.4, 0, 2, 0.2]) as { interventions: unknown[] };
    expect(scenario.interventions).toEqual([
      { factor: 'usTroopsSyria', from: 6, set: 600, note: 'lever usTroopsSyria' },
      { factor: 'trainingSuspended', from: 4, set: 0, note: 'lever resumeTraining' },
      { factor: 'extortionIncome', from: 0, set: 2, note: 'lever squeezeExtortion' },
      { factor: 'sdfTurkishFront', from: 0, set: 0.2, note: 'lever supportSdf' },
    ]);
    const costs = leverCosts(problem, [600, 0, 2, 0.2]);
    expect(costs[0]).toBe(600 * 30);
    expect(costs[1]).toBe(100 * 1 * 32);
    expect(costs[2]).toBe(5 * 1 * 36);
    expect(costs[3]).toBeCloseTo(200 * 0.15 * 36, 10);
    expect(totalCost(problem, [600, 0, 2, 0.2])).toBeCloseTo(600 * 30 * 0.083 + 3200 + 180 + 1080, 8);
  });

  it('resolveDecisionProblem reports a bad outcome and an unknown lever cost with their JSON paths', () => {
    const bad = { ...policy, objectives: [{ outcome: 'territorialComebak@24', epsilon: 0.1 }, { outcome: 'cost:troops', epsilon: 1 }, { outcome: 'fighters@99', epsilon: 1 }] };
    let error: unknown;
    try {
      resolveDecisionProblem(bad, policy.scenario, 'p.json');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    const lines = (error as Error).message.split('\n');
    expect(lines[0]).toBe('p.json: 3 problems');
    expect(lines[1]).toMatch(/^  ✖ unknown observable or event "territorialComebak" \(did you mean "territorialComeback"\?\); .* → at objectives\[0\]\.outcome$/);
    expect(lines[2]).toBe('  ✖ unknown lever "troops" → at objectives[1].outcome');
    expect(lines[3]).toBe('  ✖ "fighters@99": month 99 is outside the horizon (1–36) → at objectives[2].outcome');
  });

  it('futureInputs lists the drawn inputs that vary across runs, without the levers\' factors', () => {
    const inputs = futureInputs(problem, 20);
    expect(inputs.names).toContain('iranMilitiaEffort');
    expect(inputs.names).toContain('attackRate');
    expect(inputs.names).not.toContain('usTroopsSyria');
    expect(inputs.names).not.toContain('extortionIncome');
    for (const column of inputs.columns) expect(new Set(column).size).toBeGreaterThan(1);
    // Run i draws the same inputs every time (and so under every policy).
    expect(futureInputs(problem, 20).columns).toEqual(inputs.columns);
  });
});

describe('evaluatePolicies', () => {
  const problem = resolveDecisionProblem(policy, policy.scenario);

  it('evaluatePolicies pairs policies over the same futures: the variance of a difference is far below that of independent arms (measured)', async () => {
    const runs = 30;
    const [statusQuo, usStays] = [problem.named[0]?.values as number[], problem.named[1]?.values as number[]];
    const paired = await evaluatePolicies(problem, [statusQuo, usStays], { runs });
    // Independent arms: the same policy b over other futures (another seed).
    const other = await evaluatePolicies({ ...problem, seed: 'independent' }, [usStays], { runs });
    const k = problem.objectives.findIndex((o) => o.label === 'attacks:total');
    const a = paired.objectives[k]?.[0] as Float64Array;
    const b = paired.objectives[k]?.[1] as Float64Array;
    const bIndependent = other.objectives[k]?.[0] as Float64Array;
    const pairedVariance = variance(b.map((v, i) => v - (a[i] as number)));
    const independentVariance = variance(bIndependent.map((v, i) => v - (a[i] as number)));
    if (process.env.DECIDE_PRINT) console.log({ pairedVariance, independentVariance, ratio: pairedVarianceRatio(a, b) });
    // With 30 runs a variance estimate is within a factor 2 of its expectation with high probability;
    // the measured gain is ×150–280 (40 runs), so a factor 5 is a safe floor.
    expect(independentVariance / pairedVariance).toBeGreaterThan(5);
    expect(pairedVarianceRatio(a, b)).toBeGreaterThan(5);
    // Costs do not depend on the future.
    const c = problem.objectives.findIndex((o) => o.label === 'cost');
    expect(new Set(paired.objectives[c]?.[1]).size).toBe(1);
  });
});

describe('robustnessMetrics', () => {
  it('robustnessMetrics gives the mean, worst-side quantile, regret against the best policy per future, and the satisficing share', () => {
    const metrics = robustnessMetrics([Float64Array.of(1, 0, 3, 5), Float64Array.of(2, 2, 2, 2)], { threshold: 2, quantile: 0.75 });
    expect(metrics[0]).toEqual({ mean: 2.25, quantile: 3.5, meanRegret: 1, maxRegret: 3, satisficing: 0.5 });
    expect(metrics[1]).toEqual({ mean: 2, quantile: 2, meanRegret: 0.75, maxRegret: 2, satisficing: 1 });
    const maximized = robustnessMetrics([Float64Array.of(1, 0, 3, 5), Float64Array.of(2, 2, 2, 2)], { direction: 'maximize', threshold: 2, quantile: 0.75 });
    expect(maximized[0]).toMatchObject({ quantile: 0.75, meanRegret: 0.75, maxRegret: 2, satisficing: 0.5 });
  });
});

describe('decide', () => {
  it('decide is deterministic, keeps the named policies, and marks as Pareto exactly the policies no other final policy dominates', async () => {
    const options = { runs: 4, finalRuns: 10, populationSize: 4, generations: 1, bootstrap: 5 };
    const a = await decide(policy, policy.scenario, options);
    const b = await decide(policy, policy.scenario, options);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(a.policies.slice(0, 3).map((p) => p.name)).toEqual(['status-quo', 'us-stays', 'everything']);
    expect(a.search.evaluations).toBe(8);
    const statistic = (p: (typeof a.policies)[number]) => p.metrics.map((m) => m.mean);
    for (const p of a.policies) {
      const dominated = a.policies.some((o) => o !== p && dominates(statistic(o), statistic(p)));
      expect(p.pareto).toBe(!dominated);
      for (const m of p.metrics) expect(m.meanRegret).toBeGreaterThanOrEqual(0);
    }
    // Some policy has zero regret in every future on cost: the cheapest.
    const costIndex = a.objectives.findIndex((o) => o.label === 'cost');
    expect(Math.min(...a.policies.map((p) => (p.metrics[costIndex] as { maxRegret: number }).maxRegret))).toBe(0);
  });
});
