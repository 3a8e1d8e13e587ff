// The static side of the expression engine: importing this module loads mathjs. Only the library's
// entries import it (src/index.ts, src/internals.ts, src/node/index.ts, src/node/worker.ts), so a
// program using the library compiles expressions synchronously as before, while the CLI, which
// imports modules below the entries, loads mathjs only when it needs it (loadExpressionEngine).
import { all, create } from 'mathjs';
import { provideExpressionEngine } from './expression.js';

/**
 * Provides the bundled mathjs to the expression compiler (see `provideExpressionEngine`).
 * Cost: O(1) (loading this module is what costs: mathjs, ~0.1 s once).
 *
 * @example
 * provideBundledExpressionEngine();
 * compileExpression('t + 1').ok; // true
 */
export function provideBundledExpressionEngine(): void {
  provideExpressionEngine({ all, create });
}
