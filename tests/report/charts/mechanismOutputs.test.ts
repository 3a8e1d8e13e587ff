import { describe, expect, it } from 'vitest';
import { MECHANISMS } from '../../../src/model/mechanisms.js';
import { OBSERVABLE_IDS } from '../../../src/model/observables.js';
import { MECHANISM_OUTPUTS } from '../../../src/report/charts/mechanismOutputs.js';

describe('MECHANISM_OUTPUTS', () => {
  it('MECHANISM_OUTPUTS covers every mechanism with at least one observable, and only known observables', () => {
    expect(Object.keys(MECHANISM_OUTPUTS).sort()).toEqual(Object.keys(MECHANISMS).sort());
    for (const outputs of Object.values(MECHANISM_OUTPUTS)) {
      expect(outputs.length).toBeGreaterThan(0);
      for (const id of outputs) expect(OBSERVABLE_IDS).toContain(id);
      expect(new Set(outputs).size).toBe(outputs.length);
    }
  });

  it('MECHANISM_OUTPUTS reaches every observable', () => {
    const reached = new Set(Object.values(MECHANISM_OUTPUTS).flat());
    for (const id of OBSERVABLE_IDS) expect(reached.has(id), id).toBe(true);
  });
});
