import type { ScenarioIssue } from './issues.js';
import { MAX_INITIAL_FIGHTERS } from './bounds.js';

/**
 * The work budget of one run: the model steps every cell every month, so a run's work grows
 * with (cells at the start) × (months). A scenario whose start would exceed it is refused before
 * anything runs, with the inputs named (issue 17: `"fighters": 1e9` once ran 764 s at 2.9 GB).
 * The budget, 2,000,000 cell-months, is 200,000 fighters in the smallest cells the parameter
 * registry allows (5 fighters) over 50 months, or 40,000 fighters in cells of 5 over 240 months;
 * the shipped scenarios use about 1,200 cells × 36–60 months. Cells merge and die as a run
 * goes on, so a run at the budget takes seconds, not hours (see `npm run bench`).
 *
 * @example
 * WORK_BUDGET.cellMonthsPerRun; // 2000000
 */
export const WORK_BUDGET = {
  /** Cells at the start × months, per run. */
  cellMonthsPerRun: 2_000_000,
  /** Fighters at the start, summed over areas. */
  initialFighters: MAX_INITIAL_FIGHTERS,
} as const;

/**
 * Checks a scenario's start against {@link WORK_BUDGET}: the total of fighters (a total or the
 * sum over areas) and cells × months, where cells = fighters / fightersPerCell.
 *
 * Cost: O(1).
 *
 * @example
 * workBudgetIssues({ fighters: 14000, fightersPerCell: 12, months: 36 }); // []
 * workBudgetIssues({ fighters: 200000, fightersPerCell: 5, months: 240 })[0]?.code; // 'work-budget'
 */
export function workBudgetIssues(work: { readonly fighters: number; readonly fightersPerCell: number; readonly months: number; readonly path?: readonly (string | number)[] }): ScenarioIssue[] {
  const path = work.path ?? ['initialState', 'fighters'];
  if (work.fighters > WORK_BUDGET.initialFighters) {
    return [
      {
        code: 'work-budget',
        path,
        message: `${work.fighters} fighters at the start (summed over areas) exceed the most the model accepts, ${WORK_BUDGET.initialFighters}`,
        expected: `≤ ${WORK_BUDGET.initialFighters}`,
        received: String(work.fighters),
      },
    ];
  }
  const cellMonths = Math.ceil(work.fighters / Math.max(1, Math.round(work.fighters > 0 ? work.fightersPerCell : 1))) * work.months;
  if (cellMonths > WORK_BUDGET.cellMonthsPerRun) {
    return [
      {
        code: 'work-budget',
        path,
        message: `a run would step ${cellMonths} cell-months (${work.fighters} fighters in cells of ${Math.round(work.fightersPerCell)}, over ${work.months} months), more than the budget of ${WORK_BUDGET.cellMonthsPerRun}: use fewer fighters, larger cells (parameters.fightersPerCell) or fewer months`,
        expected: `≤ ${WORK_BUDGET.cellMonthsPerRun} cell-months`,
        received: String(cellMonths),
      },
    ];
  }
  return [];
}
