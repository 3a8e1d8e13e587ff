import { describe, expect, it } from 'vitest';
import { runOnce } from '../../src/experiment/runOnce.js';
import { meanField } from '../../src/meanfield/meanField.js';
import { computeAreaConditionsInto, createAreaConditions } from '../../src/model/conditions.js';
import { OBSERVABLE_IDS } from '../../src/model/observables.js';
import { resurgenceModel } from '../../src/model/resurgenceModel.js';
import { createInitialState } from '../../src/model/state.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import { toModelInputs } from '../../src/scenario/toModelInputs.js';

const base = { name: 'events', question: 'q', start: '2020-05', months: 12 };
const W = OBSERVABLE_IDS.length;
const col = (id: string) => OBSERVABLE_IDS.indexOf(id as never);

function inputsWith(events: unknown[]) {
  const parsed = parseScenario({ ...base, events });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return toModelInputs(parsed.value);
}

describe('parseScenario (events)', () => {
  it('parseScenario accepts every kind of scheduled event', () => {
    const parsed = parseScenario({
      ...base,
      events: [
        { kind: 'prisonBreak', month: 3, site: 'SY-HAS', freed: [500, 1500], note: 'a Ghwayran-like break' },
        { kind: 'foreignFighters', month: 4, area: 'SY-DEZ', fighters: 300 },
        { kind: 'decapitation', month: 5, coordinationLost: 0.5 },
        { kind: 'campaign', month: 6, months: 2 },
        { kind: 'forces', month: 1, until: 7, actor: 'iraqiForces', scale: 0.5, areas: ['IQ-ANB'] },
      ],
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const events = parsed.value.events!;
    expect(events.prisonBreaks).toEqual([{ month: 3, area: 12, low: 500, high: 1500 }]);
    expect(Array.from(events.coordinationLost.subarray(4, 7))).toEqual([0, 0.5, 0]);
    expect(Array.from(events.campaign.subarray(5, 9))).toEqual([0, 1, 1, 0]);
    const scale = events.forceScale.iraqiForces!;
    expect(scale[0 * 19 + 0]).toBe(1);
    expect(scale[1 * 19 + 0]).toBe(0.5);
    expect(scale[1 * 19 + 1]).toBe(1);
    expect(scale[7 * 19 + 0]).toBe(1);
  });

  it('parseScenario locates what is wrong in an event: month past the horizon, a site with no detainees, an inverted range, an empty period', () => {
    const parsed = parseScenario({
      ...base,
      events: [
        { kind: 'decapitation', month: 12, coordinationLost: 0.5 },
        { kind: 'prisonBreak', month: 2, site: 'IQ-BGD', freed: 100 },
        { kind: 'prisonBreak', month: 2, site: 'SY-HAS', freed: [900, 100] },
        { kind: 'forces', month: 5, until: 5, actor: 'sdf', scale: 0 },
      ],
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['events.0.month', 'expected a month from 0 to 11 (the horizon is 12 months), received 12'],
      ['events.1.site', "IQ-BGD holds no detainees in the area table or the scenario's initialState.detainees: expected one of SY-DEZ, SY-RAQ, SY-HAS"],
      ['events.2.freed', 'expected [low, high] with low ≤ high, received [900, 100]'],
      ['events.3.until', 'expected until > month (5), received 5'],
    ]);
  });

  it('parseScenario rejects an unknown event kind and an unknown area with their paths', () => {
    const parsed = parseScenario({ ...base, events: [{ kind: 'invasion', month: 1 }, { kind: 'foreignFighters', month: 1, area: 'XX', fighters: 5 }] });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const paths = parsed.issues.map((issue) => issue.path.join('.'));
    expect(paths.some((path) => path.startsWith('events.0'))).toBe(true);
    expect(paths.some((path) => path.startsWith('events.1.area'))).toBe(true);
  });
});

describe('resurgenceModel (scheduled events)', () => {
  it('resurgenceModel: a scheduled prison break frees between low and high in its month, and runs agree with the baseline before it (common random numbers)', () => {
    const plain = inputsWith([]);
    const withBreak = inputsWith([{ kind: 'prisonBreak', month: 3, site: 'SY-HAS', freed: [500, 1500] }]);
    let sumFreed = 0;
    const runs = 40;
    for (let run = 0; run < runs; run++) {
      const a = runOnce(resurgenceModel, plain, 'events', run).series;
      const b = runOnce(resurgenceModel, withBreak, 'events', run).series;
      expect(Array.from(b.subarray(0, 3 * W))).toEqual(Array.from(a.subarray(0, 3 * W)));
      const extra = (b[3 * W + col('prisonersFreed')] as number) - (a[3 * W + col('prisonersFreed')] as number);
      expect(extra).toBeGreaterThanOrEqual(500);
      expect(extra).toBeLessThanOrEqual(1500 + 2000); // the model's own breaks may differ after the event
      sumFreed += b[3 * W + col('prisonersFreed')] as number;
    }
    // Mean field: the expected size (1,000) plus the model's own (rare) breaks; uniform SD 289, 4 SE.
    const field = meanField(withBreak).series[3 * W + col('prisonersFreed')] as number;
    expect(Math.abs(sumFreed / runs - field)).toBeLessThan(4 * (289 / Math.sqrt(runs)) + 50);
  });

  it('resurgenceModel: a decapitation cuts attacks that month, a campaign raises them, foreign fighters add fighters (mean field)', () => {
    const plain = meanField(inputsWith([])).series;
    const cut = meanField(inputsWith([{ kind: 'decapitation', month: 4, coordinationLost: 0.5 }])).series;
    const surge = meanField(inputsWith([{ kind: 'campaign', month: 4, months: 1 }])).series;
    const influx = meanField(inputsWith([{ kind: 'foreignFighters', month: 4, area: 'SY-DEZ', fighters: 1000 }])).series;
    const at = (series: Float64Array, month: number, id: string) => series[month * W + col(id)] as number;
    expect(at(cut, 4, 'attacks') / at(plain, 4, 'attacks')).toBeLessThan(0.6);
    expect(at(cut, 3, 'attacks')).toBe(at(plain, 3, 'attacks'));
    expect(at(surge, 4, 'attacks') / at(plain, 4, 'attacks')).toBeGreaterThan(1.2);
    expect(at(surge, 5, 'attacks') / at(plain, 5, 'attacks')).toBeLessThan(1.1);
    expect(at(influx, 4, 'fighters') - at(plain, 4, 'fighters')).toBeGreaterThan(900);
  });

  it('computeAreaConditionsInto: a scheduled force change scales that actor’s personnel in the listed areas and months only', () => {
    const inputs = inputsWith([{ kind: 'forces', month: 2, actor: 'iraqiForces', scale: 0, areas: ['IQ-ANB'] }]);
    const plain = inputsWith([]);
    const security = (input: typeof inputs, month: number) => {
      const conditions = createAreaConditions(19);
      computeAreaConditionsInto(conditions, input, month, createInitialState(input));
      return conditions.security;
    };
    expect(security(inputs, 1)[0]).toBe(security(plain, 1)[0]);
    expect(security(inputs, 2)[0]).toBeLessThan(0.7 * (security(plain, 2)[0] as number));
    expect(security(inputs, 2)[1]).toBe(security(plain, 2)[1]);
  });
});
