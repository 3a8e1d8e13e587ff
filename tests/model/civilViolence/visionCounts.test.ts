import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRunStream } from '../../../src/rng/createRunStream.js';
import {
  civilViolenceInputs,
  civilViolenceModel,
  createCivilViolenceState,
  placeAgentsInPlace,
  rebuildVisionCountsInPlace,
  scanVisionCounts,
  shiftVisionCountInPlace,
  type CivilViolenceState,
  type VisionShape,
} from '../../../src/model/civilViolence/index.js';
import { streamsFor } from './helpers.js';

const shapes = fc.constantFrom<VisionShape>('vonNeumann', 'moore', 'euclidean');

/** Small random configurations: a torus, a vision that fits it, a shape and densities. */
const configuration = fc
  .record({
    width: fc.integer({ min: 3, max: 24 }),
    height: fc.integer({ min: 3, max: 24 }),
    shape: shapes,
    visionFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    citizenDensity: fc.double({ min: 0, max: 0.9, noNaN: true }),
    copShare: fc.double({ min: 0, max: 1, noNaN: true }),
    legitimacy: fc.double({ min: 0, max: 1, noNaN: true }),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
  })
  .map((c) => {
    const maxVision = Math.floor((Math.min(c.width, c.height) - 1) / 2);
    return {
      width: c.width,
      height: c.height,
      visionShape: c.shape,
      vision: Math.max(1, Math.round(c.visionFraction * maxVision)),
      citizenDensity: c.citizenDensity,
      copDensity: (1 - c.citizenDensity) * c.copShare,
      legitimacy: c.legitimacy,
      seed: c.seed,
    };
  });

function expectCountsEqualScan(state: CivilViolenceState): void {
  for (let cell = 0; cell < state.cells; cell++) {
    const scanned = scanVisionCounts(state, cell);
    if (state.copsInVision[cell] !== scanned.cops || state.activesInVision[cell] !== scanned.actives) {
      expect({ cell, cops: state.copsInVision[cell], actives: state.activesInVision[cell] }).toEqual({ cell, ...scanned });
    }
  }
}

describe('shiftVisionCountInPlace', () => {
  it('shiftVisionCountInPlace adds delta on exactly the cells that see the cell (row runs wrapped on the torus)', () => {
    fc.assert(
      fc.property(configuration, fc.integer({ min: 0, max: 10_000 }), (config, at) => {
        const state = createCivilViolenceState(civilViolenceInputs(config));
        const cell = at % state.cells;
        const field = new Int32Array(state.cells);
        shiftVisionCountInPlace(state, field, cell, 3);
        const expected = new Int32Array(state.cells);
        for (let k = 0; k < state.seen; k++) expected[state.neighbours[cell * state.seen + k] as number] = 3;
        expect(Array.from(field)).toEqual(Array.from(expected));
      }),
      { numRuns: 300, seed: 2002 },
    );
  });
});

describe('rebuildVisionCountsInPlace', () => {
  it('rebuildVisionCountsInPlace equals a brute-force scan on random grids', () => {
    fc.assert(
      fc.property(configuration, fc.array(fc.boolean(), { minLength: 600, maxLength: 600 }), (config, actives) => {
        const state = createCivilViolenceState(civilViolenceInputs(config));
        placeAgentsInPlace(state, createRunStream(config.seed, 0, 'placement'), createRunStream(config.seed, 0, 'traits'));
        for (let i = 0; i < state.citizens; i++) state.active[i] = actives[i % actives.length] ? 1 : 0;
        rebuildVisionCountsInPlace(state);
        expectCountsEqualScan(state);
      }),
      { numRuns: 200, seed: 7243 },
    );
  });
});

describe('incremental vision counts', () => {
  it('incremental counts equal a brute-force scan after every tick of real runs on random grids', () => {
    fc.assert(
      fc.property(configuration, (config) => {
        const inputs = civilViolenceInputs({ ...config, ticks: 12, maxJailTerm: 3 });
        const state = civilViolenceModel.initialize(inputs);
        const random = streamsFor(config.seed, 0);
        const row = new Float64Array(civilViolenceModel.observables.length);
        for (let tick = 0; tick < inputs.ticks; tick++) {
          civilViolenceModel.step(state, inputs, tick, random, row);
          expectCountsEqualScan(state);
        }
      }),
      { numRuns: 120, seed: 99 },
    );
  });

  it('incremental counts equal a scan throughout a long run in Epstein’s setting with outbursts', () => {
    const inputs = civilViolenceInputs({ ticks: 150 });
    const state = civilViolenceModel.initialize(inputs);
    const random = streamsFor(2002, 0);
    const row = new Float64Array(civilViolenceModel.observables.length);
    let maxActive = 0;
    for (let tick = 0; tick < inputs.ticks; tick++) {
      civilViolenceModel.step(state, inputs, tick, random, row);
      maxActive = Math.max(maxActive, row[1] as number);
      if (tick % 10 === 0) expectCountsEqualScan(state);
    }
    expect(maxActive).toBeGreaterThan(50); // the check ran through an outburst, when counts change fastest
  });

  it("incremental and 'scan' modes give identical runs draw for draw (every citizen read the same C and A)", () => {
    fc.assert(
      fc.property(configuration, (config) => {
        const base = { ...config, ticks: 15, maxJailTerm: 4 };
        const fast = civilViolenceModel;
        const a = civilViolenceInputs({ ...base, visionCounting: 'incremental' });
        const b = civilViolenceInputs({ ...base, visionCounting: 'scan' });
        const sa = fast.initialize(a);
        const sb = fast.initialize(b);
        const ra = streamsFor(config.seed, 1);
        const rb = streamsFor(config.seed, 1);
        const rowA = new Float64Array(5);
        const rowB = new Float64Array(5);
        for (let tick = 0; tick < a.ticks; tick++) {
          fast.step(sa, a, tick, ra, rowA);
          fast.step(sb, b, tick, rb, rowB);
          expect(Array.from(rowA)).toEqual(Array.from(rowB));
        }
        expect(Array.from(sa.grid)).toEqual(Array.from(sb.grid));
        expect(Array.from(sa.active)).toEqual(Array.from(sb.active));
      }),
      { numRuns: 80, seed: 31 },
    );
  });
});
