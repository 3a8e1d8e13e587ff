import { describe, expect, it } from 'vitest';
import { arrestProbabilityTable, estimatedArrestProbability, EPSTEIN_ARREST_CONSTANT } from '../../../src/model/civilViolence/index.js';

const k = EPSTEIN_ARREST_CONSTANT;

describe('estimatedArrestProbability', () => {
  it('estimatedArrestProbability is about 0.9 for one cop and one active (the citizen herself), the calibration of k = 2.3', () => {
    const p = estimatedArrestProbability(1, 1, { k, rounding: 'exact' });
    expect(p).toBeCloseTo(1 - Math.exp(-2.3), 15);
    expect(p).toBeGreaterThan(0.89);
    expect(p).toBeLessThan(0.91);
  });

  it('estimatedArrestProbability with floor is zero whenever actives outnumber cops, as in NetLogo', () => {
    for (let cops = 0; cops <= 20; cops++) {
      for (let actives = cops + 1; actives <= 25; actives++) {
        expect(estimatedArrestProbability(cops, actives, { k, rounding: 'floor' })).toBe(0);
      }
      expect(estimatedArrestProbability(cops, 1, { k, rounding: 'floor' })).toBe(1 - Math.exp(-k * cops));
    }
    expect(estimatedArrestProbability(5, 2, { k, rounding: 'floor' })).toBe(1 - Math.exp(-k * 2));
  });

  it('estimatedArrestProbability with round rounds C/A half to even, as Python round in Mesa', () => {
    const r = (c: number, a: number) => -Math.log(1 - estimatedArrestProbability(c, a, { k, rounding: 'round' })) / k;
    expect(r(1, 2)).toBeCloseTo(0, 12); // 0.5 → 0
    expect(r(3, 2)).toBeCloseTo(2, 12); // 1.5 → 2
    expect(r(5, 2)).toBeCloseTo(2, 12); // 2.5 → 2
    expect(r(7, 2)).toBeCloseTo(4, 12); // 3.5 → 4
    expect(r(2, 3)).toBeCloseTo(1, 12); // 0.667 → 1
    expect(r(1, 3)).toBeCloseTo(0, 12); // 0.333 → 0
  });

  it('estimatedArrestProbability exact follows the printed formula 1 − exp(−k·C/A)', () => {
    expect(estimatedArrestProbability(3, 4, { k, rounding: 'exact' })).toBeCloseTo(1 - Math.exp((-k * 3) / 4), 15);
  });

  it('estimatedArrestProbability rejects A < 1 (the citizen counts herself)', () => {
    expect(() => estimatedArrestProbability(1, 0, { k, rounding: 'floor' })).toThrow(/invalid activesCountingSelf: 0/);
  });
});

describe('arrestProbabilityTable', () => {
  it('arrestProbabilityTable holds the function at C·(m + 2) + A for every C ≤ m and 1 ≤ A ≤ m + 1', () => {
    const m = 12;
    for (const rounding of ['floor', 'round', 'exact'] as const) {
      const table = arrestProbabilityTable(m, { k, rounding });
      for (let c = 0; c <= m; c++) {
        for (let a = 1; a <= m + 1; a++) expect(table[c * (m + 2) + a]).toBe(estimatedArrestProbability(c, a, { k, rounding }));
      }
    }
  });
});
