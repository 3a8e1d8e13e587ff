// npm run bench: measurements reported as ratios within one run (never as test assertions).
// 1. Random generators: draws per second and creation cost of seedrandom's generators, on a
//    toy agent workload shaped like the model's (one uniform and a little arithmetic per draw).
// 2. The model: Monte Carlo runs per second and cell-months per second on the baseline.
import os from 'node:os';
import seedrandom from 'seedrandom';
import { simulate, SHIPPED_SCENARIOS } from '../dist/index.js';

function time(fn) {
  const start = process.hrtime.bigint();
  const result = fn();
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, result };
}

const generators = {
  alea: (key) => seedrandom.alea(key),
  xor4096: (key) => seedrandom.xor4096(key),
  xorshift7: (key) => seedrandom.xorshift7(key),
  tychei: (key) => seedrandom.tychei(key),
  'arc4 (default)': (key) => seedrandom(key),
};

// A toy run: 5,000 agents × 36 months, one draw and ~10 flops per agent-month.
function toyRun(random) {
  const state = new Float64Array(5000).fill(1);
  let total = 0;
  for (let month = 0; month < 36; month++) {
    for (let i = 0; i < state.length; i++) {
      const u = random();
      state[i] = state[i] * 0.98 + (u < 0.05 ? 1 : 0) + u * 0.01;
      total += state[i];
    }
  }
  return total;
}

console.log(`resurgence bench on ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores), Node ${process.version}\n`);
console.log('random generators (toy 5,000-agent × 36-month run; ratio to alea in this run)');
const rows = [];
for (const [name, make] of Object.entries(generators)) {
  toyRun(make('warm')); // warm up
  const runs = name.startsWith('arc4') ? 20 : 60;
  const { seconds } = time(() => {
    for (let i = 0; i < runs; i++) toyRun(make(`seed/${i}`));
  });
  const creations = 20000;
  const create = time(() => {
    for (let i = 0; i < creations; i++) make(`resurgence/1/${i}/attacks`);
  });
  rows.push({ name, runsPerSecond: runs / seconds, createMicroseconds: (create.seconds / creations) * 1e6 });
}
const alea = rows.find((row) => row.name === 'alea');
for (const row of rows) {
  console.log(
    `  ${row.name.padEnd(15)} ${row.runsPerSecond.toFixed(0).padStart(6)} runs/s  ×${(row.runsPerSecond / alea.runsPerSecond).toFixed(2)}   create ${row.createMicroseconds.toFixed(2)} µs`,
  );
}

console.log('\nmodel (baseline-2020, 36 months)');
const baseline = SHIPPED_SCENARIOS['baseline-2020'];
simulate(baseline, { runs: 20, seed: 'warm' });
const runs = 300;
const { seconds, result } = time(() => simulate(baseline, { runs, seed: 1 }));
const fighters = result.summary.series.fighters.mean.reduce((s, v) => s + v, 0);
const cellMonths = (fighters / 12) * runs; // cells hold ~12 fighters (fightersPerCell)
console.log(`  ${(runs / seconds).toFixed(0)} runs/s, ~${(cellMonths / seconds / 1e6).toFixed(2)}M cell-months/s (${runs} runs in ${seconds.toFixed(2)} s)`);
