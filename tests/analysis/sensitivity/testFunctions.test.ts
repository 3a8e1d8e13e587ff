import { describe, expect, it } from 'vitest';
import { ishigami, ishigamiIndices, sobolG, sobolGIndices } from '../../../src/analysis/sensitivity/index.js';

describe('ishigamiIndices', () => {
  it('ishigamiIndices(7, 0.1) are the published values (Saltelli et al. 2000)', () => {
    const { S1, ST, S2 } = ishigamiIndices();
    [0.3139, 0.4424, 0].forEach((v, j) => expect(S1[j]).toBeCloseTo(v, 4));
    [0.5576, 0.4424, 0.2437].forEach((v, j) => expect(ST[j]).toBeCloseTo(v, 4));
    expect(S2?.[0]?.[2]).toBeCloseTo(0.2437, 4);
  });

  it('ishigamiIndices sum to 1 and agree with a numerical variance of ishigami', () => {
    const { S1, S2 } = ishigamiIndices(5, 0.2);
    expect((S1[0] as number) + (S1[1] as number) + (S2?.[0]?.[2] as number)).toBeCloseTo(1, 14);
    // V by a 3-D midpoint rule on [−π, π]³ (the integrand is smooth and periodic in x1, x2:
    // the rule converges fast; 60³ points give 4 digits).
    const m = 60;
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) for (let k = 0; k < m; k++) {
      const x = [i, j, k].map((c) => -Math.PI + ((c + 0.5) * 2 * Math.PI) / m);
      const y = ishigami(x, 5, 0.2);
      sum += y;
      sumSq += y * y;
    }
    const N = m ** 3;
    const V = sumSq / N - (sum / N) ** 2;
    const V2 = 25 / 8; // a²/8
    expect(V2 / V).toBeCloseTo(S1[1] as number, 3);
  });

  it('ishigami evaluates the formula', () => {
    expect(ishigami([Math.PI / 2, Math.PI / 2, 1])).toBeCloseTo(8.1, 14);
    expect(ishigami([0, 0, 3])).toBe(0);
  });
});

describe('sobolGIndices', () => {
  it('sobolGIndices: each factor\'s variance is 1/(3(1 + a)²) by quadrature', () => {
    for (const a of [0, 1, 4.5, 99]) {
      const m = 100000;
      let sumSq = 0;
      for (let i = 0; i < m; i++) sumSq += sobolG([(i + 0.5) / m], [a]) ** 2;
      expect(sumSq / m - 1).toBeCloseTo(1 / (3 * (1 + a) ** 2), 8);
    }
  });

  it('sobolGIndices: S1 sums to less than 1 and ST exceeds S1 when inputs interact', () => {
    const { S1, ST } = sobolGIndices([0, 1, 4.5, 9]);
    const total = S1.reduce((s, x) => s + x, 0);
    expect(total).toBeLessThan(1);
    ST.forEach((st, j) => expect(st).toBeGreaterThan(S1[j] as number));
    // a = (0, 1): V1 = 1/3, V2 = 1/12, V = (4/3)(13/12) − 1 = 4/9, so S1 = (3/4, 3/16).
    const pair = sobolGIndices([0, 1]);
    expect(pair.S1[0]).toBeCloseTo(0.75, 14);
    expect(pair.S1[1]).toBeCloseTo(0.1875, 14);
  });

  it('sobolG evaluates the product', () => {
    expect(sobolG([0.5, 0.5], [0, 1])).toBe(0);
    expect(sobolG([1, 0], [0, 1])).toBe(3);
  });
});
