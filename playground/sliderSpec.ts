import type { FactorDefinition, FactorSetting } from '../src/model/factors.js';
import { describeSetting } from '../src/report/describeSetting.js';

/** How one factor's slider is laid out: its scale, its starting position and its baseline text. */
export interface SliderSpec {
  /** The factor's id (`factors.<id>` in a scenario). */
  readonly id: string;
  /** The factor's plausible range, so that every position is a valid scenario value. */
  readonly min: number;
  readonly max: number;
  /** The slider's step: a 1-2-5 number near 1/100 of the range, a whole number for integer factors. */
  readonly step: number;
  /** Where the slider starts: the baseline's value at month 0. */
  readonly start: number;
  /** True when the baseline changes over time, so a moved slider replaces a schedule by a constant. */
  readonly scheduled: boolean;
  /** The baseline in a few words (`600 → 0 at month 6`). */
  readonly baselineText: string;
}

/**
 * The nearest 1-2-5 number (…, 0.01, 0.02, 0.05, 0.1, …) at or below `value`: the step sizes
 * chart axes use (Heckbert 1990, "Nice numbers for graph labels", Graphics Gems I), so that
 * slider values print short.
 *
 * @example
 * niceStepBelow(0.006); // 0.005
 * niceStepBelow(25); // 20
 */
export function niceStepBelow(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`invalid step: ${value}`);
  const power = 10 ** Math.floor(Math.log10(value));
  const fraction = value / power;
  const nice = fraction >= 5 ? 5 : fraction >= 2 ? 2 : 1;
  return nice * power;
}

/**
 * The largest 1-2-5 step at or below 1/100 of the range that divides the range into whole
 * steps, so that both ends of the range can be reached; whole numbers only when `integer`.
 *
 * @example
 * sliderStep([25, 300], false); // 1 (2.75 → 2 does not divide 275; 1 does)
 * sliderStep([0, 2500], true); // 20
 */
export function sliderStep(range: readonly [number, number], integer: boolean): number {
  const width = range[1] - range[0];
  let step = niceStepBelow(width / 100);
  for (let tries = 0; tries < 12; tries++) {
    if (integer && step < 1) return 1;
    const whole = !integer || Number.isInteger(step);
    const count = width / step;
    if (whole && Math.abs(count - Math.round(count)) < 1e-9 * Math.max(1, count)) return step;
    step = niceStepBelow(step * 0.999);
  }
  return integer ? 1 : width / 100;
}

/**
 * The value of a setting at month 0 (a schedule's first step that starts at month 0).
 * Expressions are not evaluated here: no shipped factor has one as its baseline, so they fall
 * back to the middle of the range, and the caller shows the expression text instead.
 *
 * @example
 * settingAtStart({ schedule: [{ from: 0, value: 600 }, { from: 6, value: 0 }] }, [0, 2500]); // 600
 */
export function settingAtStart(setting: FactorSetting, range: readonly [number, number]): number {
  if (typeof setting === 'number') return setting;
  if ('value' in setting) return setting.value;
  if ('schedule' in setting) {
    const first = [...setting.schedule].filter((step) => step.from <= 0).sort((a, b) => b.from - a.from)[0];
    return first?.value ?? (setting.schedule[0]?.value as number);
  }
  return (range[0] + range[1]) / 2;
}

/**
 * The slider of one factor: its plausible range, a step near 1/100 of it ({@link sliderStep}), and its baseline's
 * month-0 value as the starting position.
 *
 * @example
 * sliderSpec(FACTORS_BY_ID.usTroopsSyria);
 * // { id: 'usTroopsSyria', min: 0, max: 2500, step: 20, start: 600, scheduled: true, baselineText: '600 → 0 at month 6' }
 */
export function sliderSpec(factor: FactorDefinition): SliderSpec {
  const [min, max] = factor.range;
  const step = sliderStep(factor.range, factor.integer);
  return {
    id: factor.id,
    min,
    max,
    step,
    start: settingAtStart(factor.baseline, factor.range),
    scheduled: typeof factor.baseline === 'object' && !('value' in factor.baseline),
    baselineText: describeSetting(factor.baseline),
  };
}

/**
 * A slider's raw value as a clean scenario value: snapped to the step (counted from `min`, as
 * `<input type="range">` does), rid of floating-point noise, clamped to the range.
 *
 * @example
 * sliderValue({ min: 0, max: 0.6, step: 0.005 } as SliderSpec, 0.35000000000000003); // 0.35
 */
export function sliderValue(spec: SliderSpec, raw: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(spec.step)));
  const snapped = spec.min + Math.round((raw - spec.min) / spec.step) * spec.step;
  const clean = Number(snapped.toFixed(decimals));
  return Math.min(spec.max, Math.max(spec.min, clean));
}
