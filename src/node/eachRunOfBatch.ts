import type { RunFailure } from '../experiment/runBatch.js';

/**
 * Walks a batch's runs in index order, handing each completed run to `onResult` and each failed
 * one to `onFailure` (a batch lists its completed results in order and its failures apart). The
 * one place that turns a batch back into the sequence of runs, for local workers and the queue.
 */
export function eachRunOfBatch<Result>(
  batch: { readonly firstRun: number; readonly count: number; readonly results: readonly Result[]; readonly failures: readonly RunFailure[] },
  onResult: (result: Result, run: number) => void,
  onFailure: (failure: RunFailure) => void,
): void {
  const failed = new Map(batch.failures.map((failure) => [failure.run, failure]));
  let next = 0;
  for (let run = batch.firstRun; run < batch.firstRun + batch.count; run++) {
    const failure = failed.get(run);
    if (failure) onFailure(failure);
    else onResult(batch.results[next++] as Result, run);
  }
}
