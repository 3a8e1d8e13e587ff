import * as z from 'zod';
import { ACTORS, AREAS_2020, type Actor, type AreaTable } from '../model/areas.js';
import type { ScheduledEvents } from '../model/inputs.js';
import type { ScenarioIssue } from './issues.js';

const AREA_IDS = AREAS_2020.records.map((area) => area.id) as [string, ...string[]];
const eventMonth = z.number().int().min(0).describe('The month it happens, counted from the start (0 = the start month).');
const note = z.string().optional().describe('What the event represents, and its source.');

/**
 * The `events` a scenario schedules: a run whose world changes. Each entry has a `kind`:
 * - `prisonBreak`: detainees freed at a named detention site (an area id), a number or a
 *   `[low, high]` range drawn uniformly per run;
 * - `foreignFighters`: fighters arriving in an area;
 * - `decapitation`: a share of ISIS coordination lost (a leader killed or captured);
 * - `campaign`: an ISIS offensive campaign of `months` months (a surge, see `stepPosture`);
 * - `forces`: an actor's personnel multiplied by `scale` from `month` (until `until`, exclusive,
 *   or the end), in the listed `areas` or everywhere;
 * - `control`: from `month` (until `until`, exclusive, or the end) `actor` holds `area` with
 *   `personnel` (replacing its mapped personnel there, also where it had none); by default the
 *   other actors leave the area for that period (`others: "stay"` keeps them).
 *
 * @example
 * scheduledEventSchema.parse({ kind: 'prisonBreak', month: 20, site: 'SY-HAS', freed: [500, 1500] }).kind; // 'prisonBreak'
 */
export const scheduledEventSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('prisonBreak'),
    month: eventMonth,
    site: z.enum(AREA_IDS).describe('The area id of the detention site (e.g. "SY-HAS" for the Hasakah prisons).'),
    freed: z
      .union([z.number().int().min(0).max(100000), z.tuple([z.number().int().min(0).max(100000), z.number().int().min(0).max(100000)])])
      .describe('Detainees freed: a number, or [low, high] drawn uniformly per run (at most those still held there).'),
    note,
  }),
  z.strictObject({
    kind: z.literal('foreignFighters'),
    month: eventMonth,
    area: z.enum(AREA_IDS).describe('The area they arrive in.'),
    fighters: z.number().int().min(1).max(100000).describe('How many arrive.'),
    note,
  }),
  z.strictObject({
    kind: z.literal('decapitation'),
    month: eventMonth,
    coordinationLost: z.number().min(0).max(1).describe('Share of ISIS coordination lost that month (it recovers with leadershipRecoveryHalfLife).'),
    note,
  }),
  z.strictObject({
    kind: z.literal('campaign'),
    month: eventMonth,
    months: z.number().int().min(1).max(24).describe('How many months the campaign lasts.'),
    intensity: z.number().min(0.5).max(1).optional().describe('Campaign intensity, 0.5–1 (default 1): the surge multiplies attacks by 1 + (surgeAttackMultiplier − 1) × intensity.'),
    note,
  }),
  z.strictObject({
    kind: z.literal('forces'),
    month: eventMonth,
    until: z.number().int().min(1).optional().describe('First month the change no longer applies (default: to the end).'),
    actor: z.enum(ACTORS).describe('Whose personnel change.'),
    scale: z.number().min(0).max(10).describe("Multiplier of the actor's mapped personnel (0 = withdrawn, 1 = as mapped)."),
    areas: z.array(z.enum(AREA_IDS)).min(1).optional().describe('Where (default: every area).'),
    note,
  }),
  z.strictObject({
    kind: z.literal('control'),
    month: eventMonth,
    until: z.number().int().min(1).optional().describe('First month the change no longer applies (default: to the end).'),
    area: z.enum(AREA_IDS).describe('The area whose control changes.'),
    actor: z.enum(ACTORS).describe('Who holds it from `month`.'),
    personnel: z.number().int().min(0).max(500000).describe("The actor's security personnel there (replaces its mapped personnel; a `forces` scale still multiplies it)."),
    others: z
      .enum(['leave', 'stay'])
      .optional()
      .describe('What the other actors mapped there do: "leave" (default; their personnel there is 0 for the period) or "stay" (as mapped).'),
    note,
  }),
]);

/** One scheduled event as written in a scenario. */
export type ScheduledEventSpec = z.infer<typeof scheduledEventSchema>;

/**
 * Checks what the shape cannot (each month inside the horizon, `until` after `month`, a break
 * at a site that holds detainees, `low ≤ high`) and resolves the events to the model's
 * {@link ScheduledEvents}. Issues carry their JSON path (`events[2].site`). Forces changes
 * multiply where they overlap; two control events of one area may not overlap in time
 * (`overlapping-control`). Without a control event `forcePersonnel` is absent.
 *
 * Cost: O(events × months × areas) for forces, O(events × months × actors) for control,
 * O(events) otherwise.
 *
 * @example
 * resolveEvents([{ kind: 'decapitation', month: 2, coordinationLost: 0.5 }], { months: 12, areas: AREAS_2020 });
 * // { ok: true, value: { coordinationLost: Float64Array [0, 0, 0.5, 0, …], … } }
 */
export function resolveEvents(
  specs: readonly ScheduledEventSpec[],
  context: {
    readonly months: number;
    readonly areas: AreaTable;
    /** Detainees the scenario's start holds per area (`initialState.detainees` by area), which makes an area a detention site too. */
    readonly heldAtStart?: ArrayLike<number>;
  },
): { ok: true; value: ScheduledEvents } | { ok: false; issues: ScenarioIssue[] } {
  const { months, areas } = context;
  const isSite = (a: number) => (areas.detaineeShare[a] as number) > 0 || ((context.heldAtStart?.[a] ?? 0) as number) > 0;
  const issues: ScenarioIssue[] = [];
  const indexOf = (id: string) => areas.records.findIndex((area) => area.id === id);
  const coordinationLost = new Float64Array(months);
  const campaign = new Float64Array(months);
  const prisonBreaks: ScheduledEvents['prisonBreaks'][number][] = [];
  const influxes: ScheduledEvents['influxes'][number][] = [];
  const forceScale: Partial<Record<Actor, Float64Array>> = {};
  let forcePersonnel: Partial<Record<Actor, Float64Array>> | undefined;
  const controls: { index: number; area: number; month: number; until: number }[] = [];
  /** The first month after an event's period (`until`, default the horizon), or undefined with an issue when the period is empty. */
  const periodEnd = (event: { readonly month: number; readonly until?: number }, path: readonly (string | number)[]): number | undefined => {
    const until = event.until ?? months;
    if (until > event.month) return until;
    issues.push({ code: 'empty-period', path: [...path, 'until'], message: `expected until > month (${event.month}), received ${until}`, expected: `> ${event.month}`, received: String(until) });
    return undefined;
  };
  specs.forEach((event, i) => {
    const path = ['events', i];
    if (event.month >= months) {
      issues.push({
        code: 'event-after-horizon',
        path: [...path, 'month'],
        message: `expected a month from 0 to ${months - 1} (the horizon is ${months} months), received ${event.month}`,
        expected: `0 ≤ month ≤ ${months - 1}`,
        received: String(event.month),
      });
      return;
    }
    switch (event.kind) {
      case 'prisonBreak': {
        const area = indexOf(event.site);
        if (!isSite(area)) {
          const sites = areas.records.filter((_, a) => isSite(a)).map((record) => record.id);
          issues.push({
            code: 'not-a-detention-site',
            path: [...path, 'site'],
            message: `${event.site} holds no detainees in the area table or the scenario's initialState.detainees: expected one of ${sites.join(', ')}`,
            expected: sites.join(' | '),
            received: event.site,
          });
          return;
        }
        const [low, high] = typeof event.freed === 'number' ? [event.freed, event.freed] : event.freed;
        if (low > high) {
          issues.push({
            code: 'inverted-range',
            path: [...path, 'freed'],
            message: `expected [low, high] with low ≤ high, received [${low}, ${high}]`,
            expected: 'low ≤ high',
            received: `[${low}, ${high}]`,
          });
          return;
        }
        prisonBreaks.push({ month: event.month, area, low, high });
        return;
      }
      case 'foreignFighters':
        influxes.push({ month: event.month, area: indexOf(event.area), fighters: event.fighters });
        return;
      case 'decapitation':
        coordinationLost[event.month] = 1 - (1 - (coordinationLost[event.month] as number)) * (1 - event.coordinationLost);
        return;
      case 'campaign':
        for (let m = event.month; m < Math.min(months, event.month + event.months); m++) campaign[m] = Math.max(campaign[m] as number, event.intensity ?? 1);
        return;
      case 'forces': {
        const until = periodEnd(event, path);
        if (until === undefined) return;
        const series = (forceScale[event.actor] ??= new Float64Array(months * areas.count).fill(1));
        const where = event.areas ? event.areas.map(indexOf) : areas.records.map((_, a) => a);
        for (let m = event.month; m < Math.min(months, until); m++) {
          for (const a of where) series[m * areas.count + a] = (series[m * areas.count + a] as number) * event.scale;
        }
        return;
      }
      case 'control': {
        const until = periodEnd(event, path);
        if (until === undefined) return;
        const a = indexOf(event.area);
        const clash = controls.find((c) => c.area === a && c.month < until && event.month < c.until);
        if (clash) {
          issues.push({
            code: 'overlapping-control',
            path: [...path, 'month'],
            message: `control of ${event.area} is already scheduled by events[${clash.index}] for months ${clash.month}–${clash.until - 1}: expected a period that does not overlap it, received ${event.month}–${until - 1}`,
            expected: `a period outside months ${clash.month}–${clash.until - 1}`,
            received: `${event.month}–${until - 1}`,
          });
          return;
        }
        controls.push({ index: i, area: a, month: event.month, until });
        const personnel = (forcePersonnel ??= {});
        const series = (actor: Actor) => (personnel[actor] ??= new Float64Array(months * areas.count).fill(Number.NaN));
        for (let m = event.month; m < Math.min(months, until); m++) {
          series(event.actor)[m * areas.count + a] = event.personnel;
          if ((event.others ?? 'leave') === 'leave') {
            for (const other of ACTORS) if (other !== event.actor) series(other)[m * areas.count + a] = 0;
          }
        }
        return;
      }
    }
  });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { coordinationLost, campaign, prisonBreaks, influxes, forceScale, ...(forcePersonnel ? { forcePersonnel } : {}) } };
}
