import { dirname } from 'node:path';
import { readConfinedFile, readRegularFile } from '../node/readConfinedFile.js';
import { SIZE_LIMITS } from '../scenario/bounds.js';
import { resolveScenarioFiles } from '../scenario/posterior.js';
import { parseScenario, parseScenarioJson, type ValidScenario } from '../scenario/parseScenario.js';
import { ScenarioError } from '../scenario/issues.js';
import { SHIPPED_SCENARIOS } from '../scenario/shippedScenarios.js';
import { closestName } from '../scenario/suggest.js';

/**
 * Reads and validates a scenario file; throws a ScenarioError naming the file on any problem.
 * A name that is not a file but names a shipped scenario (`baseline-2020`, `us-stays`, …) loads
 * that scenario, so `npx resurgence run us-stays` works from any folder.
 */
export function loadScenarioFile(path: string, options: { readonly allowFileReferences?: boolean } = {}): ValidScenario {
  let text: string;
  try {
    text = readRegularFile(path, { maxBytes: SIZE_LIMITS.fileBytes });
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
    const reason = code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new ScenarioError([{ code: 'unreadable-file', path: [], message: `cannot read the scenario file: ${reason}${hint}` }], path);
  }
  // Syntax errors first (with their line and column), then file references: a posterior given as
  // a path is read relative to the scenario file and inlined, so workers get a self-contained scenario.
  const syntax = parseScenarioJson(text);
  if (!syntax.ok && syntax.issues.some((issue) => issue.code === 'invalid-json')) throw new ScenarioError(syntax.issues, path);
  // A posterior path must name a regular file in the scenario's own folder (or below), read with a size cap.
  const reader = (options.allowFileReferences ?? true) ? (reference: string) => readConfinedFile(dirname(path), reference, { maxBytes: SIZE_LIMITS.posteriorFileBytes }) : null;
  const resolved = resolveScenarioFiles(JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text), reader);
  if (!resolved.ok) throw new ScenarioError(resolved.issues, path);
  const parsed = parseScenario(resolved.value);
  if (!parsed.ok) throw new ScenarioError(parsed.issues, path);
  return parsed.value;
}

export { writeFileAtomic } from '../node/writeFileAtomic.js';
