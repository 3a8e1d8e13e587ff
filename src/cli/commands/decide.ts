import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { decide } from '../../experiment/decide/decide.js';
import type { SearchState } from '../../experiment/decide/epsilonNsga2.js';
import { inProcessExecutor } from '../../experiment/executor.js';
import { poolExecutor } from '../../node/poolExecutor.js';
import { writeFileAtomic } from '../../node/writeFileAtomic.js';
import { decisionChart } from '../../report/charts/decisionChart.js';
import { decisionToCsv, evppiToCsv, formatDecision } from '../../report/formatDecision.js';
import { canonicalJson, sha256Hex } from '../../scenario/hash.js';
import { ScenarioError } from '../../scenario/issues.js';
import { parseScenario, type ValidScenario } from '../../scenario/parseScenario.js';
import { parsePolicyFile, type PolicyFile } from '../../scenario/policyFile.js';
import { loadScenarioFile } from '../files.js';
import { createProgressBar } from '../progressBar.js';
import { integerFlag, seedFlag, UsageError, type CommandIo } from '../usage.js';

/** Reads a policy file and its scenario (a shipped name, a path relative to the policy file, or inline). */
export function loadPolicyFile(path: string): { policy: PolicyFile; scenario: ValidScenario } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a file' : (error as Error).message;
    throw new ScenarioError([{ code: 'unreadable-file', path: [], message: `cannot read the policy file: ${reason}` }], path);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ScenarioError([{ code: 'invalid-json', path: [], message: `not valid JSON: ${(error as Error).message}` }], path);
  }
  const parsed = parsePolicyFile(json);
  if (!parsed.ok) throw new ScenarioError(parsed.issues, path);
  const reference = parsed.value.scenario;
  if (typeof reference === 'string') {
    const relative = resolve(dirname(path), reference);
    return { policy: parsed.value, scenario: loadScenarioFile(existsSync(relative) ? relative : reference) };
  }
  const scenario = parseScenario(reference);
  if (!scenario.ok) throw new ScenarioError(scenario.issues.map((issue) => ({ ...issue, path: ['scenario', ...issue.path] })), path);
  return { policy: parsed.value, scenario: scenario.value };
}

interface DecideCheckpoint {
  readonly format: 'resurgence-decide-checkpoint/1';
  readonly key: string;
  readonly state: SearchState;
}

/** `resurgence decide <policy.json>`. */
export async function decideCommand(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      runs: { type: 'string' },
      'final-runs': { type: 'string' },
      population: { type: 'string' },
      generations: { type: 'string' },
      bootstrap: { type: 'string' },
      seed: { type: 'string' },
      workers: { type: 'string' },
      out: { type: 'string' },
      resume: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) throw new UsageError('decide needs one policy file, e.g. resurgence decide scenarios/policies/levers-2020.json');
  const path = positionals[0] as string;
  const { policy, scenario } = loadPolicyFile(path);
  const runs = integerFlag('--runs', values.runs, 2);
  const finalRuns = integerFlag('--final-runs', values['final-runs'], 2);
  const populationSize = integerFlag('--population', values.population, 4);
  if (populationSize !== undefined && populationSize % 2 !== 0) throw new UsageError(`invalid --population: ${populationSize} (expected an even integer ≥ 4)`);
  const generations = integerFlag('--generations', values.generations, 0);
  const bootstrap = integerFlag('--bootstrap', values.bootstrap, 0);
  const seed = seedFlag(values.seed);
  const workers = integerFlag('--workers', values.workers);
  const out = values.out ?? `decide-${policy.name ?? basename(path, '.json')}`;
  const checkpointPath = join(out, 'search-checkpoint.json');
  // Generations are left out of the key: a search can be resumed with more generations (the draws of
  // generation g depend only on the seed and g, so the result equals a search that ran them all).
  const key = sha256Hex(canonicalJson({ policy, scenario: scenario.scenario, runs: runs ?? null, populationSize: populationSize ?? null, seed: seed ?? null }));
  let resumeFrom: SearchState | undefined;
  if (values.resume) {
    if (!existsSync(checkpointPath)) throw new UsageError(`--resume: no checkpoint at ${checkpointPath} (run without --resume first)`);
    const checkpoint = JSON.parse(readFileSync(checkpointPath, 'utf8')) as DecideCheckpoint;
    if (checkpoint.format !== 'resurgence-decide-checkpoint/1' || checkpoint.key !== key) {
      throw new UsageError(`--resume: ${checkpointPath} belongs to another policy file or other settings (runs, population and seed must match; generations may grow)`);
    }
    resumeFrom = checkpoint.state;
  }
  const stream = values.quiet ? { isTTY: false, write: () => true } : io.stderr;
  const bars = new Map<string, ReturnType<typeof createProgressBar>>();
  let current = '';
  const decision = await decide(policy, scenario, {
    ...(runs === undefined ? {} : { runs }),
    ...(finalRuns === undefined ? {} : { finalRuns }),
    ...(populationSize === undefined ? {} : { populationSize }),
    ...(generations === undefined ? {} : { generations }),
    ...(bootstrap === undefined ? {} : { bootstrap }),
    ...(seed === undefined ? {} : { seed }),
    ...(resumeFrom ? { resumeFrom } : {}),
    executor: workers === 1 ? inProcessExecutor : poolExecutor(workers === undefined ? {} : { workers }),
    onProgress: (phase, done, total) => {
      if (phase !== current) {
        bars.get(current)?.finish();
        current = phase;
        bars.set(phase, createProgressBar(stream, `decide ${phase}`));
      }
      bars.get(phase)?.update(done, total);
    },
    onGeneration: (state) => writeFileAtomic(checkpointPath, `${JSON.stringify({ format: 'resurgence-decide-checkpoint/1', key, state } satisfies DecideCheckpoint)}\n`),
  });
  bars.get(current)?.finish();
  const report = formatDecision(decision);
  const json = `${JSON.stringify(decision, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
  writeFileAtomic(join(out, 'report.txt'), report);
  writeFileAtomic(join(out, 'policies.csv'), decisionToCsv(decision));
  writeFileAtomic(join(out, 'evppi.csv'), evppiToCsv(decision));
  writeFileAtomic(join(out, 'parallel.svg'), decisionChart(decision));
  writeFileAtomic(join(out, 'decision.json'), json);
  io.stdout.write(values.json ? json : `${report}\nWrote ${out}/report.txt, policies.csv, evppi.csv, parallel.svg, decision.json\n`);
  return 0;
}
