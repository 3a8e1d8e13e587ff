// `parameterScales`: a parameter multiplied per run by a log-uniform factor, on top of its value
// set or drawn from a posterior (transport to a period the parameters were not fitted on).
// Statistical checks use a fixed seed and a tolerance from the number of runs, stated beside it.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMETERS } from '../../src/model/parameters.js';
import { drawRunInputs, isUncertain } from '../../src/scenario/drawRunInputs.js';
import type { ValidScenario } from '../../src/scenario/parseScenario.js';
import { describeUncertainty } from '../../src/scenario/uncertainty.js';
import { issuesOf, valid } from './parsed.js';
import { bandLabel } from '../../src/report/bandLabel.js';

const base = { name: 'scales', question: 'q?', start: '2020-05', months: 6 };


describe('parameterScales', () => {
  it('is checked: a known parameter (with its path), positive bounds, low ≤ high', () => {
    expect(issuesOf({ ...base, parameterScales: { attackRate: [4, 2] } }).map((issue) => [issue.code, issue.path.join('.')])).toEqual([['inverted-range', 'parameterScales.attackRate']]);
    const misspelt = issuesOf({ ...base, parameterScales: { atackRate: [1, 2] } })[0];
    expect(misspelt?.path.join('.')).toBe('parameterScales.atackRate');
    expect(misspelt?.message).toBe('unknown parameter "atackRate" (did you mean "attackRate"?)');
    expect(issuesOf({ ...base, parameterScales: { attackRate: [0, 2] } })[0]?.path.join('.')).toBe('parameterScales.attackRate.0');
  });

  it('multiplies the value set in the scenario by a log-uniform factor per run (Kolmogorov–Smirnov, 2,000 runs)', () => {
    const scenario = valid({ ...base, parameters: { attackRate: 0.05 }, parameterScales: { attackRate: [1, 16] } });
    expect(isUncertain(scenario)).toBe(true);
    const n = 2000;
    const positions = Array.from({ length: n }, (_, run) => Math.log(drawRunInputs(scenario, 11, run).parameters.attackRate / 0.05) / Math.log(16)).sort((a, b) => a - b);
    expect(positions[0]).toBeGreaterThanOrEqual(0);
    expect(positions[n - 1]).toBeLessThanOrEqual(1);
    let distance = 0;
    positions.forEach((x, i) => (distance = Math.max(distance, Math.abs((i + 1) / n - x), Math.abs(x - i / n))));
    expect(distance).toBeLessThan(1.95 / Math.sqrt(n)); // α = 0.001
    expect(drawRunInputs(scenario, 11, 5).parameters.attackRate).toBe(drawRunInputs(scenario, 11, 5).parameters.attackRate);
    // Other parameters are untouched; an integer one is rounded.
    expect(drawRunInputs(scenario, 11, 5).parameters.claimShare).toBe(DEFAULT_PARAMETERS.claimShare);
    const integer = valid({ ...base, parameterScales: { fightersPerCell: [1, 3] } });
    expect(Number.isInteger(drawRunInputs(integer, 1, 0).parameters.fightersPerCell)).toBe(true);
  });

  it('scales each run\'s posterior row, which stays the row drawn without the scales (common random numbers)', () => {
    const uncertainty = { parameters: 'posterior:mid-2020', factors: 'fixed' };
    const plain = valid({ ...base, uncertainty });
    const scaled = valid({ ...base, uncertainty, parameterScales: { attackRate: [2, 8] } });
    for (let run = 0; run < 20; run++) {
      const before = drawRunInputs(plain, 4, run).parameters;
      const after = drawRunInputs(scaled, 4, run).parameters;
      const ratio = after.attackRate / before.attackRate;
      expect(ratio).toBeGreaterThanOrEqual(2);
      expect(ratio).toBeLessThanOrEqual(8);
      expect(after.lieLowPressure).toBe(before.lieLowPressure);
    }
  });

  it('says so in what the bands include', () => {
    const scenario = valid({ ...base, parameterScales: { attackRate: [1, 16] } });
    const described = describeUncertainty(scenario);
    expect(described.parameters.scaled).toEqual(['attackRate ×1–16']);
    expect(described.label).toContain('attackRate ×1–16 per run (parameterScales)');
    expect(described.label).not.toContain('parameters FIXED');
    expect(bandLabel([described])).toBe('run-to-run randomness + attackRate ×1–16; inputs FIXED');
  });
});
