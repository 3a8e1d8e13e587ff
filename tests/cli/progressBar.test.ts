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

  it('formatSeconds shows minutes past one minute', () => {
    expect(formatSeconds(9.4)).toBe('9s');
    expect(formatSeconds(65)).toBe('1m 05s');
    expect(formatSeconds(Infinity)).toBe('?');
  });
});
