import { describe, expect, it } from 'vitest';
import { neighbourTable, visionOffsets, type VisionShape } from '../../../src/model/civilViolence/index.js';

const SHAPES: VisionShape[] = ['vonNeumann', 'moore', 'euclidean'];

describe('visionOffsets', () => {
  it('visionOffsets has the textbook sizes: 2v(v+1) cells for von Neumann, (2v+1)² − 1 for Moore', () => {
    for (let v = 1; v <= 9; v++) {
      expect(visionOffsets('vonNeumann', v).dx.length).toBe(2 * v * (v + 1));
      expect(visionOffsets('moore', v).dx.length).toBe((2 * v + 1) ** 2 - 1);
    }
    // Epstein's v = 7: the 112-cell neighbourhood of the brief.
    expect(visionOffsets('vonNeumann', 7).dx.length).toBe(112);
  });

  it('visionOffsets gives each shape by its definition, without the centre, symmetric under (dx, dy) → (−dx, −dy)', () => {
    for (const shape of SHAPES) {
      const v = 5;
      const { dx, dy } = visionOffsets(shape, v);
      const set = new Set<string>();
      for (let k = 0; k < dx.length; k++) set.add(`${dx[k]},${dy[k]}`);
      expect(set.size).toBe(dx.length);
      expect(set.has('0,0')).toBe(false);
      for (let y = -v; y <= v; y++) {
        for (let x = -v; x <= v; x++) {
          const inside = shape === 'vonNeumann' ? Math.abs(x) + Math.abs(y) <= v : shape === 'moore' ? true : x * x + y * y <= v * v;
          expect(set.has(`${x},${y}`), `${shape} ${x},${y}`).toBe(inside && !(x === 0 && y === 0));
          expect(set.has(`${-x},${-y}`)).toBe(set.has(`${x},${y}`));
        }
      }
    }
  });

  it('visionOffsets rejects a negative or fractional radius', () => {
    expect(() => visionOffsets('moore', -1)).toThrow(/invalid radius: -1/);
    expect(() => visionOffsets('moore', 1.5)).toThrow(/invalid radius: 1.5/);
  });
});

describe('neighbourTable', () => {
  it('neighbourTable lists, for every cell, the cells at its offsets wrapped around the torus', () => {
    const width = 17;
    const height = 15;
    const offsets = visionOffsets('vonNeumann', 7);
    const table = neighbourTable(width, height, offsets);
    const m = offsets.dx.length;
    expect(table.length).toBe(width * height * m);
    for (const cell of [0, 16, 100, width * height - 1]) {
      const x = cell % width;
      const y = Math.floor(cell / width);
      const seen = new Set<number>();
      for (let k = 0; k < m; k++) {
        const nx = (((x + (offsets.dx[k] as number)) % width) + width) % width;
        const ny = (((y + (offsets.dy[k] as number)) % height) + height) % height;
        expect(table[cell * m + k]).toBe(ny * width + nx);
        seen.add(table[cell * m + k] as number);
      }
      // 2v + 1 ≤ min(width, height): no cell is seen twice, and no cell sees itself.
      expect(seen.size).toBe(m);
      expect(seen.has(cell)).toBe(false);
    }
  });
});
