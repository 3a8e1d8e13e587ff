import { describe, expect, it } from 'vitest';
import { holmRejections } from '../../src/calibration/holmRejections.js';
import { createRunStream } from '../../src/rng/createRunStream.js';

describe('holmRejections', () => {
  it("holmRejections: R's p.adjust(c(0.01, 0.04, 0.03, 0.005), 'holm') is 0.03 0.06 0.06 0.02, so at 0.05 the first and the last are rejected", () => {
    expect(holmRejections([0.01, 0.04, 0.03, 0.005], 0.05)).toEqual([0, 3]);
    // Step-down: it stops at the first p-value that passes, even if a later one would not.
    expect(holmRejections([0.001, 0.04, 0.03, 0.2], 0.05)).toEqual([0]);
    expect(holmRejections([0.2, 0.5], 0.05)).toEqual([]);
    expect(holmRejections([], 0.05)).toEqual([]);
    expect(() => holmRejections([0.1], 0)).toThrow('invalid level: 0');
  });

  it('holmRejections: with 44 true nulls (independent uniform p-values) it rejects any in at most 1% of 4,000 families (4 SE), where one test per quantity at 0.01 rejects in about 36%', () => {
    const random = createRunStream('holm', 0, 'test');
    const families = 4000;
    let any = 0;
    let anyUnadjusted = 0;
    for (let f = 0; f < families; f++) {
      const p = Array.from({ length: 44 }, () => random());
      if (holmRejections(p, 0.01).length > 0) any++;
      if (p.some((value) => value < 0.01)) anyUnadjusted++;
    }
    const se = Math.sqrt((0.01 * 0.99) / families);
    expect(any / families).toBeLessThan(0.01 + 4 * se);
    const expected = 1 - 0.99 ** 44;
    expect(Math.abs(anyUnadjusted / families - expected)).toBeLessThan(4 * Math.sqrt((expected * (1 - expected)) / families));
  });
});
