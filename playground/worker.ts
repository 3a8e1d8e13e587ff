// The playground's Web Worker: runs one ensemble per request off the page's thread. A run cannot
// be interrupted from inside (simulate is synchronous), so the page cancels a stale run by
// terminating this worker and starting a new one (see main.ts).
//
// It imports the library's public entry point on purpose: the Vite build then proves that the
// whole library, not just simulate, bundles for a browser without Node built-ins.
import { ScenarioError, simulate } from '../src/index.js';
import type { RunRequest, WorkerReply } from './protocol.js';

/** Progress is posted every this many runs (and at the last), enough for a smooth bar. */
const PROGRESS_EVERY = 10;

const scope = self as unknown as {
  postMessage(message: WorkerReply): void;
  onmessage: ((event: { data: RunRequest }) => void) | null;
};

scope.onmessage = (event) => {
  const { id, scenario, runs, seed } = event.data;
  const started = performance.now();
  try {
    const { summary } = simulate(scenario, {
      runs,
      seed,
      onProgress: (done, total) => {
        if (done % PROGRESS_EVERY === 0 || done === total) scope.postMessage({ type: 'progress', id, done, total });
      },
    });
    scope.postMessage({ type: 'result', id, summary, milliseconds: performance.now() - started });
  } catch (error) {
    const issues = error instanceof ScenarioError ? error.issues : [];
    scope.postMessage({ type: 'error', id, message: error instanceof Error ? error.message : String(error), issues });
  }
};
