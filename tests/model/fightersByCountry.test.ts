// Fighters per country (fightersIraq, fightersSyria): sources that count one country are compared
// with that country's fighters (issue 12, item 5: observe what the sources observe).
import { describe, expect, it } from 'vitest';
import { AREAS_2020, iraqTotal } from '../../src/model/areas.js';
import { OBSERVABLE_IDS } from '../../src/model/observables.js';
import { runBatch } from '../../src/experiment/runBatch.js';
import { validScenario } from '../../src/experiment/simulate.js';
import { meanField } from '../../src/meanfield/meanField.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import { SHIPPED_SCENARIOS } from '../../src/scenario/shippedScenarios.js';
import { toModelInputs } from '../../src/scenario/toModelInputs.js';

const column = (id: string) => OBSERVABLE_IDS.indexOf(id as (typeof OBSERVABLE_IDS)[number]);
const [TOTAL, IRAQ, SYRIA] = ['fighters', 'fightersIraq', 'fightersSyria'].map(column) as [number, number, number];
const WIDTH = OBSERVABLE_IDS.length;
const iraqAreas = AREAS_2020.records.filter((area) => area.id.startsWith('IQ-')).map((area) => area.id);

describe('fighters per country', () => {
  it('resurgenceModel: the two countries add up to fighters every month; from a start in Iraq only, cells cross into Syria within a year in some runs', () => {
    const fighters = Object.fromEntries(iraqAreas.map((id) => [id, 200]));
    const valid = validScenario({ name: 'iraq-only', question: 'q?', start: '2020-05', months: 12, initialState: { fighters } });
    let moved = 0;
    const failures = runBatch(valid, { seed: 5, firstRun: 0, count: 20 }, (run) => {
      for (let m = 0; m < run.series.length / WIDTH; m++) {
        const row = run.series.subarray(m * WIDTH, (m + 1) * WIDTH);
        expect(row[IRAQ]! + row[SYRIA]!).toBe(row[TOTAL]);
        expect(row[SYRIA]!).toBeGreaterThanOrEqual(0);
      }
      const last = run.series.subarray((run.series.length / WIDTH - 1) * WIDTH);
      if (last[SYRIA]! > 0) moved++;
    });
    expect(failures).toEqual([]);
    // Cells move across the border (movement follows the hazard, not the border), so within a
    // year some of the 20 runs have fighters in Syria: the column is not a copy of Iraq's.
    expect(moved).toBeGreaterThan(0);
  });

  it('iraqTotal sums a per-area quantity over the Iraqi areas only', () => {
    expect(iraqTotal(AREAS_2020, Float64Array.from(AREAS_2020.records, () => 1))).toBe(iraqAreas.length);
    expect(iraqTotal(AREAS_2020, Float64Array.from(AREAS_2020.records, (area) => (area.id.startsWith('IQ-') ? 0 : 7)))).toBe(0);
  });

  it('meanField: the two countries add up to fighters, and Iraq holds the expected fighters of the Iraqi areas', () => {
    const parsed = parseScenario({ ...(SHIPPED_SCENARIOS['baseline-2020'] as object), uncertainty: undefined });
    if (!parsed.ok) throw new Error('baseline');
    const inputs = toModelInputs(parsed.value);
    const result = meanField(inputs);
    const areas = inputs.areas.count;
    for (const m of [0, 12, 35]) {
      const row = result.series.subarray(m * WIDTH, (m + 1) * WIDTH);
      expect(row[IRAQ]! + row[SYRIA]!).toBeCloseTo(row[TOTAL]!, 6);
      let iraq = 0;
      for (let a = 0; a < areas; a++) if (inputs.areas.isIraq[a]) iraq += result.areaFighters[m * areas + a]!;
      expect(row[IRAQ]).toBeCloseTo(iraq, 6);
      expect(row[SYRIA]!).toBeGreaterThan(0);
    }
  });

  it('parseScenario: strength estimates may be compared per country, and with nothing but fighters', () => {
    const base = { name: 'o', question: 'q?', start: '2019-01', months: 12 };
    const parsed = (series: string) => parseScenario({ ...base, observed: [{ series, kind: 'strength', source: 's', points: [{ month: '2019-06', value: 1000 }] }] });
    expect(parsed('fightersIraq').ok).toBe(true);
    expect(parsed('fightersSyria').ok).toBe(true);
    const wrong = parsed('recruits');
    expect(wrong.ok ? [] : wrong.issues.map((issue) => issue.code)).toEqual(['mixed-kinds']);
  });
});
