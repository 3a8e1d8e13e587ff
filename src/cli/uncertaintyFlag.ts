import type { UncertaintyMode } from '../scenario/uncertainty.js';
import { UsageError } from './usage.js';

/** Help line shared by the commands that take `--uncertainty`. */
export const UNCERTAINTY_HELP = `--uncertainty M   "scenario" (default: draw what the scenario's "uncertainty" block says) or
                               "none" (parameters and judged factors fixed: run-to-run noise only)`;

/**
 * Parses `--uncertainty`: absent → "scenario".
 *
 * @example
 * uncertaintyFlag(undefined); // 'scenario'
 * uncertaintyFlag('none');    // 'none'
 * uncertaintyFlag('off');     // throws UsageError: invalid --uncertainty: off (expected "scenario" or "none")
 */
export function uncertaintyFlag(text: string | undefined): UncertaintyMode {
  if (text === undefined || text === 'scenario') return 'scenario';
  if (text === 'none') return 'none';
  throw new UsageError(`invalid --uncertainty: ${text} (expected "scenario" or "none")`);
}
