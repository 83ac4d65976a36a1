/**
 * `npm run eval`: scores cleaning against the seed gold and the extraction benchmark, prints both
 * reports, and checks the gate against eval/baseline.json.
 *
 *   node --import tsx eval/run-eval.ts [--json] [--only seeds|extraction|actors|places|geoparsing|events|stories] [--worst 10]
 *                                      [--update-baseline [--allow-lower]] [--shared <dir>]
 *
 * Exit codes: 0 the gate passes, 1 a regression, a refused baseline update, or no data to score, 2 usage error.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { EVAL_DATA, evaluate, type EvalPart } from './evaluate.js';
import { formatReport } from './format-report.js';
import { BASELINE_PATH, checkGate, headlineMetrics, readBaseline, updateBaseline, writeBaseline, type Baseline } from './gate.js';
import { displayPath } from './shared-data.js';

const USAGE = 'usage: run-eval [--json] [--only seeds|extraction|actors|places|geoparsing|events|stories] [--worst N] [--update-baseline [--allow-lower]] [--shared DIR]';

/** The baseline's note, kept when the file is rewritten. */
const BASELINE_NOTE =
  'Floors (higher is better) and ceilings (lower is better) for cleaning quality; the gate fails when a metric is worse by more than epsilon. ' +
  'Counts are out of "of". Rewrite with --update-baseline; lowering a floor needs --allow-lower too.';

/** Runs the evaluation from command-line arguments and returns the exit code. */
async function runEval(argv: readonly string[]): Promise<number> {
  // 1. Arguments.
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        json: { type: 'boolean', default: false },
        only: { type: 'string' },
        worst: { type: 'string', default: '10' },
        'update-baseline': { type: 'boolean', default: false },
        'allow-lower': { type: 'boolean', default: false },
        shared: { type: 'string' },
      },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const only = values.only as EvalPart | undefined;
  if (only !== undefined && !(only in EVAL_DATA)) {
    process.stderr.write(`--only must be one of ${Object.keys(EVAL_DATA).join(', ')}; got "${only}"\n${USAGE}\n`);
    return 2;
  }
  const worst = Number(values.worst);
  if (!Number.isInteger(worst) || worst < 0) {
    process.stderr.write(`--worst must be a whole number, got "${values.worst}"\n${USAGE}\n`);
    return 2;
  }
  if (values['allow-lower'] && !values['update-baseline']) {
    process.stderr.write(`--allow-lower only makes sense with --update-baseline\n${USAGE}\n`);
    return 2;
  }

  // 2. Measure.
  const results = await evaluate({ ...(only ? { only } : {}), ...(values.shared ? { sharedDir: values.shared } : {}) });
  if ([results.seeds, results.extraction, results.actors, results.places, results.geoparsing, results.events, results.stories].every((part) => part === null)) {
    for (const reason of results.skipped) process.stderr.write(`${reason}\n`);
    process.stderr.write('nothing was evaluated\n');
    return 1;
  }
  const metrics = headlineMetrics(results);

  // 3. Pin the measured values, if asked; never loosening a bound without --allow-lower.
  let baseline: Baseline = existsSync(BASELINE_PATH) ? readBaseline() : { metrics: {} };
  if (values['update-baseline']) {
    const updated = updateBaseline(metrics, baseline, { allowLower: values['allow-lower'] });
    if (!updated.ok) {
      process.stderr.write(`Refusing to update ${displayPath(BASELINE_PATH)}: measured values are worse than pinned bounds.\n`);
      for (const line of updated.refused) process.stderr.write(`  ${line}\n`);
      process.stderr.write('Fix the regression, or pass --allow-lower as well if lowering is intended.\n');
      return 1;
    }
    baseline = { note: BASELINE_NOTE, command: 'npm run eval -- --update-baseline', ...updated.baseline };
    writeBaseline(baseline);
    process.stderr.write(`Updated ${displayPath(BASELINE_PATH)}${updated.changes.length === 0 ? ': no change' : ':'}\n`);
    for (const line of updated.changes) process.stderr.write(`  ${line}\n`);
  }

  // 4. The gate: a partial run checks only what it measured.
  const gate = checkGate(metrics, baseline, { requireAll: only === undefined && results.skipped.length === 0 });

  // 5. Report.
  if (values.json) process.stdout.write(`${JSON.stringify({ metrics, gate, results }, null, 2)}\n`);
  else process.stdout.write(formatReport(results, gate, { worst }));
  return gate.ok ? 0 : 1;
}

process.exitCode = await runEval(process.argv.slice(2));
