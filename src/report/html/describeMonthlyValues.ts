/** Options of {@link describeMonthlyValues}. */
export interface DescribeMonthlyValuesOptions {
  /** Most changes to list before summarising as a range. Default 4. */
  readonly maxSteps?: number;
}

function formatValue(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: Math.abs(value) >= 100 ? 0 : 3 });
}

/**
 * A factor's resolved value per month (as `summary.provenance.factors` records it) in a few
 * words: a constant as one number, a few changes as steps (`600 → 0 at month 6`, the wording of
 * `describeSetting`), a value that keeps changing (an expression or a ramp) as its first and
 * last values with its range. Cost: O(months).
 *
 * @example
 * describeMonthlyValues([600, 600, 0, 0]);    // '600 → 0 at month 2'
 * describeMonthlyValues([0.3, 0.2, 0.1, 0.05, 0.03, 0.02, 0.01]); // '0.3 at month 0 … 0.01 at month 6 (range 0.01–0.3)'
 */
export function describeMonthlyValues(values: readonly number[], options: DescribeMonthlyValuesOptions = {}): string {
  if (values.length === 0) return '';
  const steps: { month: number; value: number }[] = [];
  values.forEach((value, month) => {
    if (month === 0 || value !== values[month - 1]) steps.push({ month, value });
  });
  if (steps.length <= 1 + (options.maxSteps ?? 4)) {
    return steps.map((step, i) => (i === 0 ? formatValue(step.value) : `${formatValue(step.value)} at month ${step.month}`)).join(' → ');
  }
  const last = values.length - 1;
  return `${formatValue(values[0] as number)} at month 0 … ${formatValue(values[last] as number)} at month ${last} (range ${formatValue(Math.min(...values))}–${formatValue(Math.max(...values))})`;
}
