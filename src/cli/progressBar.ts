/** A stream the bar writes to (process.stderr in the CLI). */
export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
}

/** Options of {@link createProgressBar}. */
export interface ProgressBarOptions {
  /**
   * Without a TTY (CI logs), write a plain line at 25%, 50% and 75% of the work (done/total,
   * elapsed, time left) instead of staying silent. Default false.
   */
  readonly linesWithoutTty?: boolean;
}

/**
 * A progress bar with rate and ETA, drawn in place on a TTY at most every 100 ms. Without a TTY
 * it is silent (logs stay clean), or, with `linesWithoutTty`, writes three sparse lines (at 25%,
 * 50% and 75% of the work) so that a CI log shows that a long run is alive and when it should end.
 * `now` (milliseconds) is injectable for tests.
 *
 * Cost: O(1) per update.
 *
 * @example
 * const bar = createProgressBar(process.stderr, 'baseline-2020', undefined, { linesWithoutTty: true });
 * bar.update(250, 1000); // no TTY: 'baseline-2020: 250/1000 runs (25%), 4s elapsed, about 12s left'
 * bar.finish();
 */
export function createProgressBar(
  stream: ProgressStream,
  label: string,
  now: () => number = () => performance.now(),
  options: ProgressBarOptions = {},
): { update(done: number, total: number): void; finish(): void } {
  const started = now();
  let lastDraw = -Infinity;
  let drawn = false;
  let nextQuarter = 1;
  return {
    update(done, total) {
      if (!stream.isTTY) {
        if (!options.linesWithoutTty || total <= 0) return;
        let quarter = 0;
        while (nextQuarter <= 3 && done * 4 >= nextQuarter * total) quarter = nextQuarter++;
        if (quarter === 0 || done >= total) return;
        const elapsed = (now() - started) / 1000;
        const left = done > 0 ? (elapsed * (total - done)) / done : Infinity;
        stream.write(`${label}: ${done}/${total} runs (${Math.floor((done / total) * 100)}%), ${formatSeconds(elapsed)} elapsed, about ${formatSeconds(left)} left\n`);
        return;
      }
      const time = now();
      if (done < total && time - lastDraw < 100) return;
      lastDraw = time;
      const elapsed = (time - started) / 1000;
      const rate = elapsed > 0 ? done / elapsed : 0;
      const eta = rate > 0 ? (total - done) / rate : 0;
      const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - label.length - 45));
      const filled = Math.round((done / total) * width);
      const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
      stream.write(`\r${label} ${bar} ${done}/${total} runs  ${rate.toFixed(0)}/s  ETA ${formatSeconds(eta)}  `);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write('\n');
    },
  };
}

/** "1m 05s" style durations. */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const whole = Math.round(seconds);
  return whole >= 60 ? `${Math.floor(whole / 60)}m ${String(whole % 60).padStart(2, '0')}s` : `${whole}s`;
}
