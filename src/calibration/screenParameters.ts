import { simulate } from '../experiment/simulate.js';
import { PARAMETERS, type ParameterDefinition } from '../model/parameters.js';
import { SHIPPED_SCENARIOS } from '../scenario/shippedScenarios.js';
import { CalibrationConfigError, parseCalibrationConfig } from './calibrationConfig.js';
import { targetStatistics, targetWindows } from './targetStatistics.js';

/** Options of {@link screenParameters}. */
export interface ScreenParametersOptions {
  /** Setup of the config to screen. Default: the config's `setup`. */
  readonly setup?: string;
  /** Parameters to screen. Default: every continuous parameter marked `calibration: true`. */
  readonly parameters?: readonly string[];
  /** Runs per evaluation. Default 8. */
  readonly runs?: number;
  /** Seed, shared by every evaluation (common random numbers). Default 1. */
  readonly seed?: number | string;
  /** Resolves the setup's scenario reference. Default: the shipped scenarios by name. */
  readonly resolveScenario?: (reference: string) => unknown;
}

/** The effect of one parameter on each target statistic. */
export interface ParameterEffect {
  readonly parameter: string;
  /** (statistic at the top of the range − at the bottom) / |statistic at the defaults|, per target. */
  readonly effects: number[];
  /** The largest |effect| over targets with weight > 0. */
  readonly largest: number;
}

/**
 * A one-at-a-time screen (Morris 1991 style, elementary effects over the whole range): each
 * parameter is set to the bottom and then the top of its documented range, every other at its
 * default, and each target statistic of the config's setup is computed from `runs` runs with
 * the same seed (common random numbers, so differences are the parameter's, not noise). Effects
 * are relative to the statistic at the defaults. Used to choose which parameters to calibrate:
 * the ones that move the fitted targets most. Sorted by `largest`, largest first.
 *
 * It ignores interactions (a parameter that matters only with another one shows no effect);
 * Morris's randomized trajectories or Sobol indices would capture them at higher cost.
 *
 * Cost: 2 × parameters × runs model runs. Reference: Morris (1991), Technometrics 33:161–174;
 * Saltelli et al. (2008), Global Sensitivity Analysis: The Primer, §3.
 *
 * @example
 * screenParameters(config, { parameters: ['attackRate', 'claimShare'] })[0];
 * // { parameter: 'attackRate', effects: [2.3, …], largest: 2.3 }
 */
export function screenParameters(config: unknown, options: ScreenParametersOptions = {}): ParameterEffect[] {
  const parsed = parseCalibrationConfig(config);
  if (!parsed.ok) throw new CalibrationConfigError(parsed.issues);
  const setupName = options.setup ?? parsed.value.setup;
  const setup = parsed.value.setups[setupName];
  if (!setup) throw new CalibrationConfigError([{ code: 'unknown-setup', path: ['setup'], message: `unknown setup "${setupName}"` }]);
  const base = (options.resolveScenario ?? ((reference: string) => SHIPPED_SCENARIOS[reference]))(setup.scenario) as Record<string, unknown> | undefined;
  if (!base) throw new CalibrationConfigError([{ code: 'unknown-scenario', path: ['setups', setupName, 'scenario'], message: `cannot find scenario "${setup.scenario}"` }]);
  const months = setup.months ?? Number(base.months);
  const windows = targetWindows(setup.targets, String(base.start), months, setupName);
  const runs = options.runs ?? 8;
  const seed = options.seed ?? 1;
  const evaluate = (overrides: Record<string, number>) => {
    // Every other parameter at its default, as documented: the scenario's own draws (a posterior
    // or judged factors) would move the reference along with the parameter screened.
    const { summary } = simulate({ ...base, months, parameters: { ...(base.parameters as object | undefined), ...overrides } }, { runs, seed, uncertainty: 'none' });
    return targetStatistics(setup.targets, windows, Object.fromEntries(Object.entries(summary.series).map(([id, s]) => [id, s.mean])));
  };
  const reference = evaluate({});
  const chosen: ParameterDefinition[] = options.parameters
    ? options.parameters.map((id) => {
        const parameter = PARAMETERS.find((p) => p.id === id);
        if (!parameter) throw new RangeError(`invalid parameters: unknown parameter "${id}"`);
        return parameter;
      })
    : PARAMETERS.filter((p) => p.calibration && !p.integer);
  const rows = chosen.map((parameter) => {
    const low = evaluate({ [parameter.id]: parameter.range[0] });
    const high = evaluate({ [parameter.id]: parameter.range[1] });
    const effects = high.map((h, k) => (h - (low[k] as number)) / (Math.abs(reference[k] as number) || 1));
    const largest = Math.max(0, ...effects.filter((_, k) => (setup.targets[k]?.weight ?? 1) > 0).map(Math.abs));
    return { parameter: parameter.id, effects, largest };
  });
  return rows.sort((a, b) => b.largest - a.largest);
}
