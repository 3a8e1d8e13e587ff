/** A stream the bar writes to (process.stderr in the CLI). */
export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
}

/**
 * A progress bar with rate and ETA, drawn in place on a TTY at most every 100 ms; silent when
 * the stream is not a TTY (logs and CI stay clean). `now` is injectable for tests.
 */
export function createProgressBar(
  stream: ProgressStream,
  label: string,
  now: () => number = () => performance.now(),
): { update(done: number, total: number): void; finish(): void } {
  const started = now();
  let lastDraw = -Infinity;
  let drawn = false;
  return {
    update(done, total) {
      if (!stream.isTTY) return;
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
