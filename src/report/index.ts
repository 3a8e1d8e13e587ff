export { formatSummaryTable } from './formatSummaryTable.js';
export type { SummaryTableOptions } from './formatSummaryTable.js';
export { seriesToCsv, runsToCsvRows, runsCsvHeader } from './toCsv.js';
export { sparkline } from './sparkline.js';
export { describeSetting } from './describeSetting.js';
export { formatComparison } from './formatComparison.js';
export { formatAttribution } from './formatAttribution.js';
export { formatSensitivity } from './formatSensitivity.js';
export { formatDiscovery } from './formatDiscovery.js';
