import { describe, expect, it } from 'vitest';
import { scaleModelInputs } from '../../src/meanfield/scaleModelInputs.js';
import { computeAreaConditionsInto, createAreaConditions } from '../../src/model/conditions.js';
import { createInitialState } from '../../src/model/state.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import { toModelInputs } from '../../src/scenario/toModelInputs.js';

const base = { name: 'control', question: 'q', start: '2020-05', months: 12 };
const N = 19; // areas
const NIN = 1;
const DEZ = 10;

function inputsWith(events: unknown[], factors: Record<string, unknown> = {}) {
  const parsed = parseScenario({ ...base, events, factors });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return toModelInputs(parsed.value);
}

function securityAt(inputs: ReturnType<typeof inputsWith>, month: number) {
  const conditions = createAreaConditions(inputs.areas.count);
  computeAreaConditionsInto(conditions, inputs, month, createInitialState(inputs));
  return conditions;
}

describe('control events', () => {
  it('resolveEvents: a control event gives an actor personnel where it had none, from month until until, and the others leave by default', () => {
    const inputs = inputsWith([{ kind: 'control', month: 3, until: 8, area: 'IQ-NIN', actor: 'peshmerga', personnel: 20000 }]);
    expect(inputs.areas.security.peshmerga[NIN]).toBe(0);
    const personnel = inputs.events!.forcePersonnel!;
    expect(personnel.peshmerga![2 * N + NIN]).toBeNaN();
    expect(personnel.peshmerga![3 * N + NIN]).toBe(20000);
    expect(personnel.peshmerga![7 * N + NIN]).toBe(20000);
    expect(personnel.peshmerga![8 * N + NIN]).toBeNaN();
    expect(personnel.iraqiForces![5 * N + NIN]).toBe(0);
    expect(personnel.iraqiForces![5 * N + NIN + 1]).toBeNaN(); // another area: as mapped
  });

  it('computeAreaConditionsInto: with control, the area\'s security is the new holder\'s (partnered like the Peshmerga), before and after it as mapped', () => {
    const factors = { covidDiversion: 0, iraqGovernanceGap: 0, trainingSuspended: 0 };
    const none = securityAt(inputsWith([], factors), 5);
    const inputs = inputsWith([{ kind: 'control', month: 3, until: 8, area: 'IQ-NIN', actor: 'peshmerga', personnel: 20000 }], factors);
    const during = securityAt(inputs, 5);
    const after = securityAt(inputs, 8);
    // Peshmerga count at the US partnering multiplier only; Ninawa had 31,800 Iraqi forces and
    // 21,200 militias before: the new holder's 20,000 is less.
    const onlyPeshmerga = securityAt(inputsWith([{ kind: 'control', month: 0, area: 'IQ-ERB', actor: 'peshmerga', personnel: 20000 }], factors), 5);
    expect(during.security[NIN]!).toBeCloseTo(onlyPeshmerga.security[7]!, 6); // IQ-ERB (index 7), same country and partnering
    expect(during.security[NIN]!).toBeLessThan(none.security[NIN]!);
    expect(after.security[NIN]).toBe(securityAt(inputsWith([], factors), 8).security[NIN]);
    for (let a = 0; a < N; a++) if (a !== NIN) expect(during.security[a]).toBe(none.security[a]);
    // Conditions change with it: less security, less coverage, a lower loss hazard for ISIS.
    expect(during.coverage[NIN]!).toBeLessThan(none.coverage[NIN]!);
    expect(during.lossHazard[NIN]!).toBeLessThan(none.lossHazard[NIN]!);
  });

  it('computeAreaConditionsInto: others "stay" keeps the mapped actors and adds the new holder; a forces scale still multiplies the holder', () => {
    const none = securityAt(inputsWith([]), 6);
    const leave = securityAt(inputsWith([{ kind: 'control', month: 6, area: 'SY-DEZ', actor: 'syrianArmy', personnel: 3000 }]), 6);
    const stay = securityAt(inputsWith([{ kind: 'control', month: 6, area: 'SY-DEZ', actor: 'syrianArmy', personnel: 3000, others: 'stay' }]), 6);
    const scaled = securityAt(
      inputsWith([
        { kind: 'control', month: 6, area: 'SY-DEZ', actor: 'syrianArmy', personnel: 3000 },
        { kind: 'forces', month: 0, actor: 'syrianArmy', scale: 2, areas: ['SY-DEZ'] },
      ]),
      6,
    );
    expect(leave.security[DEZ]!).toBeLessThan(stay.security[DEZ]!);
    // Deir ez-Zor had 6,000 Syrian army: 'stay' with 3,000 instead lowers it by the army's part only.
    expect(stay.security[DEZ]!).toBeLessThan(none.security[DEZ]!);
    expect(scaled.security[DEZ]!).toBeCloseTo(2 * leave.security[DEZ]!, 6);
    // Without the SDF, Deir ez-Zor's guards go too (it holds detainees): a guard shortfall opens.
    expect(leave.guardShortfall[DEZ]!).toBeGreaterThan(none.guardShortfall[DEZ]!);
  });

  it('parseScenario: control events are validated with path, expected and received (empty period, overlapping control of one area, month past the horizon, unknown actor)', () => {
    const parsed = parseScenario({
      ...base,
      events: [
        { kind: 'control', month: 5, until: 5, area: 'IQ-NIN', actor: 'peshmerga', personnel: 100 },
        { kind: 'control', month: 2, until: 6, area: 'SY-DEZ', actor: 'syrianArmy', personnel: 3000 },
        { kind: 'control', month: 4, area: 'SY-DEZ', actor: 'sdf', personnel: 9000 },
        { kind: 'control', month: 12, area: 'SY-RAQ', actor: 'sdf', personnel: 9000 },
      ],
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((issue) => [issue.path.join('.'), issue.expected, issue.received])).toEqual([
      ['events.0.until', '> 5', '5'],
      ['events.2.month', 'a period outside months 2–5', '4–11'],
      ['events.3.month', '0 ≤ month ≤ 11', '12'],
    ]);
    const shape = parseScenario({ ...base, events: [{ kind: 'control', month: 1, area: 'SY-DEZ', actor: 'turkey', personnel: -1 }] });
    expect(shape.ok).toBe(false);
    if (shape.ok) return;
    expect(shape.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['events.0.actor', 'events.0.personnel']);
  });

  it('parseScenario: without a control event there is no forcePersonnel (the model reads the mapped personnel as before)', () => {
    expect(inputsWith([{ kind: 'forces', month: 1, actor: 'sdf', scale: 0.5 }]).events!.forcePersonnel).toBeUndefined();
  });

  it('scaleModelInputs scales the personnel a control event gives, like mapped personnel (coverage unchanged); "as mapped" stays NaN', () => {
    const inputs = inputsWith([{ kind: 'control', month: 3, area: 'IQ-NIN', actor: 'peshmerga', personnel: 20000 }]);
    const big = scaleModelInputs(inputs, 4);
    expect(big.events!.forcePersonnel!.peshmerga![3 * N + NIN]).toBe(80000);
    expect(big.events!.forcePersonnel!.peshmerga![2 * N + NIN]).toBeNaN();
    expect(securityAt(big, 5).coverage[NIN]!).toBeCloseTo(securityAt(inputs, 5).coverage[NIN]!, 9);
  });
});
