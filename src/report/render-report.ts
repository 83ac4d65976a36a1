/** One entry point for the CLI: a report in the format asked for. */
import type { SituationReport } from './build-report.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';

/** Output formats of `sitrep report`. */
export type ReportFormat = 'html' | 'md' | 'json';

/** Renders a report as html, md or json (pretty-printed, newline-terminated). */
export function renderReport(report: SituationReport, format: ReportFormat): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  return format === 'md' ? renderMarkdown(report) : renderHtml(report);
}
