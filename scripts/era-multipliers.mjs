// Transport across eras, one episode left out (docs/how-to/back-test.md): each historical
// episode's attack-rate multiplier m, the grid value minimising the mean over its attack-type
// observations of |log(reported median / observed)| (200 runs, its seed, the mid-2020 posterior,
// its shipped inputs), then the range each episode is scored with: the other eras' multipliers,
// 2020's 1 included. Run after `npm run build`: `node scripts/era-multipliers.mjs [--json]`.
import { backtestScores, parseScenario, simulate, SHIPPED_SCENARIOS } from '../dist/index.js';

export const GRID = [1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 32];
export const EPISODES = ['episode-decline-iraq-2007', 'episode-decapitation-iraq-2010', 'episode-growth-iraq-2012'];
const ATTACK_KINDS = new Set(['attacks', 'incidents', 'claims']);
const RUNS = 200;

/** Mean |log(reported median / observed)| over the episode's attack-type points with attackRate × m. */
function misfit(name, m) {
  const parsed = parseScenario({ ...SHIPPED_SCENARIOS[name], parameterScales: { attackRate: [m, m] } });
  if (!parsed.ok) throw new Error(`${name}: ${parsed.issues.map((issue) => issue.message).join('; ')}`);
  const seed = parsed.value.scenario.seed;
  const { runs } = simulate(parsed.value, { runs: RUNS, seed, perRun: true });
  const logs = backtestScores(parsed.value.observed ?? [], runs, { seed })
    .filter((series) => ATTACK_KINDS.has(series.kind))
    .flatMap((series) => series.points.map((point) => Math.abs(Math.log(Math.max(point.median, 1e-9) / point.observed))));
  return logs.reduce((sum, x) => sum + x, 0) / logs.length;
}

const fitted = Object.fromEntries(
  EPISODES.map((name) => {
    const misfits = GRID.map((m) => misfit(name, m));
    const best = misfits.indexOf(Math.min(...misfits));
    process.stderr.write(`${name}: ${GRID.map((m, i) => `${m}:${misfits[i].toFixed(2)}`).join(' ')}\n`);
    return [name, { multiplier: GRID[best], misfit: misfits[best] }];
  }),
);
const ranges = Object.fromEntries(
  EPISODES.map((name) => {
    const others = [1, ...EPISODES.filter((other) => other !== name).map((other) => fitted[other].multiplier)];
    return [name, [Math.min(...others), Math.max(...others)]];
  }),
);
if (process.argv.includes('--json')) console.log(JSON.stringify({ fitted, ranges }, null, 2));
else for (const name of EPISODES) console.log(`${name}: m = ${fitted[name].multiplier} (misfit ${fitted[name].misfit.toFixed(2)}); scored with attackRate × [${ranges[name].join(', ')}]`);
