import { EVENT_IDS, OBSERVABLE_IDS } from '../model/observables.js';
import { closestName } from '../scenario/suggest.js';
import type { RunResult } from './runOnce.js';

/**
 * A scalar outcome of a run, the quantity an attribution or a sensitivity analysis explains:
 * an observable in one month (`fighters@24`), an observable summed over the horizon
 * (`attacks:total`), or whether an event happened by a month (`territorialComeback@24`,
 * or by the horizon: `territorialComeback`). Months count from 1 (`@24`: the 24th month).
 */
export type Outcome =
  | { readonly kind: 'observable'; readonly observable: string; readonly month: number; readonly label: string }
  | { readonly kind: 'total'; readonly observable: string; readonly label: string }
  | { readonly kind: 'event'; readonly event: string; readonly month: number; readonly label: string };

/**
 * Reads an outcome written as `observable@month`, `observable:total`, `event` or `event@month`;
 * throws a RangeError that names what was expected (with a did-you-mean) otherwise.
 *
 * @example
 * parseOutcome('fighters@24', 36); // { kind: 'observable', observable: 'fighters', month: 23, label: 'fighters@24' }
 */
export function parseOutcome(text: string, months: number): Outcome {
  const match = /^([A-Za-z]+)(?:@(\d+)|:(total))?$/.exec(text.trim());
  if (!match) throw new RangeError(`invalid outcome: "${text}" (expected observable@month, observable:total, event or event@month, e.g. fighters@24)`);
  const [, name = '', monthText, total] = match;
  const month = monthText === undefined ? months : Number(monthText);
  if (monthText !== undefined && (month < 1 || month > months)) {
    throw new RangeError(`invalid outcome: "${text}": month ${month} is outside the horizon (1–${months})`);
  }
  if ((EVENT_IDS as readonly string[]).includes(name)) {
    if (total) throw new RangeError(`invalid outcome: "${text}": an event has no total; use ${name} or ${name}@month`);
    return { kind: 'event', event: name, month: month - 1, label: monthText ? `P(${name} by month ${month})` : `P(${name})` };
  }
  if ((OBSERVABLE_IDS as readonly string[]).includes(name)) {
    if (total) return { kind: 'total', observable: name, label: `${name}:total` };
    if (monthText === undefined) throw new RangeError(`invalid outcome: "${text}": say which month (${name}@${months}) or the total (${name}:total)`);
    return { kind: 'observable', observable: name, month: month - 1, label: `${name}@${month}` };
  }
  const suggestion = closestName(name, [...OBSERVABLE_IDS, ...EVENT_IDS]);
  throw new RangeError(
    `invalid outcome: unknown observable or event "${name}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; observables: ${OBSERVABLE_IDS.join(', ')}; events: ${EVENT_IDS.join(', ')}`,
  );
}

/** The value of an outcome in one run (an event: 1 if it happened by the month, else 0). */
export function outcomeValue(outcome: Outcome, run: Pick<RunResult, 'series' | 'eventMonths'>): number {
  const width = OBSERVABLE_IDS.length;
  switch (outcome.kind) {
    case 'observable':
      return run.series[outcome.month * width + OBSERVABLE_IDS.indexOf(outcome.observable as never)] as number;
    case 'total': {
      const k = OBSERVABLE_IDS.indexOf(outcome.observable as never);
      let sum = 0;
      for (let m = 0; m < run.series.length / width; m++) sum += run.series[m * width + k] as number;
      return sum;
    }
    case 'event': {
      const first = run.eventMonths[EVENT_IDS.indexOf(outcome.event as never)] as number;
      return first >= 0 && first <= outcome.month ? 1 : 0;
    }
  }
}
