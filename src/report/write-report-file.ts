/**
 * Writes a report from a JSONL export, until `sitrep report` is wired into the CLI.
 * Usage: node --import tsx src/report/write-report-file.ts docs.jsonl out.html [html|md|json] [camps.json]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Doc } from '../doc/types.js';
import { buildReport, type Camp } from './build-report.js';
import { renderReport, type ReportFormat } from './render-report.js';

const [input = '-', output = 'sitrep-report.html', format = 'html', campsPath] = process.argv.slice(2);
const docs = readFileSync(input === '-' ? 0 : input, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Doc);
const camps = campsPath ? (JSON.parse(readFileSync(campsPath, 'utf8')) as { camps: Camp[] }).camps : undefined;
const report = buildReport(docs, camps ? { camps } : {});
writeFileSync(output, renderReport(report, format as ReportFormat));
console.log(`${report.stories.length} stories, ${report.stories.reduce((n, s) => n + s.incidents.length, 0)} incidents -> ${output}`);
