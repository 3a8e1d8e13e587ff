import { describe, expect, it } from 'vitest';
import { FACTORS, FACTORS_BY_ID, type FactorDefinition } from '../../src/model/factors.js';
import { niceStepBelow, settingAtStart, sliderSpec, sliderStep, sliderValue } from '../../playground/sliderSpec.js';

describe('niceStepBelow', () => {
  it('niceStepBelow returns the 1-2-5 number at or below its argument', () => {
    expect(niceStepBelow(0.006)).toBe(0.005);
    expect(niceStepBelow(25)).toBe(20);
    expect(niceStepBelow(1)).toBe(1);
    expect(niceStepBelow(4.99)).toBe(2);
    expect(niceStepBelow(70)).toBe(50);
  });
  it('niceStepBelow rejects what is not a positive finite number', () => {
    expect(() => niceStepBelow(0)).toThrow('invalid step: 0');
    expect(() => niceStepBelow(Number.NaN)).toThrow('invalid step: NaN');
  });
});

describe('sliderStep', () => {
  it('sliderStep divides the range into whole steps so that both ends are reachable', () => {
    expect(sliderStep([25, 300], false)).toBe(1);
    expect(sliderStep([0, 2500], true)).toBe(20);
    expect(sliderStep([0, 8], true)).toBe(1);
    for (const factor of FACTORS as readonly FactorDefinition[]) {
      const step = sliderStep(factor.range, factor.integer);
      const count = (factor.range[1] - factor.range[0]) / step;
      expect(Math.abs(count - Math.round(count)), factor.id).toBeLessThan(1e-9 * count);
      expect(count, factor.id).toBeGreaterThanOrEqual(8);
      expect(count, factor.id).toBeLessThanOrEqual(1000);
      if (factor.integer) expect(Number.isInteger(step), factor.id).toBe(true);
    }
  });
});

describe('settingAtStart', () => {
  it('settingAtStart reads month 0 of a number, a value and a schedule', () => {
    expect(settingAtStart(3, [0, 6])).toBe(3);
    expect(settingAtStart({ value: 0.4 }, [0, 1])).toBe(0.4);
    expect(settingAtStart({ schedule: [{ from: 6, value: 0 }, { from: 0, value: 600 }] }, [0, 2500])).toBe(600);
    expect(settingAtStart({ expression: 't' }, [0, 10])).toBe(5);
  });
});

describe('sliderSpec', () => {
  it('sliderSpec starts US troops in Syria at the baseline month-0 value and marks the schedule', () => {
    expect(sliderSpec(FACTORS_BY_ID.usTroopsSyria)).toEqual({
      id: 'usTroopsSyria',
      min: 0,
      max: 2500,
      step: 20,
      start: 600,
      scheduled: true,
      baselineText: '600 → 0 at month 6',
    });
    expect(sliderSpec(FACTORS_BY_ID.iranMilitiaEffort).scheduled).toBe(false);
  });
  it('sliderSpec starts every slider inside its range', () => {
    for (const factor of FACTORS as readonly FactorDefinition[]) {
      const spec = sliderSpec(factor);
      expect(spec.start, factor.id).toBeGreaterThanOrEqual(spec.min);
      expect(spec.start, factor.id).toBeLessThanOrEqual(spec.max);
    }
  });
});

describe('sliderValue', () => {
  it('sliderValue snaps to the step, drops floating-point noise and clamps to the range', () => {
    const spec = sliderSpec(FACTORS_BY_ID.covidDiversion); // 0–0.6, step 0.005
    expect(spec.step).toBe(0.005);
    expect(sliderValue(spec, 0.35000000000000003)).toBe(0.35);
    expect(sliderValue(spec, 0.3526)).toBe(0.355);
    expect(sliderValue(spec, 0.7)).toBe(0.6);
    expect(sliderValue(spec, -1)).toBe(0);
    const bases = sliderSpec(FACTORS_BY_ID.warChest); // 25–300, step 1: the grid starts at min
    expect(sliderValue(bases, 299.6)).toBe(300);
  });
});
