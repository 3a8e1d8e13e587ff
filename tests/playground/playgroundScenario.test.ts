import { describe, expect, it } from 'vitest';
import { FACTORS, type FactorDefinition, type FactorId } from '../../src/model/factors.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import { overridesKey, playgroundScenario } from '../../playground/playgroundScenario.js';
import { sliderSpec } from '../../playground/sliderSpec.js';

describe('playgroundScenario', () => {
  it('playgroundScenario with nothing moved is the shipped baseline', () => {
    const scenario = playgroundScenario({});
    expect(scenario.name).toBe('baseline-2020');
    expect(scenario.factors).toBeUndefined();
  });

  it('playgroundScenario holds a moved factor constant and names it in the question', () => {
    const scenario = playgroundScenario({ usTroopsSyria: 2500 });
    expect(scenario.name).toBe('playground');
    expect(scenario.factors).toEqual({ usTroopsSyria: 2500 });
    expect(scenario.question).toContain('US troops in Syria = 2500 troops');
    const parsed = parseScenario(scenario);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(Array.from(parsed.value.factors.usTroopsSyria ?? [])).toEqual(new Array(36).fill(2500));
  });

  it('playgroundScenario gives a valid scenario at both ends of every slider', () => {
    for (const factor of FACTORS as readonly FactorDefinition[]) {
      const spec = sliderSpec(factor);
      for (const value of [spec.min, spec.max, spec.min + spec.step]) {
        const parsed = parseScenario(playgroundScenario({ [factor.id as FactorId]: value }));
        expect(parsed.ok ? 'ok' : parsed.issues.map((issue) => issue.message).join('; '), `${factor.id} = ${value}`).toBe('ok');
      }
    }
  });
});

describe('overridesKey', () => {
  it('overridesKey does not depend on the order the sliders were moved in', () => {
    expect(overridesKey({ warChest: 50, usTroopsSyria: 0 })).toBe(overridesKey({ usTroopsSyria: 0, warChest: 50 }));
    expect(overridesKey({})).toBe('{}');
    expect(overridesKey({ usTroopsSyria: undefined })).toBe('{}');
  });
});
