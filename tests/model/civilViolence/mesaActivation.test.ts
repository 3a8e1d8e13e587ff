import { describe, expect, it } from 'vitest';
import { runOnce } from '../../../src/experiment/runOnce.js';
import { civilViolenceInputs, civilViolenceModel, EMPTY_CELL, MESA_DEFAULTS, type CivilViolenceState } from '../../../src/model/civilViolence/index.js';
import { streamsFor } from './helpers.js';

const MESA = { ...MESA_DEFAULTS, activation: 'mesa' as const };

/** What breaks Mesa's invariants: one agent per cell, everyone on the grid, jailed never active, counts. */
function brokenMesaInvariants(state: CivilViolenceState, row: Float64Array): string[] {
  const broken: string[] = [];
  const [quiescent, active, jailed] = [row[0] as number, row[1] as number, row[2] as number];
  if (quiescent + active + jailed !== state.citizens) broken.push(`counts sum to ${quiescent + active + jailed}, not ${state.citizens}`);
  let jailedFlags = 0;
  let activeFlags = 0;
  for (let agent = 0; agent < state.agents; agent++) {
    const cell = state.position[agent] as number;
    if (cell < 0 || state.grid[cell] !== agent) broken.push(`agent ${agent} not on its cell ${cell}`);
    if (agent < state.citizens) {
      if (state.jailed[agent] === 1) {
        jailedFlags++;
        if (state.active[agent] === 1) broken.push(`jailed citizen ${agent} active`);
      }
      activeFlags += state.active[agent] as number;
    }
  }
  let occupied = 0;
  for (let cell = 0; cell < state.cells; cell++) if (state.grid[cell] !== EMPTY_CELL) occupied++;
  if (occupied !== state.agents) broken.push(`${occupied} occupied cells for ${state.agents} agents`);
  if (jailedFlags !== jailed) broken.push(`${jailedFlags} jailed flags, ${jailed} reported jailed`);
  if (activeFlags !== active) broken.push(`${activeFlags} active flags, ${active} reported active`);
  return broken;
}

describe("civilViolenceModel with activation 'mesa'", () => {
  it("civilViolenceModel 'mesa' keeps jailed citizens on their cells: every agent on the grid every tick, jailed never active", () => {
    const inputs = civilViolenceInputs({ ...MESA, ticks: 60, legitimacy: 0.7, maxJailTerm: 5 });
    const state = civilViolenceModel.initialize(inputs);
    const random = streamsFor(16, 0);
    const row = new Float64Array(5);
    let sawJailed = false;
    let sawRelease = false;
    let previousJailed = 0;
    for (let tick = 0; tick < inputs.ticks; tick++) {
      civilViolenceModel.step(state, inputs, tick, random, row);
      expect(brokenMesaInvariants(state, row), `tick ${tick}`).toEqual([]);
      sawJailed ||= (row[2] as number) > 0;
      sawRelease ||= (row[2] as number) < previousJailed + (row[3] as number);
      previousJailed = row[2] as number;
    }
    expect(sawJailed).toBe(true);
    expect(sawRelease).toBe(true);
  });

  it("civilViolenceModel 'mesa' draws each cell's occupant: counts vary by seed around density × cells (binomial sd)", () => {
    const counts = Array.from({ length: 40 }, (_, run) => {
      const inputs = civilViolenceInputs({ ...MESA, ticks: 1 });
      const state = civilViolenceModel.initialize(inputs);
      civilViolenceModel.step(state, inputs, 0, streamsFor(16, run), new Float64Array(5));
      return [state.citizens, state.cops] as const;
    });
    // Citizens ~ Binomial(1600, 0.7): mean 1120, sd 18.3; cops ~ Binomial(1600, 0.074): mean 118.4, sd 10.5.
    // The mean of 40 runs is within 4 standard errors of the binomial mean.
    const mean = (values: number[]) => values.reduce((s, x) => s + x, 0) / values.length;
    const citizens = counts.map((c) => c[0]);
    const cops = counts.map((c) => c[1]);
    expect(Math.abs(mean(citizens) - 1120)).toBeLessThan((4 * Math.sqrt(1600 * 0.7 * 0.3)) / Math.sqrt(40));
    expect(Math.abs(mean(cops) - 118.4)).toBeLessThan((4 * Math.sqrt(1600 * 0.074 * 0.926)) / Math.sqrt(40));
    expect(new Set(citizens).size).toBeGreaterThan(10);
    expect(new Set(cops).size).toBeGreaterThan(10);
  });

  it("civilViolenceModel 'mesa' gives the same run with incremental and scanned vision counts, draw for draw", () => {
    const incremental = runOnce(civilViolenceModel, civilViolenceInputs({ ...MESA, ticks: 60, legitimacy: 0.7 }), 16, 2);
    const scan = runOnce(civilViolenceModel, civilViolenceInputs({ ...MESA, ticks: 60, legitimacy: 0.7, visionCounting: 'scan' }), 16, 2);
    expect(Array.from(scan.series)).toEqual(Array.from(incremental.series));
    expect(Math.max(...Array.from({ length: 60 }, (_, t) => incremental.series[t * 5 + 3] as number))).toBeGreaterThan(0); // arrests happened
  });

  it("civilViolenceModel 'mesa' leaves the default rules unchanged and is rejected with a clear error when misspelled", () => {
    const inputs = civilViolenceInputs({ ...MESA_DEFAULTS, ticks: 30 });
    expect(inputs.activation).toBe('moveFirst');
    const mesa = runOnce(civilViolenceModel, civilViolenceInputs({ ...MESA, ticks: 30 }), 16, 0);
    expect(Array.from(mesa.series)).not.toEqual(Array.from(runOnce(civilViolenceModel, inputs, 16, 0).series));
    expect(() => civilViolenceInputs({ activation: 'Mesa' as never })).toThrowErrorMatchingInlineSnapshot(`[RangeError: invalid activation: Mesa (expected 'moveFirst' or 'mesa')]`);
  });
});
