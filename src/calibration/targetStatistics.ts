import { CalibrationConfigError, type CalibrationTarget } from './calibrationConfig.js';

/**
 * Each target's simulated months [from, to]: its `months`, or its calendar `period` counted
 * from the scenario's start. Throws a {@link CalibrationConfigError} when a window falls outside
 * the simulated months.
 *
 * @example
 * targetWindows([{ id: 'a', period: ['2019-01', '2019-12'], … }], '2018-01', 29, 'start-2018'); // [[12, 23]]
 */
export function targetWindows(targets: readonly CalibrationTarget[], start: string, months: number, setup: string): [number, number][] {
  const index = (label: string) => {
    const [y, m] = label.split('-').map(Number) as [number, number];
    return y * 12 + m - 1;
  };
  return targets.map((target, k) => {
    const window: [number, number] = target.months
      ? [target.months[0], target.months[1]]
      : [index((target.period as [string, string])[0]) - index(start), index((target.period as [string, string])[1]) - index(start)];
    if (window[0] < 0 || window[1] >= months) {
      throw new CalibrationConfigError([
        {
          code: 'window',
          path: ['setups', setup, 'targets', k],
          message: `target "${target.id}" covers simulated months ${window[0]}–${window[1]}, outside the ${months} months simulated from ${start}`,
        },
      ]);
    }
    return window;
  });
}

/**
 * Each target's statistic from monthly series (observable id → one value per month): the
 * mean, the sum, or the last value over its window.
 *
 * @example
 * targetStatistics([{ observable: 'attacksIraq', statistic: 'mean', … }], [[0, 2]], { attacksIraq: [180, 190, 200] }); // [190]
 */
export function targetStatistics(
  targets: readonly CalibrationTarget[],
  windows: readonly (readonly [number, number])[],
  series: Readonly<Record<string, readonly number[]>>,
): number[] {
  return targets.map((target, k) => {
    const values = series[target.observable] ?? [];
    const [from, to] = windows[k] as [number, number];
    if (target.statistic === 'last') return values[to] as number;
    let total = 0;
    for (let m = from; m <= to; m++) total += values[m] as number;
    return target.statistic === 'sum' ? total : total / (to - from + 1);
  });
}
