// The export surface of the package. `resurgence` is the supported API: its names are listed
// below, sorted, one per line, so a change to src/index.ts shows up here as an added or removed
// line for a reviewer to judge. `resurgence/internals` (src/internals.ts) holds everything else the
// modules export and may change in any release. And every name the README, the docs, the examples,
// the notebooks, the playground, bench/ and scripts/ import from the package must exist where
// they import it from.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const repo = resolve(__dirname, '..');

/**
 * The names an entry file exports (`type X` for type-only ones), read from its export lists
 * without loading the library (fast); the modules it `export *`s from; and the modules it names.
 * tsc's isolatedModules makes every type re-export say `type`, so the list's types are types.
 */
function declaredExports(file: string): { names: string[]; exportStar: boolean; starModules: string[]; fromModules: string[] } {
  const source = ts.createSourceFile(file, readFileSync(join(repo, file), 'utf8'), ts.ScriptTarget.ES2022);
  const names: string[] = [];
  const starModules: string[] = [];
  const fromModules: string[] = [];
  let exportStar = false;
  for (const statement of source.statements) {
    if (!ts.isExportDeclaration(statement)) continue;
    const from = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : '';
    fromModules.push(from);
    if (!statement.exportClause) {
      exportStar = true;
      starModules.push(from);
    } else if (ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) {
        names.push(`${statement.isTypeOnly || element.isTypeOnly ? 'type ' : ''}${element.name.text}`);
      }
    }
  }
  return { names, exportStar, starModules, fromModules };
}

/** Every name a module exports, following its `export *` through src/ (syntax only). */
function allExports(file: string, seen = new Set<string>()): Set<string> {
  const names = new Set<string>();
  if (seen.has(file)) return names;
  seen.add(file);
  const declared = declaredExports(file);
  for (const name of declared.names) names.add(bare(name));
  const source = ts.createSourceFile(file, readFileSync(join(repo, file), 'utf8'), ts.ScriptTarget.ES2022);
  for (const statement of source.statements) {
    // Local declarations: export function/const/class/interface/type.
    const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined;
    if (!modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) continue;
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) if (ts.isIdentifier(declaration.name)) names.add(declaration.name.text);
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) && statement.name) {
      names.add(statement.name.text);
    }
  }
  for (const from of declared.starModules) {
    const target = join(file, '..', from).replace(/\.js$/, '.ts');
    for (const name of allExports(target, seen)) names.add(name);
  }
  return names;
}

function bare(name: string): string {
  return name.replace(/^type /, '');
}
const byName = (a: string, b: string) => (bare(a) < bare(b) ? -1 : bare(a) > bare(b) ? 1 : 0);

// The supported API. Adding a name is a promise to keep it; internal helpers go to src/internals.ts.
const ROOT_EXPORTS = [
  'ACTORS',
  'ALLOWED_CONSTANTS',
  'ALLOWED_FUNCTIONS',
  'AREAS_2020',
  'type AbcGeneration',
  'type AbcPosterior',
  'type AbcProgress',
  'type AbcRejectionOptions',
  'type AbcSmcOptions',
  'type Actor',
  'type AdverseDirection',
  'type AreaRecord',
  'type AttributeOptions',
  'type Attribution',
  'type AttributionPlan',
  'type BacktestObservationModel',
  'type BacktestOptions',
  'type BacktestPitChartOptions',
  'type BacktestPoint',
  'type BacktestSeries',
  'type BoxLimits',
  'CIVIL_VIOLENCE_DEFAULTS',
  'CIVIL_VIOLENCE_EVENTS',
  'CIVIL_VIOLENCE_OBSERVABLES',
  'type CalibrateOptions',
  'type CalibrationConfig',
  'CalibrationConfigError',
  'type CalibrationConfigResult',
  'type CalibrationProgress',
  'type CalibrationResult',
  'type CalibrationSbcOptions',
  'type CalibrationSbcResult',
  'type CalibrationSetup',
  'type CalibrationTarget',
  'type ChartDocument',
  'type CivilViolenceActivation',
  'type CivilViolenceInputs',
  'type CivilViolenceIssue',
  'type CivilViolenceOptions',
  'type CivilViolenceState',
  'type CompareOptions',
  'type Comparison',
  'type CompiledExpression',
  'type CoverageResult',
  'type CoveredPoint',
  'type CrpsOptions',
  'type CrpsSkill',
  'DEFAULT_PARAMETERS',
  'type DecideOptions',
  'type DecidedPolicy',
  'type Decision',
  'type DeitchmanParameters',
  'type Distance',
  'EVENTS',
  'EVENT_IDS',
  'type EnsembleForecast',
  'type EnsembleResult',
  'type EnsembleSummary',
  'type EventChartOptions',
  'type EventDifference',
  'type EventId',
  'type EventSummary',
  'type EvppiEstimate',
  'type EvppiOptions',
  'type EvppiRow',
  'type Experiments',
  'type ExploreOptions',
  'ExpressionEngineNotLoadedError',
  'type ExpressionIssue',
  'FACTORS',
  'FACTORS_BY_ID',
  'FACTOR_IDS',
  'type FactorDefinition',
  'type FactorGraphOptions',
  'type FactorId',
  'type FactorImportance',
  'type FactorSetting',
  'type FanChartOptions',
  'type GuerrillaWarfareInputs',
  'type GuerrillaWarfareState',
  'type InputDistribution',
  'type InterventionSpec',
  'JUDGED_FACTOR_CORRELATIONS',
  'JUDGED_FACTOR_DISTRIBUTIONS',
  'type JudgedFactorDistribution',
  'type Lever',
  'MAX_MONTHS',
  'MAX_RUNS',
  'MECHANISMS',
  'MESA_DEFAULTS',
  'MODEL_LIMITS',
  'type MeanFieldOptions',
  'type MeanFieldResult',
  'type MechanismId',
  'type ModelInputs',
  'type ModelLimit',
  'type MorrisDesign',
  'type MorrisDesignOptions',
  'type MorrisEffects',
  'type MorrisEffectsOptions',
  'type NaiveSkill',
  'OBSERVABLES',
  'OBSERVABLE_IDS',
  'type ObservableId',
  'type ObservedPoint',
  'type ObservedSeriesSpec',
  'type Outcome',
  'type OutcomeAttribution',
  'PARAMETERS',
  'PARAMETERS_BY_ID',
  'type ParallelAxis',
  'type ParallelCoordinatesOptions',
  'type ParallelLine',
  'type ParameterDefinition',
  'type ParameterId',
  'type ParameterSummary',
  'type ParameterValues',
  'type ParseResult',
  'type ParseScenarioOptions',
  'type PointScores',
  'type PolicyFile',
  'type PosteriorFile',
  'type PosteriorPredictiveCheck',
  'type PosteriorSamples',
  'type PrimBoxStatistics',
  'type PrimInput',
  'type PrimOptions',
  'type PrimResult',
  'type PrimSelection',
  'type PrimStep',
  'type Prior',
  'type PriorSpec',
  'type Provenance',
  'REPORT_OBSERVABLES',
  'type RandomSource',
  'type RenderReportOptions',
  'type ReportEffects',
  'type RunExecutor',
  'type RunResult',
  'type RunTask',
  'SHIPPED_POSTERIORS',
  'SHIPPED_SCENARIOS',
  'SUMMARY_QUANTILES',
  'type SaltelliDesignOptions',
  'type SbcOptions',
  'type SbcResult',
  'type Scenario',
  'ScenarioError',
  'type ScenarioIssue',
  'type ScoreboardEntry',
  'type ScoreboardOptions',
  'type SensitivityOptions',
  'type SensitivityProblem',
  'type SensitivityResult',
  'type SeriesDifference',
  'type SeriesScores',
  'type SeriesSummary',
  'type ShapleyFactorEstimate',
  'type ShapleyIntervalOptions',
  'type ShapleyWithIntervals',
  'type SimulateOptions',
  'type SimulationModel',
  'type SobolIndices',
  'type SobolIndicesOptions',
  'type SobolSequenceOptions',
  'type SummaryTableOptions',
  'type TargetCheck',
  'type TornadoChartOptions',
  'type TornadoItem',
  'type UncertaintyDescription',
  'type UncertaintyMode',
  'type UncertaintySpec',
  'type UnivariatePrior',
  'type ValidScenario',
  'type VarianceChartOptions',
  'type VarianceDecomposition',
  'type VarianceDecompositionOptions',
  'type VarianceTableOptions',
  'type VisionCounting',
  'abcRejection',
  'abcSmc',
  'attribute',
  'attributionPlan',
  'backtestPitChart',
  'backtestScoreboard',
  'backtestScores',
  'bandLabel',
  'calibrate',
  'calibrationSbc',
  'civilViolenceInputs',
  'civilViolenceIssues',
  'civilViolenceModel',
  'compare',
  'compileExpression',
  'coverage',
  'createRunStream',
  'crps',
  'crpsSkill',
  'decide',
  'decisionChart',
  'decisionToCsv',
  'decomposeVariance',
  'deitchmanDerivative',
  'deitchmanExpectedStep',
  'deitchmanInvariant',
  'describeSetting',
  'describeUncertainty',
  'evaluateExpressionOverMonths',
  'eventChart',
  'evpi',
  'evppi',
  'evppiToCsv',
  'exactShapley',
  'experimentsToCsv',
  'explore',
  'factorGraph',
  'fanChart',
  'formatAttribution',
  'formatBacktest',
  'formatBacktestScoreboard',
  'formatBacktestScoreboardMarkdown',
  'formatComparison',
  'formatDecision',
  'formatDiscovery',
  'formatIssues',
  'formatPath',
  'formatSensitivity',
  'formatSummaryTable',
  'formatVarianceDecomposition',
  'gradualLegitimacyDrop',
  'guerrillaWarfareModel',
  'imanConover',
  'inProcessExecutor',
  'independentPrior',
  'intervalScore',
  'latinHypercube',
  'legitimacyAt',
  'loadExpressionEngine',
  'logUniformPrior',
  'madScaledEuclidean',
  'meanField',
  'monthLabels',
  'morrisDesign',
  'morrisEffects',
  'observeRunTotals',
  'parallelCoordinatesChart',
  'parseCalibrationConfig',
  'parseExperimentsCsv',
  'parseOutcome',
  'parsePolicyFile',
  'parseScenario',
  'parseScenarioJson',
  'periodTotals',
  'prim',
  'primBoxStatistics',
  'probabilityIntegralTransform',
  'regressionAdjust',
  'renderReport',
  'resurgenceModel',
  'runOnce',
  'saltelliDesign',
  'sbc',
  'scenarioHash',
  'scenarioJsonSchema',
  'screenParameters',
  'selectPrimBox',
  'sensitivity',
  'seriesToCsv',
  'shapleyWithIntervals',
  'simulate',
  'sobolIndices',
  'sobolSequence',
  'sparkline',
  'suddenLegitimacyDrop',
  'summarizePosterior',
  'toModelInputs',
  'tornadoChart',
  'truncatedNormalPrior',
  'uniformPrior',
  'varianceChart',
  'withUncertaintyMode',
];

describe('resurgence (the root entry)', () => {
  const declared = declaredExports('src/index.ts');

  it('exports exactly the reviewed list above (names in src/index.ts, sorted)', () => {
    expect(declared.exportStar, 'src/index.ts must list its names: no export *').toBe(false);
    expect([...declared.names].sort(byName)).toEqual(ROOT_EXPORTS);
    expect(ROOT_EXPORTS).toEqual([...ROOT_EXPORTS].sort(byName));
  });

  it('resurgence/internals re-exports in full (export *) every module the root picks names from', () => {
    const internals = declaredExports('src/internals.ts');
    const picked = new Set(declared.fromModules.filter((from) => !/guerrillaWarfare/.test(from)));
    expect(picked.size).toBeGreaterThan(8);
    for (const from of picked) expect(internals.starModules, from).toContain(from);
  });
});
// The runtime side (the built bundles: ESM and CJS, root values being the same objects in
// resurgence/internals) is checked on the packed tarball in tests/package.slow.test.ts.

/** Every file under `dir` (no node_modules, dist or dot folders). */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(repo, dir))) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(join(repo, path)).isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}

/** Which entry an import specifier means: the package's name or a path to its bundle or source. */
function entryOf(specifier: string): 'root' | 'node' | 'internals' | undefined {
  if (/^resurgence$|dist\/index(\.c?js)?$|src\/index(\.[jt]s)?$|notebooks\/resurgence\.ts$|^\.\/resurgence\.ts$/.test(specifier)) return 'root';
  if (/^resurgence\/node$|dist\/node(\.c?js)?$/.test(specifier)) return 'node';
  if (/^resurgence\/internals$|dist\/internals(\.c?js)?$|src\/internals(\.[jt]s)?$/.test(specifier)) return 'internals';
  return undefined;
}

/** `{ names }` imported from the package in the docs' code blocks, examples, notebooks and scripts. */
function documentedImports(): { file: string; entry: 'root' | 'node' | 'internals'; name: string }[] {
  const files = [
    'README.md', 'ARCHITECTURE.md',
    ...['docs', 'examples', 'playground', 'scripts', 'bench', 'calibration'].flatMap(filesUnder),
  ].filter((file) => /\.(md|ts|mjs|ipynb)$/.test(file));
  const found: { file: string; entry: 'root' | 'node' | 'internals'; name: string }[] = [];
  for (const file of files) {
    let text = readFileSync(join(repo, file), 'utf8');
    if (file.endsWith('.ipynb')) text = (JSON.parse(text) as { cells: { source: string | string[] }[] }).cells.map((cell) => [cell.source].flat().join('')).join('\n');
    for (const match of text.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+['"]([^'"]+)['"]/g)) {
      const entry = entryOf(match[2] as string);
      if (!entry) continue;
      for (const item of (match[1] as string).split(',')) {
        const name = item.trim().replace(/^type\s+/, '').replace(/\s+as\s+.*$/, '');
        if (name) found.push({ file, entry, name });
      }
    }
    for (const match of text.matchAll(/(?:const|let)\s+\{([^}]*)\}\s*=\s*(?:await import|require)\(['"]([^'"]+)['"]\)/g)) {
      const entry = entryOf(match[2] as string);
      if (!entry) continue;
      for (const item of (match[1] as string).split(',')) {
        const name = item.trim().replace(/\s*:.*$/, '');
        if (name) found.push({ file, entry, name });
      }
    }
  }
  return found;
}

describe('names the documentation and examples import', () => {
  const available = {
    root: new Set(ROOT_EXPORTS.map(bare)),
    node: new Set(declaredExports('src/node/index.ts').names.map(bare)),
    internals: allExports('src/internals.ts'),
  };

  it('every name imported from resurgence, resurgence/node or resurgence/internals exists in that entry', () => {
    const imports = documentedImports();
    // The scan finds the imports it should (so an empty scan cannot pass).
    expect(imports.filter((found) => found.entry === 'root').length).toBeGreaterThan(20);
    expect(imports.some((found) => found.file === 'README.md' || found.file.startsWith('docs/'))).toBe(true);
    expect(imports.some((found) => found.file.endsWith('.ipynb'))).toBe(true);
    const missing = imports.filter((found) => !available[found.entry].has(found.name)).map((found) => `${found.file}: ${found.name} from ${found.entry}`);
    expect(missing).toEqual([]);
  });

  it('the check catches a name that is not exported', () => {
    expect(available.root.has('createEnsembleAccumulator')).toBe(false);
    expect(available.root.has('simulate')).toBe(true);
    expect(available.node.has('runEnsemble')).toBe(true);
    expect(available.internals.has('createEnsembleAccumulator')).toBe(true);
    expect(available.internals.size).toBeGreaterThan(ROOT_EXPORTS.length + 200);
    expect(entryOf('resurgence/internals')).toBe('internals');
    expect(entryOf('../dist/index.js')).toBe('root');
  });
});
