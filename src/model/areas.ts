import areaData from '../../data/areas-2020.json';

/** The security actors whose personnel the model counts per area. */
export const ACTORS = ['iraqiForces', 'iranBackedMilitias', 'peshmerga', 'sdf', 'syrianArmy'] as const;
export type Actor = (typeof ACTORS)[number];

/** One row of `data/areas-2020.json`, as shipped. */
export interface AreaRecord {
  readonly id: string;
  readonly name: string;
  readonly country: 'Iraq' | 'Syria';
  readonly population: number;
  readonly populationBasis: string;
  readonly areaKm2: number;
  readonly areaBasis: string;
  readonly sunniArabShare: number;
  readonly desertShare: number;
  readonly mainRoads: number;
  readonly adjacent: readonly string[];
  readonly security: Readonly<Record<Actor, number>>;
  readonly securityBasis: Readonly<Partial<Record<Actor, string>>>;
  readonly detaineeShare: number;
  readonly campShare: number;
  readonly initialPresenceWeight: number;
}

/**
 * The areas as columns of typed arrays, the form the rules read every month.
 * Adjacency is stored compressed (CSR): the neighbours of area a are
 * `neighbours[neighbourStart[a] .. neighbourStart[a + 1])`.
 */
export interface AreaTable {
  readonly count: number;
  readonly records: readonly AreaRecord[];
  readonly isIraq: Uint8Array;
  readonly population: Float64Array;
  readonly desertKm2: Float64Array;
  readonly sunniArabShare: Float64Array;
  readonly desertShare: Float64Array;
  readonly mainRoads: Float64Array;
  readonly security: Readonly<Record<Actor, Float64Array>>;
  readonly detaineeShare: Float64Array;
  readonly campShare: Float64Array;
  readonly initialPresenceWeight: Float64Array;
  readonly neighbourStart: Int32Array;
  readonly neighbours: Int32Array;
}

/** Builds the column table from area records (validating ids and adjacency once). */
export function createAreaTable(records: readonly AreaRecord[]): AreaTable {
  const count = records.length;
  const indexById = new Map(records.map((area, index) => [area.id, index]));
  const column = (pick: (area: AreaRecord) => number) => Float64Array.from(records, pick);
  const neighbourStart = new Int32Array(count + 1);
  const neighbourList: number[] = [];
  records.forEach((area, index) => {
    neighbourStart[index] = neighbourList.length;
    for (const id of area.adjacent) {
      const neighbour = indexById.get(id);
      if (neighbour === undefined) throw new Error(`invalid adjacency: ${area.id} lists unknown area ${id}`);
      neighbourList.push(neighbour);
    }
  });
  neighbourStart[count] = neighbourList.length;
  const security = Object.fromEntries(ACTORS.map((actor) => [actor, column((area) => area.security[actor])])) as Record<
    Actor,
    Float64Array
  >;
  return {
    count,
    records,
    isIraq: Uint8Array.from(records, (area) => (area.country === 'Iraq' ? 1 : 0)),
    population: column((area) => area.population),
    desertKm2: column((area) => area.areaKm2 * area.desertShare),
    sunniArabShare: column((area) => area.sunniArabShare),
    desertShare: column((area) => area.desertShare),
    mainRoads: column((area) => area.mainRoads),
    security,
    detaineeShare: column((area) => area.detaineeShare),
    campShare: column((area) => area.campShare),
    initialPresenceWeight: column((area) => area.initialPresenceWeight),
    neighbourStart,
    neighbours: Int32Array.from(neighbourList),
  };
}

/** The 19 areas of 2020 shipped in `data/areas-2020.json` (sources and grades are in that file). */
export const AREAS_2020: AreaTable = createAreaTable(areaData.areas as AreaRecord[]);

/**
 * The sum of a per-area quantity over Iraq's areas (the rest is Syria's): for outputs that
 * sources count one country at a time, such as fighters in Iraq. Pure.
 *
 * Cost: O(areas).
 *
 * @example
 * iraqTotal(AREAS_2020, Float64Array.from(AREAS_2020.records, () => 1)); // the number of Iraqi areas
 */
export function iraqTotal(areas: Pick<AreaTable, 'count' | 'isIraq'>, values: ArrayLike<number>): number {
  let total = 0;
  for (let a = 0; a < areas.count; a++) if (areas.isIraq[a]) total += values[a] as number;
  return total;
}
