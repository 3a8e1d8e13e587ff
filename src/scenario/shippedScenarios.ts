import backtest2018 from '../../scenarios/backtest-2018-2019.json';
import backtestCalibrated from '../../scenarios/backtest-2018-2020-calibrated.json';
import backtestOrigin2018 from '../../scenarios/backtest-2018-origin-2018-12.json';
import backtestOrigin2019 from '../../scenarios/backtest-2018-origin-2019-12.json';
import baseline from '../../scenarios/baseline-2020.json';
import episodeDecapitation from '../../scenarios/episode-decapitation-iraq-2010.json';
import episodeDecline from '../../scenarios/episode-decline-iraq-2007.json';
import episodeGrowth from '../../scenarios/episode-growth-iraq-2012.json';
import forcesCollapse from '../../scenarios/forces-collapse.json';
import fundingCut from '../../scenarios/funding-cut.json';
import iranRecovers from '../../scenarios/iran-recovers.json';
import noCovidDiversion from '../../scenarios/no-covid-diversion.json';
import pre2020 from '../../scenarios/pre-2020.json';
import pressureRaised from '../../scenarios/pressure-raised.json';
import sdfRelieved from '../../scenarios/sdf-relieved.json';
import usStays from '../../scenarios/us-stays.json';
import worstCase from '../../scenarios/worst-case.json';

/**
 * The scenarios shipped in `scenarios/`, bundled so that they work without a file system
 * (in a browser, a notebook, a worker). Keys are the scenario names.
 *
 * @example
 * simulate(SHIPPED_SCENARIOS['us-stays'], { runs: 100 }).summary.scenario.name; // 'us-stays'
 */
export const SHIPPED_SCENARIOS: Readonly<Record<string, unknown>> = {
  'baseline-2020': baseline,
  'us-stays': usStays,
  'no-covid-diversion': noCovidDiversion,
  'iran-recovers': iranRecovers,
  'sdf-relieved': sdfRelieved,
  'funding-cut': fundingCut,
  'worst-case': worstCase,
  'forces-collapse': forcesCollapse,
  'pressure-raised': pressureRaised,
  'pre-2020': pre2020,
  'backtest-2018-2019': backtest2018,
  'backtest-2018-2020-calibrated': backtestCalibrated,
  'backtest-2018-origin-2018-12': backtestOrigin2018,
  'backtest-2018-origin-2019-12': backtestOrigin2019,
  'episode-decline-iraq-2007': episodeDecline,
  'episode-decapitation-iraq-2010': episodeDecapitation,
  'episode-growth-iraq-2012': episodeGrowth,
};
