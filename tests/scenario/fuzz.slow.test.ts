// 10,000 seeded fuzz cases (npm run test:all); see fuzzScenarios.ts. The counts are printed for
// the hardening report (cases tried, rejected cleanly, accepted, simulated, crashed).
import { describe, expect, it } from 'vitest';
import { fuzzScenarios } from './fuzzScenarios.js';

describe('parseScenario under seeded fuzzing (slow)', () => {
  it('parseScenario never throws on 10,000 mutated scenarios and accepted ones run within bounds', () => {
    const counts = fuzzScenarios('fuzz-slow', 10_000, 10);
    process.stdout.write(`fuzz counts: ${JSON.stringify(counts)}\n`);
    expect(counts.tried).toBe(10_000);
    expect(counts.crashed).toBe(0);
    expect(counts.multiLineMessages).toBe(0);
    expect(counts.rejected).toBeGreaterThan(2_500);
  });
}, 600_000);
