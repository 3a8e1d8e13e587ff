import { EnsembleInterrupted } from '../node/runEnsemble.js';
import { shellQuote } from './usage.js';

/**
 * Stops a long command cleanly on SIGINT (Ctrl-C) or SIGTERM (what Slurm, Kubernetes and
 * `timeout` send before SIGKILL): the first signal aborts the returned signal — the ensemble
 * checkpoints and stops within a second — and a second one exits at once (code 130). Call the
 * returned `dispose` when the command is done.
 *
 * @example
 * const { signal, dispose } = onInterrupt();
 * try { await runEnsemble(valid, { signal }); } finally { dispose(); }
 */
export function onInterrupt(): { readonly signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const handler = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}

/**
 * What to print when an ensemble was interrupted: where it stopped and a command that finishes
 * it (the same arguments with `--resume`, without `--force`), or — without `--out`, when no
 * checkpoint could be written — how to make the next run resumable.
 *
 * @example
 * interruptedMessage(new EnsembleInterrupted(1200, 'out/.checkpoint.json'), ['run', 'x.json', '--out', 'out']);
 * // '✖ interrupted before run 1200; checkpoint written to out/.checkpoint.json\n  finish it with: resurgence run x.json --out out --resume\n'
 */
export function interruptedMessage(error: EnsembleInterrupted, argv: readonly string[]): string {
  if (error.checkpointPath === undefined) {
    const hint = argv.includes('--redis') || argv.some((a) => a.startsWith('--redis=')) ? '' : ' (nothing was saved: run with --out DIR to be able to resume with --resume)';
    return `✖ ${error.message}${hint}\n`;
  }
  const again = ['resurgence', ...argv.filter((a) => a !== '--resume' && a !== '--force'), '--resume'].map(shellQuote).join(' ');
  return `✖ ${error.message}\n  finish it with: ${again}\n`;
}

/**
 * The hint for an error during a run that wrote checkpoints (e.g. a full disk): the command that
 * resumes it once the cause is fixed; undefined when there is nothing to resume.
 *
 * @example
 * resumeHint(['run', 'x.json', '--out', 'out'], true); // 'then finish it with: resurgence run x.json --out out --resume'
 */
export function resumeHint(argv: readonly string[], checkpointExists: boolean): string | undefined {
  if (!checkpointExists) return undefined;
  return `then finish it with: ${['resurgence', ...argv.filter((a) => a !== '--resume' && a !== '--force'), '--resume'].map(shellQuote).join(' ')}`;
}
