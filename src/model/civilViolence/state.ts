import { arrestProbabilityTable } from './arrestProbability.js';
import type { CivilViolenceInputs } from './inputs.js';
import { neighbourTable, visionOffsets } from './neighbourhood.js';

/** The marker of an empty cell in {@link CivilViolenceState.grid}. */
export const EMPTY_CELL = -1;

/**
 * The state of one run, all hot data in typed arrays allocated once. Agents are numbered
 * 0 … citizens − 1 (citizens) then citizens … agents − 1 (cops). Cells are numbered y·width + x.
 */
export interface CivilViolenceState {
  readonly width: number;
  readonly height: number;
  readonly cells: number;
  /**
   * Citizens, cops and agents (citizens + cops). Fixed at creation with activation 'moveFirst';
   * with 'mesa' they are drawn at placement (the first step), the per-agent arrays being sized
   * for one agent per cell.
   */
  citizens: number;
  cops: number;
  agents: number;
  /** Cells in one vision neighbourhood (112 for von Neumann radius 7). */
  readonly seen: number;
  /** `neighbours[cell · seen + k]`: the k-th cell that `cell` sees (see neighbourTable). */
  readonly neighbours: Int32Array;
  /** dx + vision of each neighbourhood offset, in the order of `neighbours` (for picks without the big table). */
  readonly offsetX: Int32Array;
  /** dy + vision of each neighbourhood offset. */
  readonly offsetY: Int32Array;
  /**
   * For picks of a random neighbour from one byte of a draw (when seen ≤ 256): byte b picks
   * offset b mod seen if b < 256 − (256 mod seen), whose dx + vision and dy + vision are
   * `byteOffsetX[b]` and `byteOffsetY[b]`; a rejected byte has −1.
   */
  readonly byteOffsetX: Int32Array;
  readonly byteOffsetY: Int32Array;
  /** x and y of each cell. */
  readonly cellX: Int32Array;
  readonly cellY: Int32Array;
  /** `wrapX[x + dx + vision]` is (x + dx) mod width. */
  readonly wrapX: Int32Array;
  /** `wrapRow[y + dy + vision]` is ((y + dy) mod height) · width. */
  readonly wrapRow: Int32Array;
  /** Vision radius v. */
  readonly vision: number;
  /** Half-width of the neighbourhood on each row dy = −v … v (index dy + v): the row's cells are x − h … x + h. */
  readonly rowHalfWidth: Int32Array;
  /** Agent on each cell, or EMPTY_CELL. Jailed citizens are on no cell. */
  readonly grid: Int32Array;
  /** Cell of each agent, or −1 for a jailed citizen ('moveFirst'; with 'mesa' she keeps her cell). */
  readonly position: Int32Array;
  /** 1 while a citizen is jailed (arrested and not yet released by her own activation), else 0. */
  readonly jailed: Uint8Array;
  /** H ~ U(0, 1), per citizen (Epstein 2002). */
  readonly hardship: Float64Array;
  /** R ~ U(0, 1), per citizen (Epstein 2002). */
  readonly riskAversion: Float64Array;
  /** 1 if the citizen is active (openly rebelling), else 0. A jailed citizen is never active. */
  readonly active: Uint8Array;
  /** Remaining jail term in ticks, per citizen; meaningful while the citizen is jailed. */
  readonly jailTerm: Int32Array;
  /** Cops that each cell sees (its own cell excluded); kept up to date in 'incremental' mode. */
  readonly copsInVision: Int32Array;
  /** Active citizens that each cell sees (its own cell excluded); kept up to date in 'incremental' mode. */
  readonly activesInVision: Int32Array;
  /** P by (C, A): `arrestProbability[C · (seen + 2) + A]`, A counting the citizen herself. */
  readonly arrestProbability: Float64Array;
  /** The activation order, reshuffled every tick. */
  readonly order: Int32Array;
  /** Whether the agents have been placed (done at the first step, from the 'placement' stream). */
  placed: boolean;
  activeCount: number;
  jailedCount: number;
  /** First tick of the "outburst" event, −1 until it happens. */
  outburstTick: number;
}

/** The largest |dx| on each row dy of a neighbourhood (every shape here is a union of centred row runs). */
function rowHalfWidths(dy: Int32Array, dx: Int32Array, vision: number): Int32Array {
  const half = new Int32Array(2 * vision + 1);
  for (let k = 0; k < dy.length; k++) {
    const row = (dy[k] as number) + vision;
    half[row] = Math.max(half[row] as number, Math.abs(dx[k] as number));
  }
  return half;
}

/**
 * The state before any tick: arrays allocated, no agent placed yet. Placement needs random
 * numbers, which the engine hands only to `step`, so the first step places the agents.
 * Agent numbers: round(density × cells) citizens and cops (fixed counts, as NetLogo's Rebellion)
 * with activation 'moveFirst'; with 'mesa', drawn cell by cell at placement as Mesa does (the
 * counts set here are then replaced).
 *
 * Cost: O(cells × seen) for the neighbour table.
 *
 * @example
 * const state = createCivilViolenceState(civilViolenceInputs());
 * [state.citizens, state.cops, state.seen]; // [1120, 64, 112]
 */
export function createCivilViolenceState(inputs: CivilViolenceInputs): CivilViolenceState {
  const cells = inputs.width * inputs.height;
  const perCell = inputs.activation === 'mesa';
  const citizens = Math.round(inputs.citizenDensity * cells);
  const cops = Math.min(Math.round(inputs.copDensity * cells), cells - citizens);
  const agents = citizens + cops;
  // With 'mesa' the counts are drawn at placement: size every per-agent array for a full grid.
  const agentCapacity = perCell ? cells : agents;
  const citizenCapacity = perCell ? cells : citizens;
  const offsets = visionOffsets(inputs.visionShape, inputs.vision);
  const seen = offsets.dx.length;
  const v = inputs.vision;
  const { width, height } = inputs;
  const cellX = new Int32Array(cells);
  const cellY = new Int32Array(cells);
  for (let c = 0; c < cells; c++) {
    cellX[c] = c % width;
    cellY[c] = Math.floor(c / width);
  }
  const wrapX = Int32Array.from({ length: width + 2 * v }, (_, i) => (i - v + width) % width);
  const wrapRow = Int32Array.from({ length: height + 2 * v }, (_, i) => ((i - v + height) % height) * width);
  const byteOffsetX = new Int32Array(256).fill(-1);
  const byteOffsetY = new Int32Array(256).fill(-1);
  if (seen <= 256) {
    const limit = 256 - (256 % seen);
    for (let b = 0; b < limit; b++) {
      byteOffsetX[b] = (offsets.dx[b % seen] as number) + v;
      byteOffsetY[b] = (offsets.dy[b % seen] as number) + v;
    }
  }
  const order = new Int32Array(agentCapacity);
  for (let i = 0; i < agentCapacity; i++) order[i] = i;
  return {
    width: inputs.width,
    height: inputs.height,
    cells,
    citizens,
    cops,
    agents,
    seen,
    neighbours: neighbourTable(inputs.width, inputs.height, offsets),
    vision: v,
    rowHalfWidth: rowHalfWidths(offsets.dy, offsets.dx, v),
    offsetX: offsets.dx.map((dx) => dx + v),
    offsetY: offsets.dy.map((dy) => dy + v),
    byteOffsetX,
    byteOffsetY,
    cellX,
    cellY,
    wrapX,
    wrapRow,
    grid: new Int32Array(cells).fill(EMPTY_CELL),
    position: new Int32Array(agentCapacity).fill(-1),
    jailed: new Uint8Array(citizenCapacity),
    hardship: new Float64Array(citizenCapacity),
    riskAversion: new Float64Array(citizenCapacity),
    active: new Uint8Array(citizenCapacity),
    jailTerm: new Int32Array(citizenCapacity),
    copsInVision: new Int32Array(cells),
    activesInVision: new Int32Array(cells),
    arrestProbability: arrestProbabilityTable(seen, { k: inputs.arrestConstant, rounding: inputs.arrestRatio }),
    order,
    placed: false,
    activeCount: 0,
    jailedCount: 0,
    outburstTick: -1,
  };
}
