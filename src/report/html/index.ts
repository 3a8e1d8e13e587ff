/**
 * A self-contained HTML report of ensemble summaries (inline CSS and SVG, nothing fetched).
 *
 * @example
 * import { renderReport } from './html/index.js';
 * renderReport(summary); // '<!DOCTYPE html><html lang="en">…</html>'
 */
export { renderReport, REPORT_OBSERVABLES } from './renderReport.js';
export type { RenderReportOptions, ReportEffects } from './renderReport.js';
export { escapeHtml } from './escapeHtml.js';
export { describeMonthlyValues } from './describeMonthlyValues.js';
export type { DescribeMonthlyValuesOptions } from './describeMonthlyValues.js';
export { MODEL_LIMITS } from './modelLimits.js';
export type { ModelLimit } from './modelLimits.js';
