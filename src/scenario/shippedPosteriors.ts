import backtest2018 from '../../data/posteriors/backtest-2018.json';
import backtest2018Holdout from '../../data/posteriors/backtest-2018-holdout.json';
import backtestOrigin201812 from '../../data/posteriors/backtest-2018-origin-2018-12.json';
import backtestOrigin201912 from '../../data/posteriors/backtest-2018-origin-2019-12.json';
import mid2020 from '../../data/posteriors/mid-2020.json';
import type { PosteriorSamples } from './posterior.js';

/**
 * The posterior samples shipped in `data/posteriors/`, bundled (imported as JSON) so that a
 * scenario's `"parameters": { "posterior": "<name>" }` resolves without a file system. Keys are
 * the file names without `.json`. A posterior is added here once its file is committed, e.g.
 * `import mid2020 from '../../data/posteriors/mid-2020.json';` and `'mid-2020': mid2020`.
 *
 * @example
 * Object.keys(SHIPPED_POSTERIORS); // the shipped names: ['mid-2020', 'backtest-2018', 'backtest-2018-holdout']
 */
export const SHIPPED_POSTERIORS: Readonly<Record<string, PosteriorSamples>> = {
  // ABC-SMC fit to what was known by mid-2020 (calibration/mid-2020.json; calibration/README.md).
  'mid-2020': mid2020 as PosteriorSamples,
  // ABC-SMC fit of the Jan 2018-May 2020 back-test to the 2018, 2019 and 2020 Q1 Iraq attack
  // levels, strength, reserves and camps (calibration/mid-2020.json, setup start-2018).
  'backtest-2018': backtest2018 as PosteriorSamples,
  // The same fit with the 2020 Q1 attack level held out (setup start-2018-holdout): for the
  // out-of-sample check of 2020 Q1.
  'backtest-2018-holdout': backtest2018Holdout as PosteriorSamples,
  // Rolling origins (calibration/rolling-origin.json): fitted only on what had been published
  // about the months up to Dec 2018 and up to Dec 2019, for the backtest-2018-origin-* scenarios.
  'backtest-2018-origin-2018-12': backtestOrigin201812 as PosteriorSamples,
  'backtest-2018-origin-2019-12': backtestOrigin201912 as PosteriorSamples,
};
