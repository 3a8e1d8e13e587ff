// A starting strength known only as a range (`initialState.fightersRange`): each run draws its
// total log-uniformly from it, from a stream of its own. Statistical checks use a fixed seed and
// tolerances derived from the number of runs, stated beside each.
import { describe, expect, it } from 'vitest';
import { createInitialState } from '../../src/model/state.js';
import { decomposeVariance } from '../../src/experiment/varianceDecomposition.js';
import { drawRunInputs, isUncertain } from '../../src/scenario/drawRunInputs.js';
import type { ValidScenario } from '../../src/scenario/parseScenario.js';
import { drawStartingFighters } from '../../src/scenario/startingFighters.js';
import { describeUncertainty } from '../../src/scenario/uncertainty.js';
import { issuesOf, valid } from './parsed.js';

const base = { name: 'range', question: 'q?', start: '2020-05', months: 6 };
const byArea = { 'IQ-BGD': 2000, 'IQ-DIY': 1600, 'IQ-NIN': 1400, 'IQ-ANB': 1200, 'IQ-SAD': 1000, 'IQ-KRK': 400, 'IQ-BAB': 400 };


/** The total fighters a run starts with. */
function startingTotal(scenario: ValidScenario, run: number, seed = 7): number {
  const inputs = drawRunInputs(scenario, seed, run);
  const state = createInitialState(inputs);
  return state.cellFighters.subarray(0, state.cellCount).reduce((sum, count) => sum + count, 0);
}

describe('drawStartingFighters', () => {
  it('maps u to low · (high/low)^u: the ends at 0 and 1, the geometric mean at 1/2', () => {
    expect(drawStartingFighters({ totalFighters: 8000 }, [5000, 12000], 0).totalFighters).toBe(5000);
    expect(drawStartingFighters({ totalFighters: 8000 }, [5000, 12000], 1).totalFighters).toBe(12000);
    expect(drawStartingFighters({ totalFighters: 8000 }, [5000, 12000], 0.5).totalFighters).toBe(Math.round(Math.sqrt(5000 * 12000)));
    expect(drawStartingFighters(undefined, [300, 300], 0.9).totalFighters).toBe(300);
  });

  it('scales fighters given per area in proportion, each rounded, and keeps the other fields', () => {
    const column = new Float64Array([2000, 1000, 0, 500]);
    const drawn = drawStartingFighters({ fightersByArea: column, reservesUsd: 5e6 }, [1750, 7000], 1);
    expect(Array.from(drawn.fightersByArea as Float64Array)).toEqual([4000, 2000, 0, 1000]);
    expect(drawn.reservesUsd).toBe(5e6);
    expect(drawn.totalFighters).toBeUndefined();
    expect(Array.from(column)).toEqual([2000, 1000, 0, 500]); // the scenario's own column is untouched
  });
});

describe('initialState.fightersRange', () => {
  it('is checked: low ≤ high, and the nominal start inside it, each with its path', () => {
    const inverted = issuesOf({ ...base, initialState: { fighters: 8000, fightersRange: [12000, 5000] } });
    expect(inverted.map((issue) => [issue.code, issue.path.join('.')])).toEqual([['inverted-range', 'initialState.fightersRange']]);
    const outside = issuesOf({ ...base, initialState: { fighters: byArea, fightersRange: [9000, 12000] } });
    expect(outside[0]?.code).toBe('outside-range');
    expect(outside[0]?.message).toContain('8000, summed over areas');
    // Without `fighters`, the default start (the initialFighters parameter) must lie in the range.
    const defaultStart = issuesOf({ ...base, initialState: { fightersRange: [100, 200] } });
    expect(defaultStart[0]?.message).toContain('the default start');
    expect(issuesOf({ ...base, initialState: { fighters: 8000, fightersRange: [0, 9000] } })[0]?.path.join('.')).toBe('initialState.fightersRange.0');
  });

  it("counts its high end against the work budget", () => {
    const issues = issuesOf({ ...base, initialState: { fighters: 100_000, fightersRange: [100_000, 200_000] }, events: [{ kind: 'foreignFighters', month: 1, area: 'IQ-ANB', fighters: 1000 }] });
    expect(issues.map((issue) => issue.path.join('.'))).toContain('initialState.fighters');
  });

  it('makes the inputs differ between runs, reproducibly, and says so in what the bands include', () => {
    const scenario = valid({ ...base, initialState: { fighters: byArea, fightersRange: [5000, 12000] } });
    expect(isUncertain(scenario)).toBe(true);
    const totals = Array.from({ length: 20 }, (_, run) => startingTotal(scenario, run));
    expect(new Set(totals).size).toBeGreaterThan(15);
    expect(Array.from({ length: 20 }, (_, run) => startingTotal(scenario, run))).toEqual(totals);
    for (const total of totals) {
      expect(total).toBeGreaterThanOrEqual(5000 - 7); // seven areas, each rounded
      expect(total).toBeLessThanOrEqual(12000 + 7);
    }
    const described = describeUncertainty(scenario);
    expect(described.factors.drawn).toBe(true);
    expect(described.factors.drawnInputs).toEqual(['initialState.fightersRange']);
    expect(described.label).not.toContain('inputs FIXED');
    expect(describeUncertainty(valid({ ...base, initialState: { fighters: byArea } })).label).toContain('inputs FIXED');
  });

  it('draws the log of the total uniformly over [log low, log high] (Kolmogorov–Smirnov, 2,000 runs)', () => {
    const scenario = valid({ ...base, initialState: { fighters: 8000, fightersRange: [5000, 12000] } });
    const n = 2000;
    const positions = Array.from({ length: n }, (_, run) => {
      const total = drawRunInputs(scenario, 2026, run).initialState?.totalFighters as number;
      return Math.log(total / 5000) / Math.log(12000 / 5000);
    }).sort((a, b) => a - b);
    let distance = 0;
    positions.forEach((x, i) => {
      distance = Math.max(distance, Math.abs((i + 1) / n - x), Math.abs(x - i / n));
    });
    // Critical value at α = 0.001: 1.95 / √n = 0.044; rounding to whole fighters moves x by < 1e-4.
    expect(distance).toBeLessThan(1.95 / Math.sqrt(n));
    // A uniform draw on the counts (not the logs) would put the median at 8,500, not √(5,000·12,000) ≈ 7,746.
    const median = 5000 * Math.pow(12000 / 5000, positions[n / 2] as number);
    expect(Math.abs(median - 7746)).toBeLessThan(8500 - 7746);
  });

  it('keeps run i\'s starting strength when the arm changes another input (common random numbers)', () => {
    const arm = { ...base, initialState: { fighters: 8000, fightersRange: [5000, 12000] } };
    const plain = valid(arm);
    const other = valid({ ...arm, factors: { warChest: { uniform: [50, 150] } }, uncertainty: { parameters: 'posterior:mid-2020', factors: 'plausible' } });
    for (let run = 0; run < 10; run++) {
      expect(drawRunInputs(other, 3, run).initialState?.totalFighters).toBe(drawRunInputs(plain, 3, run).initialState?.totalFighters);
    }
  });

  it('is an input in the variance decomposition: with fixed parameters all between-draw variance of month 0 fighters is the inputs\'', () => {
    const scenario = { ...base, months: 2, initialState: { fighters: 8000, fightersRange: [5000, 12000] } };
    const split = decomposeVariance(scenario, { parameterDraws: 3, inputDraws: 4, replicates: 2, seed: 1 });
    const first = split.components.fighters?.[0];
    expect(first?.inputs).toBeGreaterThan(0);
    expect(first?.parameters).toBe(0);
    expect(split.uncertainty.factors.drawnInputs).toEqual(['initialState.fightersRange']);
  });
});
