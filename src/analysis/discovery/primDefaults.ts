import { AnalysisInputError } from '../attribution/analysisInputError.js';
import type { PrimOptions, ResolvedPrimOptions } from './primTypes.js';

/**
 * PRIM's defaults, those of the EMA Workbench's `prim.Prim` (peel_alpha = paste_alpha =
 * mass_min = 0.05, obj_function = LENIENT1); threshold 0.8 is the density target of the EMA
 * Workbench's scenario-discovery examples (`prim.Prim(x, y, threshold=0.8)`).
 * Reference: J. H. Kwakkel (2017), "The Exploratory Modeling Workbench", Environmental
 * Modelling & Software 96:239–250; Friedman & Fisher (1999) recommend α between 0.05 and 0.1.
 */
export const primDefaults: ResolvedPrimOptions = Object.freeze({
  peelAlpha: 0.05,
  pasteAlpha: 0.05,
  massMin: 0.05,
  threshold: 0.8,
  objective: 'lenient1',
});

/**
 * Fills in defaults and validates every option up front, so that PRIM never starts with an
 * option it will reject later.
 *
 * Throws an {@link AnalysisInputError}, e.g. `invalid peelAlpha: 0.7 (expected 0 < α < 0.5)`.
 *
 * @example
 * resolvePrimOptions({ peelAlpha: 0.1 });
 * // { peelAlpha: 0.1, pasteAlpha: 0.05, massMin: 0.05, threshold: 0.8, objective: 'lenient1' }
 */
export function resolvePrimOptions(options: PrimOptions = {}): ResolvedPrimOptions {
  const resolved = { ...primDefaults, ...dropUndefined(options) };
  const { peelAlpha, pasteAlpha, massMin, threshold, objective } = resolved;
  if (!(typeof peelAlpha === 'number' && peelAlpha > 0 && peelAlpha < 0.5)) {
    throw new AnalysisInputError('range', ['peelAlpha'], '0 < α < 0.5', peelAlpha);
  }
  if (!(typeof pasteAlpha === 'number' && pasteAlpha > 0 && pasteAlpha < 0.5)) {
    throw new AnalysisInputError('range', ['pasteAlpha'], '0 < α < 0.5', pasteAlpha);
  }
  if (!(typeof massMin === 'number' && massMin > 0 && massMin < 1)) {
    throw new AnalysisInputError('range', ['massMin'], '0 < massMin < 1', massMin);
  }
  if (!(typeof threshold === 'number' && threshold > 0 && threshold <= 1)) {
    throw new AnalysisInputError('range', ['threshold'], '0 < threshold ≤ 1 (a density)', threshold);
  }
  if (objective !== 'lenient1' && objective !== 'lenient2' && objective !== 'original') {
    throw new AnalysisInputError('range', ['objective'], "'lenient1', 'lenient2' or 'original'", objective);
  }
  return Object.freeze(resolved);
}

function dropUndefined(options: PrimOptions): PrimOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as PrimOptions;
}
