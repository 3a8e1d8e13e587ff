import mid2020 from '../../data/posteriors/mid-2020.json';
import type { PosteriorSamples } from './posterior.js';

/**
 * The posterior samples shipped in `data/posteriors/`, bundled (imported as JSON) so that a
 * scenario's `"parameters": { "posterior": "<name>" }` resolves without a file system. Keys are
 * the file names without `.json`. A posterior is added here once its file is committed, e.g.
 * `import mid2020 from '../../data/posteriors/mid-2020.json';` and `'mid-2020': mid2020`.
 *
 * @example
 * Object.keys(SHIPPED_POSTERIORS); // the shipped names, e.g. ['mid-2020']
 */
export const SHIPPED_POSTERIORS: Readonly<Record<string, PosteriorSamples>> = {
  // ABC-SMC fit to what was known by mid-2020 (calibration/mid-2020.json; calibration/README.md).
  'mid-2020': mid2020 as PosteriorSamples,
};
