// The scenario's `uncertainty` block: what it draws, from which streams (so common random
// numbers hold between arms), how `--uncertainty none` turns it off, and the documented judged
// distributions (centred on today's values, inside the plausible ranges, correlated as the
// article implies). Statistical checks use a fixed seed and tolerances derived from the sample
// size, stated beside each.
import { describe, expect, it } from 'vitest';
import { FACTORS_BY_ID } from '../../src/model/factors.js';
import { drawRunInputs, isUncertain } from '../../src/scenario/drawRunInputs.js';
import { formatIssues } from '../../src/scenario/issues.js';
import { JUDGED_FACTOR_CORRELATIONS, JUDGED_FACTOR_DISTRIBUTIONS } from '../../src/scenario/judgedFactorDistributions.js';
import { parseScenario, type ValidScenario } from '../../src/scenario/parseScenario.js';
import { resolveFactorSetting, truncateSchedule } from '../../src/scenario/resolveFactorSetting.js';
import { SHIPPED_SCENARIOS } from '../../src/scenario/shippedScenarios.js';
import { describeUncertainty, judgedSeries, withUncertaintyMode } from '../../src/scenario/uncertainty.js';

const base = { name: 'u', question: 'q?', start: '2020-05', months: 12 };
const honest = { parameters: 'posterior:mid-2020', factors: 'plausible' } as const;

function valid(input: unknown): ValidScenario {
  const result = parseScenario(input);
  if (!result.ok) throw new Error(formatIssues(result.issues));
  return result.value;
}

function spearman(x: readonly number[], y: readonly number[]): number {
  const rank = (values: readonly number[]) => {
    const order = values.map((value, i) => ({ value, i })).sort((a, b) => a.value - b.value);
    const out = new Array<number>(values.length);
    for (let start = 0; start < order.length; ) {
      let end = start;
      while (end + 1 < order.length && order[end + 1]?.value === order[start]?.value) end++;
      for (let k = start; k <= end; k++) out[(order[k] as { i: number }).i] = (start + end) / 2 + 1;
      start = end + 1;
    }
    return out;
  };
  const rx = rank(x);
  const ry = rank(y);
  const n = x.length;
  const m = (n + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += ((rx[i] as number) - m) * ((ry[i] as number) - m);
    sxx += ((rx[i] as number) - m) ** 2;
    syy += ((ry[i] as number) - m) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('parseScenario with an uncertainty block', () => {
  it('parseScenario resolves every shipped 2020 scenario to the mid-2020 posterior and the plausible judged factors', () => {
    for (const name of ['baseline-2020', 'us-stays', 'funding-cut', 'worst-case']) {
      const v = valid(SHIPPED_SCENARIOS[name]);
      expect(v.uncertainty?.posterior?.name, name).toBe('mid-2020');
      expect(v.uncertainty?.judged?.draws.length, name).toBe(JUDGED_FACTOR_DISTRIBUTIONS.length);
      expect(isUncertain(v), name).toBe(true);
    }
  });

  it('parseScenario keeps a factor the scenario sets: its judged draw is not applied', () => {
    const v = valid({ ...base, uncertainty: honest, factors: { warChest: 60 } });
    const applied = Object.fromEntries((v.uncertainty?.judged?.draws ?? []).map((d) => [d.distribution.id, d.applied]));
    expect(applied.warChest).toBe(false);
    expect(applied.extortionIncome).toBe(true);
    for (let run = 0; run < 20; run++) expect(drawRunInputs(v, 1, run).factors.warChest[0]).toBe(60);
  });

  it('parseScenario reports an unknown posterior with a suggestion, and a posterior given twice', () => {
    const unknown = parseScenario({ ...base, uncertainty: { parameters: 'posterior:mid-2021', factors: 'fixed' } });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) {
      expect(unknown.issues[0]?.path).toEqual(['uncertainty', 'parameters']);
      expect(unknown.issues[0]?.message).toMatch(/unknown posterior "mid-2021" \(did you mean "posterior:mid-2020"\?\)/);
    }
    const twice = parseScenario({ ...base, uncertainty: honest, parameters: { posterior: 'mid-2020' } });
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.issues[0]?.code).toBe('conflict');
    const typo = parseScenario({ ...base, uncertainty: { parameters: 'posterior:mid-2020', factors: 'plausibel' } });
    expect(typo.ok).toBe(false);
    if (!typo.ok) expect(typo.issues[0]?.path).toEqual(['uncertainty', 'factors']);
  });
});

describe('drawRunInputs with an uncertainty block', () => {
  it('drawRunInputs draws the same parameter row and judged quantiles in run i of two arms (common random numbers)', () => {
    const a = valid(SHIPPED_SCENARIOS['baseline-2020']);
    const b = valid(SHIPPED_SCENARIOS['us-stays']);
    // An arm with a distribution of its own consumes the 'inputs' stream; the block's draws do not move.
    const c = valid({ ...(SHIPPED_SCENARIOS['baseline-2020'] as object), factors: { campPopulation: { uniform: [50000, 70000] } } });
    let differentRows = 0;
    for (let run = 0; run < 30; run++) {
      const [x, y, z] = [drawRunInputs(a, 5, run), drawRunInputs(b, 5, run), drawRunInputs(c, 5, run)];
      expect(y.parameters, `run ${run}`).toEqual(x.parameters);
      expect(z.parameters, `run ${run}`).toEqual(x.parameters);
      for (const id of ['warChest', 'covidDiversion', 'sectarianTension'] as const) {
        expect(Array.from(y.factors[id]), `${id} run ${run}`).toEqual(Array.from(x.factors[id]));
        expect(Array.from(z.factors[id]), `${id} run ${run}`).toEqual(Array.from(x.factors[id]));
      }
      if (run > 0 && drawRunInputs(a, 5, run - 1).parameters.attackRate !== x.parameters.attackRate) differentRows++;
    }
    expect(differentRows).toBeGreaterThan(20); // rows do vary between runs
  });

  it('withUncertaintyMode "none" fixes every input: one nominal inputs object, parameters at their defaults', () => {
    const v = withUncertaintyMode(valid(SHIPPED_SCENARIOS['baseline-2020']), 'none');
    expect(isUncertain(v)).toBe(false);
    expect(v.scenario.uncertainty).toEqual({ parameters: 'fixed', factors: 'fixed' });
    expect(drawRunInputs(v, 1, 3)).toBe(drawRunInputs(v, 1, 4));
    expect(describeUncertainty(v).label).toMatch(/parameters FIXED and inputs FIXED/);
    // The file form re-parses to the same (workers re-parse `valid.scenario`).
    expect(isUncertain(valid(v.scenario))).toBe(false);
  });

  it('describeUncertainty names the posterior and the drawn factors', () => {
    const d = describeUncertainty(valid(SHIPPED_SCENARIOS['baseline-2020']));
    expect(d.parameters).toMatchObject({ drawn: true, source: 'posterior:mid-2020' });
    expect(d.factors.drawn).toBe(true);
    expect(d.factors.drawnFactors).toContain('warChest');
    expect(d.factors.drawnFactors).not.toContain('detaineesHeld'); // sourced (A): fixed
    expect(d.label).not.toMatch(/FIXED/);
  });

  it('drawRunInputs induces the article-implied rank correlations between judged factors (n = 1500, tolerance 4/√n)', () => {
    const v = valid({ ...base, uncertainty: { parameters: 'fixed', factors: 'plausible' } });
    const n = 1500;
    const draws = Array.from({ length: n }, (_, run) => drawRunInputs(v, 11, run).factors);
    // Month 6 holds the drawn scale or level of every factor used below (month 0 for the month-draws' ends).
    const at = (id: string) => draws.map((f) => (f as Record<string, Float64Array>)[id]?.[6] as number);
    for (const pair of JUDGED_FACTOR_CORRELATIONS.filter((p) => !p.factors.includes('usTroopsSyria'))) {
      const r = spearman(at(pair.factors[0]), at(pair.factors[1]));
      // Clipping and scaling keep ranks; the sd of Spearman's r is about 1/√n.
      expect(Math.abs(r - pair.rank), pair.factors.join('–')).toBeLessThan(4 / Math.sqrt(n));
    }
    expect(Math.abs(spearman(at('warChest'), at('sectarianTension')))).toBeLessThan(4 / Math.sqrt(n));
  });
});

describe('JUDGED_FACTOR_DISTRIBUTIONS', () => {
  it('JUDGED_FACTOR_DISTRIBUTIONS centres each judged factor on today\'s value, inside its plausible range', () => {
    const months = 36;
    for (const d of JUDGED_FACTOR_DISTRIBUTIONS) {
      const factor = FACTORS_BY_ID[d.id];
      const today = resolveFactorSetting(factor, truncateSchedule(factor.baseline, months), { months, path: [d.id] });
      if (!today.ok) throw new Error(d.id);
      const series = judgedSeries(d, months);
      expect(Array.from(series(0.5)), `${d.id} median`).toEqual(Array.from(today.values));
      for (const u of [0, 0.1, 0.9, 1]) {
        for (const value of series(u)) {
          expect(value, `${d.id} u=${u}`).toBeGreaterThanOrEqual(factor.range[0]);
          expect(value, `${d.id} u=${u}`).toBeLessThanOrEqual(factor.range[1]);
        }
      }
      expect(Array.from(series(0.02)), `${d.id} varies`).not.toEqual(Array.from(series(0.98)));
      expect(factor.source, `${d.id} is judged`).toMatch(/judgement|no independent source/i);
    }
  });
});

describe('resolveUncertainty with parameters the scenario fixes', () => {
  it('parseScenario leaves a parameter the scenario sets out of the drawn posterior rows', () => {
    const v = valid({ ...base, uncertainty: honest, parameters: { campEscapeRate: 0.001 } });
    expect(v.uncertainty?.posterior?.parameters).not.toContain('campEscapeRate');
    expect(v.uncertainty?.posterior?.parameters).toContain('attackRate');
    for (let run = 0; run < 10; run++) expect(drawRunInputs(v, 2, run).parameters.campEscapeRate).toBe(0.001);
  });
});
