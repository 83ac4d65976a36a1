/**
 * The sitrep command line: parse arguments, then call the same functions the API uses.
 * Exit codes: 0 all good, 1 some inputs failed, 2 usage error.
 */
import { createWriteStream, existsSync } from 'node:fs';
import { once } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import pc from 'picocolors';
import { loadConfig, sitrepVersion, type Config, type ConfigOverlay } from '../config.js';
import { countPathInputs } from '../ingest/files.js';
import { ingestInputs, isUrl, readInputs, type IngestSummary } from '../ingest/ingest.js';
import { processArticle } from '../pipeline/process-article.js';
import { startServer } from '../api/serve.js';
import { NO_DASHBOARD_MESSAGE } from '../api/dashboard-routes.js';
import { runGeocode } from './geocode-command.js';
import { createInterface } from 'node:readline';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { formatDoc } from './format-doc.js';
import { tallyLayer } from './tally-layers.js';
import { buildReportFrom, deliverAlerts, renderReport, type Camp, type ReportFormat } from '../report/index.js';
import { writeAcledCsv } from '../export/acled-csv.js';
import { toGeoJson } from '../export/geojson.js';
import { toPloverJson } from '../export/plover-json.js';
import type { Doc } from '../doc/types.js';
import { packageRoot } from './package-root.js';
import { createProgress } from './progress.js';

/** Exit codes shared by every command. */
export const ExitCode = { ok: 0, someFailed: 1, usage: 2 } as const;

interface CommonOptions {
  readonly db?: string;
  readonly quiet?: boolean;
}

interface ReadOptions extends CommonOptions {
  readonly published?: string;
  readonly outlet?: string;
  readonly encoding?: string;
  readonly maxBytes?: number;
  readonly robots?: boolean;
  readonly workers?: number;
  readonly timeout?: number;
}

/** Output streams, injectable for tests. */
export interface Io {
  readonly out: NodeJS.WritableStream & { isTTY?: boolean };
  readonly err: NodeJS.WritableStream & { isTTY?: boolean };
}

const defaultIo: Io = { out: process.stdout, err: process.stderr };

/** Runs the CLI with `argv` as process.argv gives it; resolves to the exit code. */
export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const program = new Command('sitrep')
    .description('Turn raw, partisan, messy news articles about a conflict into a verified, traceable situation picture.')
    .version(sitrepVersion(), '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.out.write(s), writeErr: (s) => io.err.write(s) })
    .exitOverride();

  const say = (line: string): void => {
    io.out.write(`${line}\n`);
  };
  const warn = (line: string): void => {
    io.err.write(`${line}\n`);
  };
  const color = pc.createColors(Boolean(io.out.isTTY));
  const errColor = pc.createColors(Boolean(io.err.isTTY));

  addReadOptions(
    program
      .command('ingest')
      .description('Read files, folders, URLs, feeds or stdin (-) into the store. Same bytes twice change nothing.')
      .argument('<inputs...>', 'files, folders, http(s) URLs or RSS/Atom feeds, or - for stdin'),
  )
    .option('--json', 'print the summary as JSON')
    .action(async (inputs: string[], options: ReadOptions & { json?: boolean }) => {
      const config = configFrom(options);
      const store = await openStore(config.db);
      try {
        const showProgress = !options.quiet && !options.json && Boolean(io.err.isTTY);
        // Count inputs up front only when a person is watching: it costs a walk of the folders.
        const total = showProgress && !inputs.some(isUrl) ? await countPathInputs(inputs) : null;
        const progress = createProgress({ enabled: showProgress, total });
        const summary = await ingestInputs(inputs, { store, config, onProgress: (p) => progress.update(p) });
        progress.stop();
        if (options.json) say(JSON.stringify(summary, null, 2));
        else printSummary(summary, { say, warn, c: errColor, quiet: Boolean(options.quiet) });
        exitCode = summary.failed.length > 0 ? ExitCode.someFailed : ExitCode.ok;
      } finally {
        await store.close();
      }
    });

  addReadOptions(
    program
      .command('extract')
      .description('Run the per-document pipeline without a store and print Document JSON.')
      .argument('<inputs...>', 'files, folders, http(s) URLs or feeds, or - for stdin'),
  )
    .addOption(new Option('--format <format>', 'json (one document), jsonl (one per line), or text').choices(['json', 'jsonl', 'text']))
    .action(async (inputs: string[], options: ReadOptions & { format?: 'json' | 'jsonl' | 'text' }) => {
      const config = configFrom(options);
      const docs: unknown[] = [];
      let failures = 0;
      const format = options.format ?? null;
      for await (const result of readInputs(inputs, { config })) {
        if (!result.ok) {
          failures += 1;
          warn(`${errColor.red('failed')} ${result.failure.input}: ${result.failure.message}`);
          continue;
        }
        const processed = await processArticle(result.article, config);
        if (!processed.ok) {
          failures += 1;
          warn(`${errColor.red('failed')} ${processed.failure.input}: ${processed.failure.message}`);
          continue;
        }
        // Stream JSONL and text as they come; a single JSON object needs to know there is only one.
        if (format === 'jsonl') say(JSON.stringify(processed.doc));
        else if (format === 'text') say(`${formatDoc(processed.doc, { color: Boolean(io.out.isTTY) })}\n`);
        else docs.push(processed.doc);
      }
      // Default: one document as a JSON object, several as JSONL; --format json makes several an array.
      if (docs.length === 1) say(JSON.stringify(docs[0], null, 2));
      else if (format === 'json') say(JSON.stringify(docs, null, 2));
      else for (const doc of docs) say(JSON.stringify(doc));
      exitCode = failures > 0 ? ExitCode.someFailed : ExitCode.ok;
    });

  addDbOption(
    program.command('show').description('Show one stored document, readably (or as JSON).').argument('<id>', 'document id'),
  )
    .option('--json', 'print Document JSON')
    .action(async (id: string, options: CommonOptions & { json?: boolean }) => {
      await withStore(options, async (store) => {
        const doc = await store.getDocument(id);
        if (!doc) {
          warn(`No document with id "${id}" in ${storeLabel(options)}.`);
          exitCode = ExitCode.someFailed;
          return;
        }
        say(options.json ? JSON.stringify(doc, null, 2) : formatDoc(doc, { color: Boolean(io.out.isTTY) }));
      });
    });

  addDbOption(program.command('export').description('Export stored documents (jsonl) or their events (acled-csv, plover-json, geojson).'))
    .addOption(new Option('--format <format>', 'export format').choices(['jsonl', 'acled-csv', 'plover-json', 'geojson']).default('jsonl'))
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .option('--all-versions', 'include superseded versions')
    .action(async (options: CommonOptions & { format: string; out?: string; allVersions?: boolean }) => {
      await withStore(options, async (store) => {
        const file = options.out ? createWriteStream(options.out) : null;
        const target: NodeJS.WritableStream = file ?? io.out;
        const write = async (chunk: string): Promise<void> => {
          if (!target.write(chunk)) await once(target, 'drain');
        };
        const docs = store.exportDocuments({ allVersions: Boolean(options.allVersions) });
        let count = 0;
        if (options.format === 'jsonl') {
          // Streamed: a store of any size exports in constant memory.
          for await (const doc of docs) {
            await write(`${JSON.stringify(doc)}\n`);
            count += 1;
          }
        } else {
          const all: Doc[] = [];
          for await (const doc of docs) all.push(doc);
          count = all.length;
          if (options.format === 'acled-csv') {
            let csv = '';
            writeAcledCsv(all, (s) => (csv += s));
            await write(csv);
          } else if (options.format === 'plover-json') await write(`${JSON.stringify(toPloverJson(all), null, 2)}\n`);
          else await write(`${JSON.stringify(toGeoJson(all))}\n`);
        }
        if (file) {
          file.end();
          await finished(file);
          warn(`Exported ${count} document(s) as ${options.format} to ${options.out}.`);
        }
      });
    });

  addDbOption(program.command('search').description('Full-text search over stored documents.').argument('<query...>', 'words to look for'))
    .option('-n, --limit <n>', 'how many hits', positiveInt, 20)
    .option('--json', 'print hits as JSON')
    .action(async (words: string[], options: CommonOptions & { limit: number; json?: boolean }) => {
      await withStore(options, async (store) => {
        const hits = await store.search(words.join(' '), { limit: options.limit });
        if (options.json) return say(JSON.stringify(hits, null, 2));
        if (hits.length === 0) return say('No matches.');
        for (const hit of hits) {
          const snippet = hit.snippet.replace(/\s+/g, ' ').trim();
          say(`${color.bold(hit.id)}  ${hit.title ?? '(untitled)'}\n    ${color.dim(snippet)}`);
        }
      });
    });

  addDbOption(program.command('list').description('List stored documents (latest versions).'))
    .option('-n, --limit <n>', 'how many', positiveInt, 100)
    .option('--all-versions', 'include superseded versions')
    .option('--json', 'print as JSON')
    .action(async (options: CommonOptions & { limit: number; allVersions?: boolean; json?: boolean }) => {
      await withStore(options, async (store) => {
        const page = await store.listDocuments({ limit: options.limit, allVersions: Boolean(options.allVersions) });
        if (options.json) return say(JSON.stringify(page, null, 2));
        for (const d of page.items) {
          const version = options.allVersions ? `v${d.version}  ` : '';
          say(`${color.bold(d.id)}  ${version}${(d.published ?? 'undated').padEnd(10)}  ${(d.outlet ?? '?').slice(0, 24).padEnd(24)}  ${d.title ?? '(untitled)'}`);
        }
        if (page.next) say(color.dim(`… more (use --limit)`));
      });
    });

  addDbOption(program.command('events').description('List coded events across the store (from its events table), newest day last.'))
    .option('--type <types...>', 'PLOVER types, e.g. ASSAULT PROTEST')
    .option('--certainty <values...>', 'asserted, reported, alleged, expected, hypothetical, denied')
    .option('--scope <values...>', 'article, comment, embed, caption')
    .option('--outlet <name>', 'only events of documents from this outlet (any case)')
    .option('--since <day>', 'events on or after this day (YYYY-MM-DD); undated events are left out', isoDay)
    .option('--until <day>', 'events on or before this day (YYYY-MM-DD)', isoDay)
    .option('-n, --limit <n>', 'how many', positiveInt, 100)
    .option('--json', 'print as JSON ({items, next})')
    .action(async (options: CommonOptions & { type?: string[]; certainty?: string[]; scope?: string[]; outlet?: string; since?: string; until?: string; limit: number; json?: boolean }) => {
      await withStore(options, async (store) => {
        const page = await store.listEvents({
          type: options.type?.map((t) => t.toUpperCase()),
          certainty: options.certainty?.map((c) => c.toLowerCase()),
          scope: options.scope?.map((c) => c.toLowerCase()),
          outlet: options.outlet,
          since: options.since,
          until: options.until,
          limit: options.limit,
        });
        if (options.json) return say(JSON.stringify(page, null, 2));
        if (page.items.length === 0) return say(`No events match in ${storeLabel(options)}.`);
        for (const e of page.items) {
          const day = e.date ? (e.date.start === e.date.end ? e.date.start : `${e.date.start}..${e.date.end}`) : 'undated';
          const where = e.place?.name ? `${e.place.name}${e.place.country ? ` (${e.place.country})` : ''}` : '?';
          const acled = e.acled ? color.dim(` ${e.acled.sub_event_type}`) : '';
          say(`${day.padEnd(10)}  ${color.bold(e.type)}${e.mode ? `/${e.mode}` : ''}${acled}  ${where}  ${color.dim(`${e.certainty ?? '?'} · ${e.outlet ?? '?'} · ${e.document}#${e.event}`)}`);
        }
        if (page.next) say(color.dim('… more (use --limit)'));
      });
    });

  for (const layer of ['entities', 'places'] as const) {
    addDbOption(program.command(layer).description(`List the ${layer} found across stored documents, with counts.`))
      .option('-n, --limit <n>', 'how many rows', positiveInt, 50)
      .option('--json', 'print as JSON')
      .action(async (options: CommonOptions & { limit: number; json?: boolean }) => {
        await withStore(options, async (store) => {
          const rows = (await tallyLayer(store.exportDocuments(), layer)).slice(0, options.limit);
          if (options.json) return say(JSON.stringify(rows, null, 2));
          if (rows.length === 0) return say(`No ${layer} in ${storeLabel(options)}.`);
          say(color.dim(`${'docs'.padStart(5)} ${'mentions'.padStart(8)}  name`));
          for (const row of rows) {
            const also = row.spellings.filter((s) => s !== row.name).slice(0, 4);
            say(
              `${String(row.documents).padStart(5)} ${String(row.mentions).padStart(8)}  ${color.bold(row.name)}` +
                `${row.kind ? color.dim(` [${row.kind}]`) : ''}${row.detail ? `  ${row.detail}` : ''}` +
                `${also.length ? color.dim(`  as ${also.join(', ')}`) : ''}`,
            );
          }
        });
      });
  }

  addDbOption(program.command('stats').description('Counts of documents, versions and recorded failures.'))
    .option('--json', 'print as JSON')
    .action(async (options: CommonOptions & { json?: boolean }) => {
      await withStore(options, async (store) => {
        const stats = await store.stats();
        const failures = await store.listFailures();
        if (options.json) return say(JSON.stringify({ ...stats, failureRecords: failures }, null, 2));
        say(`${stats.documents} document(s), ${stats.versions} version(s), ${stats.failures} recorded failure(s) in ${storeLabel(options)}`);
        for (const f of failures) say(`  ${color.red(f.code)} ${f.input}: ${f.message}`);
      });
    });

  addDbOption(program.command('serve').description('Serve the dashboard and the REST API from the store, on localhost.'))
    .option('--port <n>', 'TCP port (default 8787)', nonNegativeInt)
    .option('--host <address>', 'interface to bind (default 127.0.0.1)')
    .option('--token <token>', 'bearer token for write endpoints (default: $SITREP_API_TOKEN; none disables writes)')
    .option('--cors <origins...>', 'origins allowed by CORS (default: CORS off)')
    .option('--closed-reads', 'require the token for reads too')
    .option('--allow-private-urls', 'let posted URLs reach loopback and private addresses (off by default: SSRF guard)')
    .option('--camps <file>', 'a JSON file grouping outlets and speakers into camps (default: data/camps.example.json)')
    .action(async (options: CommonOptions & { port?: number; host?: string; token?: string; cors?: string[]; closedReads?: boolean; allowPrivateUrls?: boolean; camps?: string }) => {
      const base = configFrom(options);
      const config = loadConfig({
        db: base.db,
        api: {
          ...(options.port !== undefined ? { port: options.port } : {}),
          ...(options.host ? { host: options.host } : {}),
          ...(options.token ? { token: options.token } : {}),
          ...(options.cors ? { corsOrigins: options.cors } : {}),
          ...(options.closedReads ? { readsOpen: false } : {}),
          ...(options.allowPrivateUrls ? { allowPrivateUrls: true } : {}),
        },
      });
      const { api } = config;
      if (!/^(127\.|::1$|localhost$)/.test(api.host) && api.token === null) {
        warn(errColor.yellow(`warning: listening on ${api.host} with no token; writes are disabled, but reads are open to the network`));
      }
      const webRoot = join(packageRoot(), 'dist', 'web');
      const hasWeb = existsSync(join(webRoot, 'index.html'));
      if (!hasWeb) warn(errColor.yellow(`warning: ${NO_DASHBOARD_MESSAGE}`));
      const camps = options.camps ? await readCamps(options.camps) : undefined;
      const store = await openStore(config.db);
      const server = await startServer({ ...(camps ? { camps } : {}), webRoot: hasWeb ? webRoot : null, store, config, port: api.port, host: api.host, token: api.token, readsOpen: api.readsOpen, corsOrigins: [...api.corsOrigins], maxBodyBytes: api.maxBodyBytes, allowPrivateUrls: api.allowPrivateUrls });
      say(`sitrep serving ${storeLabel(options)}: dashboard ${server.url}/  API ${server.url}/api  (writes ${api.token ? 'need the bearer token' : 'disabled: no token'}; Ctrl-C stops)`);
      await new Promise<void>((resolve) => {
        const stop = (): void => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.close();
      await store.close();
    });

  program
    .command('geocode')
    .description('Geocode JSONL on stdin: {id, text, published?, toponyms?: [{start, end}]} -> {id, toponyms: [{start, end, name, lat, lon, geonameid}]}')
    .option('--gold-spans', 'resolve the toponym spans given in each line instead of finding them')
    .action(async (options: { goldSpans?: boolean }) => {
      const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
      const summary = await runGeocode(lines, (line) => say(line), { goldSpans: Boolean(options.goldSpans) });
      exitCode = summary.failed > 0 ? ExitCode.someFailed : ExitCode.ok;
    });

  addDbOption(program.command('report').description('Write the situation report: stories, incidents with their sources, contradictions, anomalies, escalation.'))
    .option('--since <day>', 'only what happened or was published on or after this day (YYYY-MM-DD)')
    .option('--until <day>', 'only up to this day (YYYY-MM-DD)')
    .option('--region <code-or-name>', 'a country code (XK, RS) or a place name')
    .addOption(new Option('--format <format>', 'output format').choices(['html', 'md', 'json']).default('html'))
    .option('--camps <file>', 'a JSON file grouping outlets and speakers into camps (see data/camps.example.json)')
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .option('--alerts', 'also print the escalation alerts (rules from the config file\'s "alerts") to stderr')
    .option('--alerts-webhook <url>', 'POST the alerts as JSON to this URL (default: the config\'s alerts.webhook)')
    .action(async (options: CommonOptions & { since?: string; until?: string; region?: string; format: ReportFormat; camps?: string; out?: string; alerts?: boolean; alertsWebhook?: string }) => {
      const config = loadConfig({ db: configFrom(options).db, ...(options.alertsWebhook ? { alerts: { webhook: options.alertsWebhook } } : {}) });
      await withStore(options, async (store) => {
        const camps = options.camps ? await readCamps(options.camps) : undefined;
        const { webhook, ...rules } = config.alerts;
        const report = await buildReportFrom(store.exportDocuments(), {
          ...(options.since ? { since: options.since } : {}),
          ...(options.until ? { until: options.until } : {}),
          ...(options.region ? { region: options.region } : {}),
          ...(camps ? { camps } : {}),
          alerts: rules,
        });
        const text = renderReport(report, options.format);
        if (options.out) {
          await writeFile(options.out, text);
          say(`Report written to ${resolve(options.out)}`);
        } else {
          io.out.write(text);
        }
        if (options.alerts || webhook) {
          const delivered = await deliverAlerts(report.alerts, {
            ...(options.alerts ? { write: (line: string) => void io.err.write(`${line}\n`) } : {}),
            ...(webhook ? { webhook } : {}),
          });
          if (webhook) warn(`${delivered.written} alert(s)${delivered.posted ? ` posted to ${webhook}` : ''}`);
        }
      });
    });

  addDbOption(program.command('demo').description('Ingest the bundled examples into the store and show what is there.')).action(
    async (options: CommonOptions) => {
      const config = configFrom(options);
      const examples = join(packageRoot(), 'examples');
      const store = await openStore(config.db);
      try {
        say(color.bold(`Ingesting the bundled examples (${examples}) into ${storeLabel(options)} …`));
        const summary = await ingestInputs([examples], { store, config });
        printSummary(summary, { say, warn, c: errColor, quiet: true });
        const page = await store.listDocuments({ limit: 500 });
        const outlets = new Map<string, number>();
        for (const d of page.items) outlets.set(d.outlet ?? 'unknown outlet', (outlets.get(d.outlet ?? 'unknown outlet') ?? 0) + 1);
        const dated = page.items.map((d) => d.published).filter((d): d is string => d !== null).sort();
        say('');
        say(`${page.items.length} documents from ${outlets.size} outlet(s); ${dated.length} dated${dated.length ? `, ${dated[0]} to ${dated[dated.length - 1]}` : ''}.`);
        for (const [outlet, count] of [...outlets].sort((a, b) => b[1] - a[1])) say(`  ${String(count).padStart(3)}  ${outlet}`);
        say('');
        // The situation report for what was just ingested, with the example camps.
        const report = await buildReportFrom(store.exportDocuments(), { camps: await readCamps(join(packageRoot(), 'data', 'camps.example.json')) });
        const reportPath = resolve('sitrep-report.html');
        await writeFile(reportPath, renderReport(report, 'html'));
        say(`${report.stories.length} stories, ${report.stories.reduce((n, s) => n + s.incidents.length, 0)} incidents.`);
        say(color.bold(`Situation report: ${reportPath}`));
        say(`Next: sitrep serve (dashboard) · sitrep list · sitrep show <id> · sitrep search <words> · sitrep places · sitrep entities · sitrep export --format acled-csv`);
        exitCode = summary.failed.length > 0 ? ExitCode.someFailed : ExitCode.ok;
      } finally {
        await store.close();
      }
    },
  );

  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
        return ExitCode.ok;
      }
      return ExitCode.usage;
    }
    warn(`${errColor.red('error')} ${error instanceof Error ? error.message : String(error)}`);
    const code = (error as { code?: unknown }).code;
    return code === 'E_CONFIG' ? ExitCode.usage : ExitCode.someFailed;
  }
  return exitCode;
}

async function readCamps(file: string): Promise<Camp[]> {
  const parsed = JSON.parse(await readFile(file, 'utf8')) as { camps?: Camp[] };
  return parsed.camps ?? [];
}

function addDbOption(command: Command): Command {
  return command
    .option('--db <url>', 'SQLite file or postgres:// URL (default: $SITREP_DB or ./sitrep.db)')
    .option('-q, --quiet', 'print less');
}

function addReadOptions(command: Command): Command {
  return addDbOption(command)
    .option('--published <date>', 'publication date for inputs that carry none (YYYY-MM-DD[THH:MM])')
    .option('--outlet <name>', 'outlet name for inputs that carry none')
    .option('--encoding <name>', 'force a character encoding instead of detecting it (e.g. windows-1251)')
    .option('--max-bytes <n>', 'inputs larger than this fail without being read', positiveInt)
    .option('--no-robots', 'do not consult robots.txt before fetching')
    .option('--workers <n>', 'worker threads for the pipeline (0 = one per core)', nonNegativeInt)
    .option('--timeout <ms>', 'per-request timeout for URLs', positiveInt);
}

function configFrom(options: ReadOptions): Config {
  const overlay: ConfigOverlay = {
    ...(options.db ? { db: options.db } : {}),
    ingest: {
      ...(options.published ? { published: options.published } : {}),
      ...(options.outlet ? { outlet: options.outlet } : {}),
      ...(options.encoding ? { encoding: options.encoding } : {}),
      ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}),
      ...(options.workers !== undefined ? { workers: options.workers } : {}),
    },
    fetch: {
      ...(options.robots === false ? { respectRobots: false } : {}),
      ...(options.timeout ? { timeoutMs: options.timeout } : {}),
    },
  };
  return loadConfig(overlay);
}

function storeLabel(options: CommonOptions): string {
  const db = configFrom(options).db;
  return db.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

async function withStore(options: CommonOptions, body: (store: Store) => Promise<void>): Promise<void> {
  const store = await openStore(configFrom(options).db);
  try {
    await body(store);
  } finally {
    await store.close();
  }
}

function printSummary(
  summary: IngestSummary,
  out: { say: (s: string) => void; warn: (s: string) => void; c: ReturnType<typeof pc.createColors>; quiet: boolean },
): void {
  const { c } = out;
  for (const failure of summary.failed) out.warn(`${c.red('failed')} ${failure.input}: ${failure.message}`);
  for (const warning of summary.warnings) out.warn(`${c.yellow('warning')} ${warning.input}: ${warning.message}`);
  for (const note of summary.notes) out.warn(`${c.dim('note')} ${note}`);
  out.say(
    `${summary.stored} stored, ${summary.newVersions} new version(s), ${summary.unchanged} unchanged, ${summary.failed.length} failed` +
      (summary.workers > 0 ? ` (${summary.workers} worker threads)` : ''),
  );
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`"${value}" is not a whole number above 0.`);
  return n;
}

function isoDay(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new InvalidArgumentError(`"${value}" is not a day like 2022-10-15.`);
  return value;
}

function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`"${value}" is not a whole number of 0 or more.`);
  return n;
}
