import { describe, expect, it } from 'vitest';
import { runOnce } from '../../../src/experiment/runOnce.js';
import {
  CIVIL_VIOLENCE_EVENTS,
  CIVIL_VIOLENCE_OBSERVABLES,
  CIVIL_VIOLENCE_STREAMS,
  civilViolenceInputs,
  civilViolenceModel,
  EMPTY_CELL,
  type CivilViolenceState,
} from '../../../src/model/civilViolence/index.js';
import { streamsFor } from './helpers.js';

/** The invariants a state and the row its tick wrote break (none when all hold). */
function brokenInvariants(state: CivilViolenceState, row: Float64Array): string[] {
  const broken: string[] = [];
  const [quiescent, active, jailed] = [row[0] as number, row[1] as number, row[2] as number];
  if (quiescent + active + jailed !== state.citizens) broken.push(`counts sum to ${quiescent + active + jailed}, not ${state.citizens}`);
  let activeFlags = 0;
  let offGrid = 0;
  for (let agent = 0; agent < state.agents; agent++) {
    const cell = state.position[agent] as number;
    if (cell < 0) {
      // Only citizens are ever off the grid, and they are jailed and never active.
      if (agent >= state.citizens) broken.push(`cop ${agent} off the grid`);
      if (state.active[agent] === 1) broken.push(`jailed citizen ${agent} active`);
      offGrid++;
    } else if (state.grid[cell] !== agent) {
      broken.push(`agent ${agent} at cell ${cell} holding ${state.grid[cell]}`); // two agents on one cell
    }
    if (agent < state.citizens && state.active[agent] === 1) activeFlags++;
  }
  let occupied = 0;
  for (let cell = 0; cell < state.cells; cell++) {
    const agent = state.grid[cell] as number;
    if (agent === EMPTY_CELL) continue;
    occupied++;
    if (state.position[agent] !== cell) broken.push(`cell ${cell} holds agent ${agent} placed at ${state.position[agent]}`);
  }
  if (occupied !== state.agents - offGrid) broken.push(`${occupied} occupied cells for ${state.agents - offGrid} agents on the grid`);
  if (offGrid !== jailed) broken.push(`${offGrid} citizens off the grid, ${jailed} reported jailed`);
  if (activeFlags !== active) broken.push(`${activeFlags} active flags, ${active} reported active`);
  return broken;
}

describe('civilViolenceModel', () => {
  it('civilViolenceModel declares one stream per mechanism and its observables and events', () => {
    expect(civilViolenceModel.streams).toEqual(CIVIL_VIOLENCE_STREAMS);
    expect(new Set(civilViolenceModel.streams).size).toBe(civilViolenceModel.streams.length);
    expect(civilViolenceModel.observables).toEqual(['quiescent', 'active', 'jailed', 'arrests', 'legitimacy']);
    expect(civilViolenceModel.observables).toEqual(CIVIL_VIOLENCE_OBSERVABLES);
    expect(civilViolenceModel.events).toEqual(CIVIL_VIOLENCE_EVENTS);
  });

  it('civilViolenceModel runs unchanged in the generic runOnce, and the same seed gives the same series bit for bit', () => {
    const inputs = civilViolenceInputs({ ticks: 120 });
    const a = runOnce(civilViolenceModel, inputs, 2002, 3);
    const b = runOnce(civilViolenceModel, inputs, 2002, 3);
    expect(a.series.length).toBe(120 * 5);
    expect(Array.from(a.series)).toEqual(Array.from(b.series));
    expect(Array.from(a.eventMonths)).toEqual(Array.from(b.eventMonths));
    // Another run index or seed gives another history.
    expect(Array.from(runOnce(civilViolenceModel, inputs, 2002, 4).series)).not.toEqual(Array.from(a.series));
    expect(Array.from(runOnce(civilViolenceModel, inputs, 2003, 3).series)).not.toEqual(Array.from(a.series));
  });

  it('civilViolenceModel keeps its invariants every tick: counts sum to citizens, one agent per cell, jailed citizens off the grid', () => {
    for (const options of [{}, { copDensity: 0.074, maxJailTerm: 1000 }, { legitimacy: 0.6, visionShape: 'moore' as const }]) {
      const inputs = civilViolenceInputs({ ...options, ticks: 80 });
      const state = civilViolenceModel.initialize(inputs);
      const random = streamsFor(11, 0);
      const row = new Float64Array(5);
      let sawJailed = false;
      for (let tick = 0; tick < inputs.ticks; tick++) {
        civilViolenceModel.step(state, inputs, tick, random, row);
        expect(brokenInvariants(state, row), `tick ${tick}`).toEqual([]);
        sawJailed ||= (row[2] as number) > 0;
      }
      expect(sawJailed).toBe(true); // the jailing invariants were exercised
    }
  });

  it('civilViolenceModel places round(density × cells) citizens and cops, all quiescent and free before the first tick decides', () => {
    const inputs = civilViolenceInputs({ copDensity: 0.074 });
    const state = civilViolenceModel.initialize(inputs);
    expect([state.citizens, state.cops]).toEqual([1120, 118]);
    expect(state.placed).toBe(false);
  });

  it('civilViolenceModel records the first tick with active ≥ outburstShare × citizens as the outburst event', () => {
    const inputs = civilViolenceInputs({ ticks: 200 });
    const result = runOnce(civilViolenceModel, inputs, 5, 0);
    const actives = Array.from({ length: inputs.ticks }, (_, t) => result.series[t * 5 + 1] as number);
    const first = actives.findIndex((a) => a >= 0.1 * 1120);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(result.eventMonths[0]).toBe(first);
    // At legitimacy 0.9 nobody can rebel (G = 0.1·H ≤ T), so the event never happens.
    const calm = runOnce(civilViolenceModel, civilViolenceInputs({ ticks: 50, legitimacy: 0.9 }), 5, 0);
    expect(calm.eventMonths[0]).toBe(-1);
    expect(Array.from({ length: 50 }, (_, t) => calm.series[t * 5 + 1])).toEqual(new Array(50).fill(0));
  });

  it('civilViolenceModel reports the legitimacy of each tick from the schedule', () => {
    const result = runOnce(civilViolenceModel, civilViolenceInputs({ ticks: 4, legitimacy: [0.9, 0.85] }), 1, 0);
    expect([0, 1, 2, 3].map((t) => result.series[t * 5 + 4])).toEqual([0.9, 0.85, 0.85, 0.85]);
  });

  it('civilViolenceModel jails for at most J_max + 1 ticks: everyone jailed at the end of tick t was arrested in ticks t − J_max … t', () => {
    for (const maxJailTerm of [0, 2]) {
      const inputs = civilViolenceInputs({ ticks: 80, maxJailTerm, legitimacy: 0.7 });
      const state = civilViolenceModel.initialize(inputs);
      const random = streamsFor(3, 0);
      const row = new Float64Array(5);
      const arrests: number[] = [];
      for (let tick = 0; tick < inputs.ticks; tick++) {
        civilViolenceModel.step(state, inputs, tick, random, row);
        arrests.push(row[3] as number);
        const recent = arrests.slice(Math.max(0, tick - maxJailTerm)).reduce((s, a) => s + a, 0);
        expect(row[2] as number, `tick ${tick}`).toBeLessThanOrEqual(recent);
        for (let i = 0; i < state.citizens; i++) if ((state.position[i] as number) < 0) expect(state.jailTerm[i]).toBeLessThanOrEqual(maxJailTerm);
      }
      expect(arrests.reduce((s, a) => s + a, 0)).toBeGreaterThan(100);
    }
  });
});
