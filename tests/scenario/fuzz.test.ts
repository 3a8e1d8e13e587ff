// A few hundred seeded fuzz cases in npm test; 10,000 in fuzz.slow.test.ts. See fuzzScenarios.ts.
import { describe, expect, it } from 'vitest';
import { fuzzScenarios } from './fuzzScenarios.js';

describe('parseScenario under seeded fuzzing', () => {
  it('parseScenario never throws on 400 mutated scenarios, rejects with one-line issues, and accepted ones run within bounds', () => {
    const counts = fuzzScenarios('fuzz-fast', 400, 10);
    expect(counts.tried).toBe(400);
    expect(counts.crashed).toBe(0);
    expect(counts.multiLineMessages).toBe(0);
    expect(counts.rejected + counts.accepted).toBe(400);
    // Both outcomes occur, so each invariant was exercised.
    expect(counts.rejected).toBeGreaterThan(100);
    expect(counts.simulated).toBeGreaterThan(0);
  });
});
