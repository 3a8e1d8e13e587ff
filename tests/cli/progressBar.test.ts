import { describe, expect, it } from 'vitest';
import { createProgressBar, formatSeconds } from '../../src/cli/progressBar.js';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, columns: 100, write: (text: string) => written.push(text) }, written };
}

describe('createProgressBar', () => {
  it('createProgressBar draws rate and ETA on a TTY, throttled to every 100 ms, and ends the line', () => {
    const { stream, written } = fakeStream(true);
    let now = 0;
    const bar = createProgressBar(stream, 'baseline', () => now);
    now = 1000;
    bar.update(10, 100); // 10 runs/s → ETA 9 s
    now = 1050;
    bar.update(11, 100); // throttled
    now = 2000;
    bar.update(100, 100);
    bar.finish();
    expect(written).toHaveLength(3);
    expect(written[0]).toContain('10/100 runs');
    expect(written[0]).toContain('10/s');
    expect(written[0]).toContain('ETA 9s');
    expect(written[1]).toContain('100/100 runs');
    expect(written[2]).toBe('\n');
  });

  it('createProgressBar stays silent when the stream is not a TTY', () => {
    const { stream, written } = fakeStream(false);
    const bar = createProgressBar(stream, 'x', () => 0);
    bar.update(1, 2);
    bar.finish();
    expect(written).toEqual([]);
  });

  it('createProgressBar with linesWithoutTty writes one plain line at 25%, 50% and 75% when the stream is not a TTY', () => {
    const { stream, written } = fakeStream(false);
    let now = 0;
    const bar = createProgressBar(stream, 'baseline-2020', () => now, { linesWithoutTty: true });
    for (let done = 1; done <= 1000; done++) {
      now = done * 10; // 10 ms per run
      bar.update(done, 1000);
    }
    bar.finish();
    expect(written).toEqual([
      'baseline-2020: 250/1000 runs (25%), 3s elapsed, about 8s left\n',
      'baseline-2020: 500/1000 runs (50%), 5s elapsed, about 5s left\n',
      'baseline-2020: 750/1000 runs (75%), 8s elapsed, about 3s left\n',
    ]);
  });

  it('createProgressBar with linesWithoutTty: a jump past two quarters writes one line; the end writes none; a TTY still gets the bar', () => {
    const { stream, written } = fakeStream(false);
    const bar = createProgressBar(stream, 'x', () => 0, { linesWithoutTty: true });
    bar.update(6, 10); // past 25% and 50% at once
    bar.update(10, 10);
    expect(written).toEqual(['x: 6/10 runs (60%), 0s elapsed, about 0s left\n']);
    const tty = fakeStream(true);
    const ttyBar = createProgressBar(tty.stream, 'x', () => 1000, { linesWithoutTty: true });
    ttyBar.update(10, 10);
    expect(tty.written[0]).toMatch(/^\rx █+ 10\/10 runs/);
  });

  it('formatSeconds shows minutes past one minute', () => {
    expect(formatSeconds(9.4)).toBe('9s');
    expect(formatSeconds(65)).toBe('1m 05s');
    expect(formatSeconds(Infinity)).toBe('?');
  });
});
