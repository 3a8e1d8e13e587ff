const BARS = '▁▂▃▄▅▆▇█';

/**
 * A one-line chart of a series with block characters, `width` wide (the series is averaged
 * into that many buckets). The scale runs from the series' minimum to its maximum, so a flat
 * series draws as a flat line; a series with a real range uses all eight heights.
 *
 * Cost: O(values.length).
 *
 * @example
 * sparkline([0, 1, 2, 3, 4, 5, 6, 7], 8); // '▁▂▃▄▅▆▇█'
 * sparkline([5, 5, 5], 3);                // '▄▄▄'
 */
export function sparkline(values: readonly number[], width = values.length): string {
  if (values.length === 0 || width < 1) return '';
  const buckets: number[] = [];
  for (let b = 0; b < width; b++) {
    const from = Math.floor((b * values.length) / width);
    const to = Math.max(from + 1, Math.floor(((b + 1) * values.length) / width));
    let total = 0;
    for (let i = from; i < to; i++) total += values[i] as number;
    buckets.push(total / (to - from));
  }
  const low = Math.min(...buckets);
  const high = Math.max(...buckets);
  // A range below a millionth of the level is noise: draw it flat.
  if (high - low <= 1e-6 * Math.max(Math.abs(high), Math.abs(low), 1e-12)) return (BARS[3] as string).repeat(width);
  return buckets.map((value) => BARS[Math.min(7, Math.floor(((value - low) / (high - low)) * 8))]).join('');
}
