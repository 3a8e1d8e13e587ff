// npm run bench:startup: CLI start-up, the time from `node dist/cli.js …` to its exit, for the
// commands that should feel instant (`validate`, `--help`, `run --help`), beside `node -e 0` (Node's
// own start-up on this machine). Median of N runs (default 9; --runs N). Measured here, never in
// a test: timings depend on the machine and its load. Goal: validate and --help under 0.5 s on an
// idle machine (Node alone takes ~0.05–0.3 s). Run `npm run build` first.
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

console.log(`CLI start-up: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores, load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}, Node ${process.version}; median of ${runs}\n`);
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
