import { canonicalJson, sha256Hex } from '../scenario/hash.js';

/**
 * The hash a posterior file records of the config it was fitted from: SHA-256 of the canonical
 * JSON of the config as written, keeping only what that setup's fit reads: the top level
 * without its `description`, the one setup that was run, and the priors of the quantities that
 * setup calibrates. Why not the whole file: one config holds several setups, and refitting one
 * (or adding priors for it) must not make the posteriors of the others look stale when nothing
 * they were fitted from has changed.
 *
 * Cost: O(size of the config). Reference: FIPS 180-4 (SHA-256), via {@link sha256Hex}.
 *
 * @example
 * calibrationConfigHash(config, 'start-2018') === calibrationConfigHash({ ...config, description: 'new words' }, 'start-2018'); // true
 */
export function calibrationConfigHash(config: unknown, setupName: string): string {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) return sha256Hex(canonicalJson(config));
  const { description: _description, setups, priors, ...rest } = config as Record<string, unknown>;
  const setup = (setups as Record<string, { calibrate?: unknown }> | undefined)?.[setupName];
  const calibrated = Array.isArray(setup?.calibrate) ? (setup.calibrate as unknown[]).map(String) : [];
  const allPriors = (priors ?? {}) as Record<string, unknown>;
  const usedPriors = Object.fromEntries(calibrated.filter((id) => id in allPriors).map((id) => [id, allPriors[id]]));
  return sha256Hex(canonicalJson({ ...rest, setups: { [setupName]: setup }, priors: usedPriors }));
}
