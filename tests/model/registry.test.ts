import { describe, expect, it } from 'vitest';
import { AREAS_2020, ACTORS } from '../../src/model/areas.js';
import { FACTORS } from '../../src/model/factors.js';
import { MECHANISMS } from '../../src/model/mechanisms.js';
import { PARAMETERS } from '../../src/model/parameters.js';
import { resolveFactorSetting } from '../../src/scenario/resolveFactorSetting.js';
import areaData from '../../data/areas-2020.json';

const article = (await import('node:fs')).readFileSync(new URL('../../data/sources/article-2020.txt', import.meta.url), 'utf8');

describe('FACTORS', () => {
  it.each(FACTORS.map((f) => [f.id, f] as const))('FACTORS: %s is fully documented and its baseline lies in its range', (_, factor) => {
    for (const field of [factor.label, factor.description, factor.unit, factor.article, factor.source]) expect(field.length).toBeGreaterThan(3);
    expect(factor.mechanisms.length).toBeGreaterThan(0);
    for (const mechanism of factor.mechanisms) expect(Object.keys(MECHANISMS)).toContain(mechanism);
    expect(factor.range[0]).toBeGreaterThanOrEqual(factor.bounds[0]);
    expect(factor.range[1]).toBeLessThanOrEqual(factor.bounds[1]);
    const resolved = resolveFactorSetting(factor, factor.baseline, { months: 36, path: [factor.id] });
    expect(resolved.ok).toBe(true);
  });

  it('FACTORS: every article quote is a passage of the article (so the link to the text cannot rot)', () => {
    const normalise = (text: string) => text.replace(/[’']/g, "'").replace(/\s+/g, ' ');
    for (const factor of FACTORS) {
      const fragments = normalise(factor.article).split('...').map((part) => part.trim()).filter((part) => part.length > 0);
      for (const fragment of fragments) expect(normalise(article), factor.id).toContain(fragment);
    }
  });

  it('FACTORS: ids are unique and cover every factor the article names', () => {
    const ids = FACTORS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const required of ['usTroopsSyria', 'usTroopsIraq', 'coalitionAirSupport', 'covidDiversion', 'trainingSuspended', 'iraqGovernanceGap', 'iranMilitiaEffort', 'sdfTurkishFront', 'detaineesHeld', 'syrianArmyDesertPresence', 'extortionIncome', 'warChest', 'desertSanctuary', 'sectarianTension', 'leadershipShock']) {
      expect(ids).toContain(required);
    }
  });
});

describe('PARAMETERS', () => {
  it('PARAMETERS: every default lies in its range and has a source', () => {
    for (const parameter of PARAMETERS) {
      expect(parameter.value, parameter.id).toBeGreaterThanOrEqual(parameter.range[0]);
      expect(parameter.value, parameter.id).toBeLessThanOrEqual(parameter.range[1]);
      expect(parameter.source.length, parameter.id).toBeGreaterThan(5);
      if (parameter.integer) expect(Number.isInteger(parameter.value)).toBe(true);
    }
  });
});

describe('AREAS_2020', () => {
  it('AREAS_2020: adjacency is symmetric and has no self-loops', () => {
    const { neighbourStart, neighbours, count } = AREAS_2020;
    const edges = new Set<string>();
    for (let a = 0; a < count; a++) {
      for (let i = neighbourStart[a]!; i < neighbourStart[a + 1]!; i++) {
        expect(neighbours[i]).not.toBe(a);
        edges.add(`${a}-${neighbours[i]}`);
      }
    }
    for (const edge of edges) {
      const [a, b] = edge.split('-');
      expect(edges.has(`${b}-${a}`), edge).toBe(true);
    }
  });

  it('AREAS_2020: shares are in [0, 1] and presence weights sum to 1 in each country', () => {
    const sums = { Iraq: 0, Syria: 0 };
    for (const area of AREAS_2020.records) {
      for (const share of [area.sunniArabShare, area.desertShare, area.detaineeShare, area.campShare]) {
        expect(share).toBeGreaterThanOrEqual(0);
        expect(share).toBeLessThanOrEqual(1);
      }
      sums[area.country] += area.initialPresenceWeight;
    }
    expect(sums.Iraq).toBeCloseTo(1, 12);
    expect(sums.Syria).toBeCloseTo(1, 12);
    const detainees = AREAS_2020.records.reduce((s, a) => s + a.detaineeShare, 0);
    expect(detainees).toBeCloseTo(1, 12);
  });

  it('AREAS_2020: every non-zero security figure says where it comes from', () => {
    for (const area of areaData.areas) {
      for (const actor of ACTORS) {
        if ((area.security as Record<string, number>)[actor]! > 0) {
          expect((area.securityBasis as Record<string, string | undefined>)[actor], `${area.id}.${actor}`).toMatch(/\w{10,}/);
        }
      }
      expect(area.populationBasis.length).toBeGreaterThan(5);
    }
  });
});
