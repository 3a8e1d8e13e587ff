// npm run bench:startup: CLI start-up, the time from `node dist/cli.js …` to its exit, for the
// commands that should feel instant (`validate`, `--help`, `run --help`), beside `node -e 0` (Node's
// own start-up on this machine). Median of N runs (default 9; --runs N). Measured here, never in
// a test: timings depend on the machine and its load. Goal: validate and --help under 0.5 s on an
// idle machine (Node alone takes ~0.05–0.3 s). Run `npm run build` first.
//
// What each command loads at start, and what it no longer does (issue 13):
//   - `--help`, `run --help`: only dist/cli.js and its help texts (src/cli/commandHelp.ts; ~22 KB
//     of JS), pinned by tests/cli/startupImports.test.ts. Before: the run command, hence the model,
//     zod, mathjs, charts and worker threads (2.1 MB).
//   - `validate`: the scenario parser with zod and the model's registry (~0.5 MB). No mathjs unless
//     a file holds an expression (src/scenario/expression.ts), no piscina or node:crypto (the error
//     renderer loads on failure only), zod without its 40 locales (imported as a namespace).
//     Before: 1.9 MB.
// Before → after on the same machine (2 cores shared with other jobs, load ~5.6; the two builds'
// runs interleaved, median of 9; wall / user+sys CPU seconds):
//   node -e 0                   0.15 / 0.13   →  0.17 / 0.14
//   resurgence --help           0.45 / 0.42   →  0.14 / 0.13
//   resurgence run --help       1.30 / 1.25   →  0.21 / 0.19
//   resurgence validate …json   0.51 / 0.50   →  0.33 / 0.31
//   resurgence factors          0.45 / 0.43   →  0.28 / 0.27
// (At load 9–13 the same pairs were 1.22 → 0.42, 2.47 → 0.41 and 1.10 → 0.60 s.)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = `${root}dist/cli.js`;
if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first');
const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag >= 0 ? Number(process.argv[runsFlag + 1]) : 9;

const cases = [
  ['node -e 0 (Node alone)', ['-e', '0']],
  ['resurgence --help', [cli, '--help']],
  ['resurgence run --help', [cli, 'run', '--help']],
  ['resurgence validate scenarios/baseline-2020.json', [cli, 'validate', 'scenarios/baseline-2020.json']],
  ['resurgence factors', [cli, 'factors']],
];

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

console.log(`CLI start-up: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores, load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}, Node ${process.version}; median of ${runs}`);
if (os.loadavg()[0] > os.availableParallelism() / 2) console.log('(the machine is busy: these times are inflated; the goal is for an idle machine)');
console.log('Before issue 13 (same machine, load ~5.6): --help 0.45 s, run --help 1.30 s, validate 0.51 s, Node alone 0.15 s (see the header of bench/startup.mjs)\n');
let nodeAlone = 0;
for (const [name, args] of cases) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
    if (result.status !== 0) throw new Error(`${name} exited with ${result.status}`);
  }
  const m = median(times);
  if (nodeAlone === 0) nodeAlone = m;
  console.log(`${name.padEnd(52)} ${m.toFixed(3)} s   (×${(m / nodeAlone).toFixed(1)} Node alone)`);
}
