// npm run bench: speed and memory, reported as ratios measured in one run (never as test
// assertions). Sections:
//   1. the model: agent-steps (cell-months) per second and Monte Carlo runs per second on the
//      baseline, and the ratio to a "limit kernel" doing the same random draws and a comparable
//      amount of arithmetic per agent-step in a tight typed-array loop;
//   2. memory per run, exact quantiles vs the sketch past the exact limit;
//   3. worker threads: runs per second with 1 and 2 workers and the speed-up;
//   4. random generators (why Alea);
//   5. Epstein's civil violence model against a neighbourhood scan (bench/civilViolence.mjs).
// Run with --expose-gc for the memory figures (npm run bench does).
import os from 'node:os';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import seedrandom from 'seedrandom';
import { SHIPPED_SCENARIOS, createRunStream, parseScenario, resurgenceModel, simulate, toModelInputs, runOnce } from '../dist/index.js';
import { createEnsembleAccumulator, addRunInPlace } from '../dist/internals.js';
import { runEnsemble } from '../dist/node.js';

const quick = process.argv.includes('--quick');
const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;
const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

console.log(`resurgence bench: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores, ${fmt(os.totalmem() / 2 ** 30, 1)} GiB, Node ${process.version}, ${os.platform()} ${os.arch()}\n`);

// 1. The model ------------------------------------------------------------------------------
const baseline = SHIPPED_SCENARIOS['baseline-2020'];
const valid = parseScenario(baseline);
if (!valid.ok) throw new Error('baseline invalid');
const inputs = toModelInputs(valid.value);

simulate(baseline, { runs: 20, seed: 'warm' });
const modelRuns = quick ? 100 : 400;
let start = process.hrtime.bigint();
simulate(baseline, { runs: modelRuns, seed: 1 });
const modelSeconds = seconds(start);

// Instrumented runs, after the timing: wrapping random() in counting closures would make the
// model's draw sites polymorphic and slow the timed runs down.
// Instrumented runs: count agent-steps (live cells at the start of each month) and draws.
let agentSteps = 0;
let draws = 0;
const instrumentedRuns = 20;
for (let run = 0; run < instrumentedRuns; run++) {
  const random = {};
  for (const name of resurgenceModel.streams) {
    const stream = createRunStream(1, run, `${resurgenceModel.name}/${name}`);
    random[name] = () => {
      draws++;
      return stream();
    };
  }
  const state = resurgenceModel.initialize(inputs);
  const row = new Float64Array(resurgenceModel.observables.length);
  for (let month = 0; month < inputs.months; month++) {
    agentSteps += state.cellCount;
    resurgenceModel.step(state, inputs, month, random, row);
  }
}
const stepsPerRun = agentSteps / instrumentedRuns;
const drawsPerStep = draws / agentSteps;

const modelStepsPerSecond = (stepsPerRun * modelRuns) / modelSeconds;

// The limit kernel: the same number of agents and months, the same number of Alea draws per
// agent-step, and ~12 flops per draw (a comparison, a multiply-add, an update of the agent),
// over typed arrays: what a model of this shape could reach with no bookkeeping at all.
const agents = Math.round(stepsPerRun / inputs.months);
const drawsPerAgent = Math.max(1, Math.round(drawsPerStep));
function limitKernel(random) {
  const strength = new Float64Array(agents).fill(12);
  const area = new Int32Array(agents);
  const pressure = new Float64Array(19).fill(0.05);
  let total = 0;
  for (let month = 0; month < inputs.months; month++) {
    for (let i = 0; i < agents; i++) {
      let s = strength[i];
      const p = pressure[area[i]];
      for (let d = 0; d < drawsPerAgent; d++) {
        const u = random();
        s = u < p ? s * 0.9 : s + u * 0.02 - 0.01;
      }
      strength[i] = s;
      area[i] = (area[i] + (s > 12 ? 1 : 0)) % 19;
      total += s;
    }
  }
  return total;
}
limitKernel(seedrandom.alea('warm'));
const kernelRuns = quick ? 100 : 400;
start = process.hrtime.bigint();
for (let run = 0; run < kernelRuns; run++) limitKernel(seedrandom.alea(`kernel/${run}`));
const kernelSeconds = seconds(start);
const kernelStepsPerSecond = (agents * inputs.months * kernelRuns) / kernelSeconds;

console.log('1. The model on one core (baseline-2020, 36 months)');
console.log(`   agents (cells) per month      ${fmt(agents)} on average; ${fmt(drawsPerStep, 2)} random draws per agent-step`);
console.log(`   model                         ${fmt(modelStepsPerSecond / 1e6, 2)}M agent-steps/s   ${fmt(modelRuns / modelSeconds, 1)} runs/s`);
console.log(`   limit kernel (same draws)     ${fmt(kernelStepsPerSecond / 1e6, 2)}M agent-steps/s   ${fmt(kernelRuns / kernelSeconds, 1)} runs/s`);
console.log(`   model / limit kernel          ${fmt(modelStepsPerSecond / kernelStepsPerSecond, 2)}  (target ≥ 0.5)\n`);

// 2. Memory per run ---------------------------------------------------------------------------
// What an accumulator retains, counted from its contents (heap deltas around typed arrays are too
// noisy to read): the exact value store, the partials of the exact sums, the sketch buckets
// (a Map entry is about 2 numbers plus overhead: counted as 40 bytes).
function retainedBytes(accumulator) {
  let bytes = accumulator.values ? accumulator.values.byteLength : 0;
  for (const sum of [...accumulator.sums, ...accumulator.squares]) bytes += 8 * sum.partials.length + 32;
  for (const sketch of accumulator.sketches ?? []) bytes += 40 * (sketch.positive.size + sketch.negative.size) + 64;
  return bytes;
}
const memoryRuns = quick ? 200 : 800;
const width = resurgenceModel.observables.length;
function accumulate(limit, runs) {
  const accumulator = createEnsembleAccumulator({ observables: resurgenceModel.observables, events: resurgenceModel.events, months: inputs.months, exactQuantileLimit: limit });
  const sizes = [];
  for (let run = 0; run < runs; run++) {
    addRunInPlace(accumulator, runOnce(resurgenceModel, inputs, 1, run));
    if ((run + 1) % (runs / 4) === 0) sizes.push(retainedBytes(accumulator));
  }
  return sizes;
}
const exact = accumulate(100_000, memoryRuns);
const sketch = accumulate(0, memoryRuns);
const perRun = (sizes) => (sizes[3] - sizes[0]) / (memoryRuns * 0.75);
console.log('2. Memory the ensemble accumulator retains');
console.log(`   exact quantiles               ${fmt(perRun(exact) / 1024, 2)} KiB per run (capacity doubles; the values are ${inputs.months} months × ${width} observables × 8 bytes = ${fmt((inputs.months * width * 8) / 1024, 2)} KiB)`);
console.log(`   sketch (past the exact limit) ${fmt(perRun(sketch), 1)} bytes per extra run; ${sketch.map((b) => `${fmt(b / 1024, 0)} KiB`).join(' → ')} at ${[1, 2, 3, 4].map((q) => (q * memoryRuns) / 4).join(', ')} runs\n`);

// 3. Worker threads ----------------------------------------------------------------------------
const workerRuns = quick ? 200 : 2000;
const rates = {};
for (const workers of [1, 2]) {
  // Both on worker threads (cold threads, the same start-up cost), so the ratio is the scaling.
  start = process.hrtime.bigint();
  await runEnsemble(baseline, { runs: workerRuns, seed: 1, workers, inThread: false });
  rates[workers] = workerRuns / seconds(start);
}
console.log(`3. Worker threads (${workerRuns} runs; results identical for any count)`);
console.log(`   1 worker  ${fmt(rates[1], 1)} runs/s`);
console.log(`   2 workers ${fmt(rates[2], 1)} runs/s   speed-up ×${fmt(rates[2] / rates[1], 2)} (target ≥ 1.8 on 2 idle cores)\n`);

// 4. Random generators --------------------------------------------------------------------------
const generators = {
  alea: (key) => seedrandom.alea(key),
  xor4096: (key) => seedrandom.xor4096(key),
  'arc4 (default)': (key) => seedrandom(key),
};
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
console.log('4. Random generators (5,000 agents × 36 months, one draw each; ratio to Alea)');
const generatorRates = {};
for (const [name, make] of Object.entries(generators)) {
  toyRun(make('warm'));
  const runs = name.startsWith('arc4') ? 10 : 40;
  start = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) toyRun(make(`seed/${i}`));
  generatorRates[name] = runs / seconds(start);
}
for (const [name, rate] of Object.entries(generatorRates)) console.log(`   ${name.padEnd(15)} ×${fmt(rate / generatorRates.alea, 2)}`);
console.log('');

// 5. Epstein's civil violence model ---------------------------------------------------------------
if (existsSync(new URL('./civilViolence.mjs', import.meta.url))) {
  console.log("5. Epstein's civil violence model (bench/civilViolence.mjs; Mesa 3.3.1 ran ~33,000 agent-steps/s here)");
  const args = quick ? ['200', '2'] : ['1000', '5'];
  console.log(execFileSync(process.execPath, [fileURLToPath(new URL('./civilViolence.mjs', import.meta.url)), ...args], { encoding: 'utf8' }).replace(/^/gm, '   '));
}
