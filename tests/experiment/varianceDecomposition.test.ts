// decomposeVariance on the model: the sources a scenario does not draw get no variance, and the
// library, table and chart agree. Small designs keep this fast (2 × 2 × 2 = 8 runs, 3 × 3 × 2 = 18).
import { describe, expect, it } from 'vitest';
import { decomposeVariance } from '../../src/experiment/varianceDecomposition.js';
import { formatVarianceDecomposition } from '../../src/report/formatVarianceDecomposition.js';
import { varianceChart } from '../../src/report/charts/varianceChart.js';
import { SHIPPED_SCENARIOS } from '../../src/scenario/shippedScenarios.js';

const short = { ...(SHIPPED_SCENARIOS['baseline-2020'] as object), months: 8 };

describe('decomposeVariance', () => {
  it('decomposeVariance gives no parameter or input variance when nothing is drawn (--uncertainty none)', () => {
    const d = decomposeVariance(short, { parameterDraws: 2, inputDraws: 2, replicates: 2, seed: 1, uncertainty: 'none' });
    expect(d.design.runs).toBe(8);
    for (const c of d.components.fighters ?? []) {
      expect(c.parameters).toBe(0);
      expect(c.inputs).toBe(0);
      expect(c.interaction).toBe(0);
      expect(c.total).toBe(c.noise);
    }
    expect(d.uncertainty.parameters.drawn).toBe(false);
  });

  it('decomposeVariance puts most of the variance of fighters at month 7 outside the model noise when inputs and parameters are drawn', () => {
    const d = decomposeVariance(short, { parameterDraws: 3, inputDraws: 3, replicates: 2, seed: 1 });
    const c = d.components.fighters?.[7];
    if (!c) throw new Error('no fighters');
    expect(c.parameters + c.inputs + c.interaction).toBeGreaterThan(c.noise);
    expect(d.months[7]).toBe('2020-12');
    const table = formatVarianceDecomposition(d, { observables: ['fighters'], months: [7] });
    expect(table).toMatch(/fighters\s+2020-12/);
    expect(table).toContain('3 parameter draws × 3 input draws × 2 replicates = 18 runs');
    const svg = varianceChart(d, { observable: 'fighters' });
    expect(svg).toContain('Where the variance of fighters comes from');
    expect(svg).toContain("model's own randomness");
  });

  it('decomposeVariance rejects a design with fewer than two draws of a source', () => {
    expect(() => decomposeVariance(short, { parameterDraws: 1 })).toThrow('invalid parameterDraws: 1 (expected an integer ≥ 2)');
  });
});
