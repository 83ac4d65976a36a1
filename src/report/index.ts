/** The situation report: build it from documents, render it as JSON, Markdown or HTML. */
export { buildReport, buildReportFrom } from './build-report.js';
export type { Camp, CampStance, EscalationDay, ReportAnomaly, ReportEntry, ReportIncident, ReportOptions, ReportStory, SituationReport } from './build-report.js';
export { renderMarkdown } from './render-markdown.js';
export { renderHtml } from './render-html.js';
export { renderReport, type ReportFormat } from './render-report.js';
export { escalationAlerts, deliverAlerts, type Alert, type AlertRules, type AlertDelivery } from './alerts.js';
