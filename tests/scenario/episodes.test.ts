// The three historical back-test episodes (issue 12): they parse, draw their parameters from the
// mid-2020 posterior (fitted on 2020 only: the episodes are out of sample) with their inputs fixed
// at sourced values, every input they set has a source, and every observed number is derived from
// a row of data/sources/episodes-iraq-2007-2014.csv by the arithmetic its source note states.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatIssues } from '../../src/scenario/issues.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import { SHIPPED_SCENARIOS } from '../../src/scenario/shippedScenarios.js';

const CSV = readFileSync(fileURLToPath(new URL('../../data/sources/episodes-iraq-2007-2014.csv', import.meta.url)), 'utf8').split('\n');

/** The value of an (episode, series, date) row; the first match (the file keeps revisions in order). */
function row(episode: string, series: string, date: string): number {
  const line = CSV.find((l) => l.startsWith(`${episode},${series},${date},`));
  if (!line) throw new Error(`no row ${episode},${series},${date}`);
  return Number(line.split(',')[3]);
}

/** Each observed point (series index, label) and the value its source note derives from the CSV. */
const DERIVED: Record<string, Record<string, number>> = {
  'episode-decline-iraq-2007': {
    '0 2007-06': row('decline', 'attacks_all_per_day', '2007-06') * 30,
    '0 2007-08': row('decline', 'attacks_all_per_month', '2007-08'),
    '0 2007-11': Math.round((row('decline', 'attacks_all_per_week', '2007-11') * 30) / 7),
    '0 2008-06': Math.round((row('decline', 'attacks_all_per_week', '2008-06') * 30) / 7),
    '0 2009-08': row('decline', 'attacks_all_per_month', '2009-08'),
    '1 2008-09..2008-11': row('decline', 'insurgent_attacks_per_day_avg', '2008-09..2008-11') * 91,
    '1 2008-12..2009-02': row('decline', 'insurgent_attacks_per_day_avg', '2008-12..2009-02') * 90,
  },
  'episode-decapitation-iraq-2010': {
    '0 2010-01..2010-12': row('decapitation', 'usf_violent_incidents', '2010'),
    '1 2011-01..2011-06': row('decapitation', 'sigir_security_incidents_per_month_avg', '2011-01..2011-06') * 6,
    '2 2011-06': row('decapitation', 'aqi_fighters_estimate', '2011-06'),
    '2 2011-12': row('growth', 'aqi_fighters_estimate', '2011-12'),
  },
  'episode-growth-iraq-2012': {
    '0 2012-01..2012-06': row('growth', 'insurgent_attacks_per_week', '2012-01..2012-06') * 26,
    '0 2012-08..2012-10': Math.round((row('growth', 'insurgent_attacks_per_week', '2012-08..2012-10') * 92) / 7),
    '1 2013-01': row('growth', 'press_incidents', '2013-01'),
    '1 2013-02': row('growth', 'press_incidents', '2013-02'),
    '1 2013-03': row('growth', 'press_incidents', '2013-03'),
    '1 2014-01': 1012, // the Apr 2014 revision (a later row of the file than the first release, 1,031)
    '1 2014-02': row('growth', 'press_incidents', '2014-02'),
    '1 2014-03': 996, // the Apr 2014 revision (the Mar 2014 report said 995)
    '1 2014-04': row('growth', 'press_incidents', '2014-04'),
    '1 2014-05': Math.round(row('growth', 'press_incidents_per_day', '2014-05') * 31),
    '2 2012-11..2013-10': 9540, // the ISW/USA Today figure (a later row than the Telegraph's 'almost 10,000')
    '3 2012-10': row('growth', 'aqi_fighters_estimate', '2012-10'),
  },
};

describe.each(Object.keys(DERIVED))('scenarios/%s.json', (name) => {
  const raw = SHIPPED_SCENARIOS[name] as { factors: Record<string, unknown>; sources: Record<string, string>; initialState: Record<string, unknown>; events: { note?: string }[] };
  const result = parseScenario(raw);
  if (!result.ok) throw new Error(formatIssues(result.issues));
  const valid = result.value;

  it('parseScenario accepts it, with parameters from the mid-2020 posterior and fixed, sourced inputs', () => {
    expect(valid.uncertainty?.posterior?.name).toBe('mid-2020');
    expect(valid.uncertainty?.judged).toBeUndefined();
    expect(valid.uncertain ?? []).toHaveLength(0);
    for (const id of Object.keys(raw.factors)) expect(raw.sources[`factors.${id}`], id).toMatch(/\S/);
    for (const key of Object.keys(raw.initialState)) expect(raw.sources[`initialState.${key}`], key).toMatch(/\S/);
    for (const event of raw.events) expect(event.note, JSON.stringify(event)).toMatch(/; [ABC]\b|\([ABC]\)|judgement|^No /);
  });

  it('every observed point equals the value derived from the episode data file, and each series has an observation model with its source', () => {
    const seen: string[] = [];
    valid.observed?.forEach((series, s) => {
      expect(series.observation?.source).toMatch(/\S/);
      for (const point of series.points) {
        const key = `${s} ${point.label}`;
        seen.push(key);
        expect(point.value, key).toBe(DERIVED[name]?.[key]);
      }
    });
    expect(seen.sort()).toEqual(Object.keys(DERIVED[name] ?? {}).sort());
  });
});
