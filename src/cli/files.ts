import { readFileSync } from 'node:fs';
import { parseScenario, parseScenarioJson, type ValidScenario } from '../scenario/parseScenario.js';
import { ScenarioError } from '../scenario/issues.js';
import { SHIPPED_SCENARIOS } from '../scenario/shippedScenarios.js';
import { closestName } from '../scenario/suggest.js';

/**
 * Reads and validates a scenario file; throws a ScenarioError naming the file on any problem.
 * A name that is not a file but names a shipped scenario (`baseline-2020`, `us-stays`, …) loads
 * that scenario, so `npx resurgence run us-stays` works from any folder.
 */
export function loadScenarioFile(path: string): ValidScenario {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const shipped = SHIPPED_SCENARIOS[path.replace(/\.json$/, '')];
    if (code === 'ENOENT' && shipped !== undefined && !path.includes('/')) {
      const parsed = parseScenario(shipped);
      if (!parsed.ok) throw new ScenarioError(parsed.issues, path);
      return parsed.value;
    }
    const names = Object.keys(SHIPPED_SCENARIOS);
    const suggestion = closestName(path.replace(/^.*\//, '').replace(/\.json$/, ''), names);
    const hint = code === 'ENOENT' ? ` (shipped scenarios: ${suggestion ? `did you mean "${suggestion}"? ` : ''}${names.join(', ')})` : '';
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a file' : (error as Error).message;
    throw new ScenarioError([{ code: 'unreadable-file', path: [], message: `cannot read the scenario file: ${reason}${hint}` }], path);
  }
  const parsed = parseScenarioJson(text);
  if (!parsed.ok) throw new ScenarioError(parsed.issues, path);
  return parsed.value;
}

export { writeFileAtomic } from '../node/writeFileAtomic.js';
