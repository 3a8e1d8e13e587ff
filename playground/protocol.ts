import type { EnsembleSummary } from '../src/experiment/simulate.js';
import type { ScenarioIssue } from '../src/scenario/issues.js';

/** What the page asks a worker: run one scenario's ensemble. */
export interface RunRequest {
  /** Increases with every request; a reply whose id is not the latest is stale and ignored. */
  readonly id: number;
  /** A scenario object, as in a scenario file. */
  readonly scenario: unknown;
  readonly runs: number;
  readonly seed: number;
}

/** What a worker answers: progress, the summary, or why the run failed (issues are data). */
export type WorkerReply =
  | { readonly type: 'progress'; readonly id: number; readonly done: number; readonly total: number }
  | { readonly type: 'result'; readonly id: number; readonly summary: EnsembleSummary; readonly milliseconds: number }
  | { readonly type: 'error'; readonly id: number; readonly message: string; readonly issues: readonly ScenarioIssue[] };
