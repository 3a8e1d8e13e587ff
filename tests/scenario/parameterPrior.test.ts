// Prior-predictive runs: "parameters": "prior:<name>" draws each run's parameters from the priors
// a shipped posterior was fitted from (its file's `priors`), instead of a posterior row.
import { describe, expect, it } from 'vitest';
import { drawRunInputs, isUncertain } from '../../src/scenario/drawRunInputs.js';
import { formatIssues } from '../../src/scenario/issues.js';
import { priorQuantile, resolvePrior } from '../../src/scenario/parameterPrior.js';
import { parseScenario, type ValidScenario } from '../../src/scenario/parseScenario.js';
import type { PosteriorSamples } from '../../src/scenario/posterior.js';
import { SHIPPED_POSTERIORS } from '../../src/scenario/shippedPosteriors.js';
import { describeUncertainty } from '../../src/scenario/uncertainty.js';

const base = { name: 'p', question: 'q?', start: '2020-05', months: 12 };

function valid(input: unknown): ValidScenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(formatIssues(parsed.issues, 'test'));
  return parsed.value;
}

describe('priorQuantile', () => {
  it('priorQuantile: uniform is linear in u, log-uniform is linear in ln x (u = 0.5 gives the geometric mean), both end at their bounds', () => {
    expect(priorQuantile({ kind: 'uniform', lower: 0, upper: 0.02 }, 0.25)).toBeCloseTo(0.005, 15);
    expect(priorQuantile({ kind: 'log-uniform', lower: 0.01, upper: 0.1 }, 0.5)).toBeCloseTo(Math.sqrt(0.001), 15);
    expect(priorQuantile({ kind: 'log-uniform', lower: 0.05, upper: 0.8 }, 0)).toBe(0.05);
    expect(priorQuantile({ kind: 'log-uniform', lower: 0.05, upper: 0.8 }, 1)).toBe(0.8);
  });
});

describe('resolvePrior', () => {
  const path = ['uncertainty', 'parameters'];
  it('resolvePrior: takes the shipped posterior\'s recorded priors, column by column, leaving out the columns the scenario fixes', () => {
    const r = resolvePrior(SHIPPED_POSTERIORS['mid-2020']!, 'mid-2020', new Set(['recruitRate']), path);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const columns = SHIPPED_POSTERIORS['mid-2020']!.parameters;
    expect(columns.slice(0, 5)).toEqual(['attackRate', 'hideThreshold', 'detectionScale', 'recruitRate', 'campEscapeRate']);
    expect(r.value.parameters).toEqual(columns.filter((id) => id !== 'recruitRate'));
    expect(r.value.priors[0]).toEqual({ kind: 'log-uniform', lower: 0.01, upper: 0.1 });
  });

  it('resolvePrior: a clear issue for no priors, a missing column, an undrawable kind and reversed bounds', () => {
    const sample = (priors?: unknown): PosteriorSamples => ({ parameters: ['attackRate', 'recruitRate'], samples: [[0.03, 0.2]], source: 't', ...(priors === undefined ? {} : { priors }) }) as PosteriorSamples;
    const messages = (priors?: unknown) => {
      const r = resolvePrior(sample(priors), 'x', new Set(), path);
      return r.ok ? [] : r.issues.map((i) => i.message);
    };
    expect(messages()).toEqual(['posterior "x" records no priors, so "prior:x" cannot draw from them']);
    expect(messages({ attackRate: { kind: 'uniform', lower: 0.01, upper: 0.1 } })).toEqual(['posterior "x" records no prior for its column "recruitRate"']);
    expect(messages({ attackRate: { kind: 'truncated-normal', lower: 0.01, upper: 0.1 }, recruitRate: { kind: 'log-uniform', lower: 0.8, upper: 0.05 } })).toEqual([
      'prior kind "truncated-normal" cannot be drawn here (expected "uniform" or "log-uniform")',
      'prior bounds [0.8, 0.05] are not lower < upper with lower > 0',
    ]);
  });
});

describe('"parameters": "prior:<name>" in a scenario', () => {
  it('parseScenario: an unknown name gets a "did you mean" in the prior form; a malformed value names the three forms', () => {
    const typo = parseScenario({ ...base, uncertainty: { parameters: 'prior:mid-202', factors: 'fixed' } });
    expect(typo.ok).toBe(false);
    if (!typo.ok) expect(typo.issues[0]!.message).toContain('did you mean "prior:mid-2020"?');
    const malformed = parseScenario({ ...base, uncertainty: { parameters: 'priors:mid-2020', factors: 'fixed' } });
    expect(malformed.ok).toBe(false);
    if (!malformed.ok) expect(malformed.issues[0]!.message).toContain('expected "fixed", "posterior:<name>" or "prior:<name>"');
  });

  it('drawRunInputs: each run draws every column from its prior (n = 2,000: the log-uniform attackRate uniform in ln x, the uniform campEscapeRate uniform), reproducibly, and a column the scenario sets keeps its value', () => {
    const scenario = valid({ ...base, uncertainty: { parameters: 'prior:mid-2020', factors: 'fixed' }, parameters: { recruitRate: 0.3 } });
    expect(isUncertain(scenario)).toBe(true);
    const n = 2000;
    let sumLog = 0;
    let sumEscape = 0;
    let outside = 0;
    for (let run = 0; run < n; run++) {
      const p = drawRunInputs(scenario, 11, run).parameters;
      const u = Math.log(p.attackRate / 0.01) / Math.log(10);
      if (u < 0 || u > 1 || p.campEscapeRate < 0 || p.campEscapeRate > 0.02) outside++;
      sumLog += u;
      sumEscape += p.campEscapeRate / 0.02;
      expect(p.recruitRate).toBe(0.3);
    }
    expect(outside).toBe(0);
    // The mean of n uniforms has standard deviation 1/sqrt(12 n) = 0.0065: 4 of them.
    const tolerance = 4 / Math.sqrt(12 * n);
    expect(Math.abs(sumLog / n - 0.5)).toBeLessThan(tolerance);
    expect(Math.abs(sumEscape / n - 0.5)).toBeLessThan(tolerance);
    expect(drawRunInputs(scenario, 11, 7).parameters).toEqual(drawRunInputs(scenario, 11, 7).parameters);
    expect(drawRunInputs(scenario, 11, 7).parameters.attackRate).not.toBe(drawRunInputs(scenario, 11, 8).parameters.attackRate);
  });

  it('describeUncertainty: the bands say the parameters come from the prior, with its columns', () => {
    const d = describeUncertainty(valid({ ...base, uncertainty: { parameters: 'prior:mid-2020', factors: 'fixed' } }));
    expect(d.parameters).toEqual({ drawn: true, source: 'prior:mid-2020', columns: SHIPPED_POSTERIORS['mid-2020']!.parameters });
    expect(d.label).toBe('run-to-run randomness + parameters drawn from prior mid-2020 (inputs FIXED)');
  });
});
