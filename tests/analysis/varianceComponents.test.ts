// The variance split on a toy model with a known answer: Y = a·P + b·F + c·P·F + s·ε with P, F,
// ε independent standard normals, so Var(E[Y|P]) = a², Var(E[Y|F]) = b², the interaction c²
// and the noise s². Tolerances come from the sampling error of a variance component with n
// levels: relative sd ≈ √(2/(n − 1)); we use 4 of them (about 1 in 15,000 to fail by chance).
import { describe, expect, it } from 'vitest';
import { varianceComponents } from '../../src/analysis/varianceComponents.js';
import { createRunStream } from '../../src/rng/createRunStream.js';
import { normalQuantile } from '../../src/math/normalQuantile.js';

function toy(a: number, b: number, c: number, s: number, design: { parameterDraws: number; inputDraws: number; replicates: number }, seed: number): Float64Array {
  const random = createRunStream(seed, 0, 'toy');
  const normal = () => normalQuantile(Math.min(1 - 1e-12, Math.max(1e-12, random())));
  const P = Array.from({ length: design.parameterDraws }, normal);
  const F = Array.from({ length: design.inputDraws }, normal);
  const values = new Float64Array(design.parameterDraws * design.inputDraws * design.replicates);
  for (let i = 0; i < P.length; i++) {
    for (let j = 0; j < F.length; j++) {
      for (let k = 0; k < design.replicates; k++) {
        values[(i * F.length + j) * design.replicates + k] = a * (P[i] as number) + b * (F[j] as number) + c * (P[i] as number) * (F[j] as number) + s * normal();
      }
    }
  }
  return values;
}

describe('varianceComponents', () => {
  it('varianceComponents recovers a known split on a toy model (parameters 1, inputs 4, interaction 0.25, noise 0.5)', () => {
    const design = { parameterDraws: 200, inputDraws: 200, replicates: 3 };
    const split = varianceComponents(toy(1, 2, 0.5, Math.SQRT1_2, design, 7), design);
    const tolerance = (truth: number, levels: number) => 4 * truth * Math.sqrt(2 / (levels - 1));
    expect(Math.abs(split.parameters - 1)).toBeLessThan(tolerance(1, 200));
    expect(Math.abs(split.inputs - 4)).toBeLessThan(tolerance(4, 200));
    expect(Math.abs(split.interaction - 0.25)).toBeLessThan(tolerance(0.25, 200));
    expect(Math.abs(split.noise - 0.5)).toBeLessThan(tolerance(0.5, 200 * 200));
    expect(split.total).toBeCloseTo(split.parameters + split.inputs + split.interaction + split.noise, 12);
  });

  it('varianceComponents gives no parameter share when the output ignores the parameters', () => {
    const design = { parameterDraws: 50, inputDraws: 50, replicates: 2 };
    const split = varianceComponents(toy(0, 1, 0, 0.1, design, 8), design);
    // With a = c = 0 the parameter and interaction estimates are sampling noise around 0 (clipped at 0).
    expect(split.parameters).toBeLessThan(0.05 * split.inputs);
    expect(split.interaction).toBeLessThan(0.05 * split.inputs);
  });

  it('varianceComponents rejects a design that does not match the values', () => {
    expect(() => varianceComponents(new Float64Array(10), { parameterDraws: 2, inputDraws: 2, replicates: 2 })).toThrow('invalid values: length 10 (expected 2 × 2 × 2 = 8)');
    expect(() => varianceComponents(new Float64Array(4), { parameterDraws: 1, inputDraws: 2, replicates: 2 })).toThrow('invalid parameterDraws: 1');
  });
});

describe('varianceComponents with a source not drawn', () => {
  it('varianceComponents gives exactly 0 to a source that was not drawn and recovers the other (one-way ANOVA)', () => {
    const design = { parameterDraws: 100, inputDraws: 20, replicates: 2 };
    // Y = 2F + noise 0.5²: the parameter "draws" are replicates.
    const split = varianceComponents(toy(0, 2, 0, 0.5, design, 9), design, { parameters: false, inputs: true });
    expect(split.parameters).toBe(0);
    expect(split.interaction).toBe(0);
    expect(Math.abs(split.inputs - 4)).toBeLessThan(4 * 4 * Math.sqrt(2 / 19));
    expect(Math.abs(split.noise - 0.25)).toBeLessThan(4 * 0.25 * Math.sqrt(2 / 3980));
    const none = varianceComponents(toy(0, 0, 0, 1, design, 10), design, { parameters: false, inputs: false });
    expect(none.parameters + none.inputs + none.interaction).toBe(0);
    expect(Math.abs(none.noise - 1)).toBeLessThan(4 * Math.sqrt(2 / 3999));
  });
});
