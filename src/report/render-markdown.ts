/** The situation report as Markdown: the same sections as the HTML file, for terminals and tickets. */
import type { ReportIncident, SituationReport } from './build-report.js';
import { escapeMarkdown as md } from './escape.js';

function when(inc: ReportIncident): string {
  if (!inc.date) return 'date unknown';
  return inc.date.start === inc.date.end ? inc.date.start : `${inc.date.start}–${inc.date.end}`;
}

/** Renders a report as Markdown; all article text is escaped. */
export function renderMarkdown(report: SituationReport): string {
  const out: string[] = ['# Situation report', ''];
  const g = report.generated;
  out.push(`${g.documents} documents · ${report.stories.length} stories · ${report.stories.reduce((n, s) => n + s.incidents.length, 0)} incidents${g.since ? ` · since ${g.since}` : ''}${g.until ? ` · until ${g.until}` : ''}${g.region ? ` · region ${md(g.region)}` : ''}`, '');

  out.push('## Timeline', '');
  const timeline = report.stories.flatMap((s) => s.incidents.filter((i) => i.independentConfirmations >= 2 || i.contradictions.length > 0).map((i) => ({ s, i })));
  timeline.sort((a, b) => (a.i.date?.start ?? '9999').localeCompare(b.i.date?.start ?? '9999'));
  for (const { s, i } of timeline) out.push(`- ${when(i)} · ${i.type} · ${md(i.place?.name ?? 'place unknown')} · ${i.independentConfirmations} independent source(s) · story ${s.id}`);
  if (timeline.length === 0) out.push('_No incident with two independent sources or a contradiction._');
  out.push('');

  out.push('## Stories and incidents', '');
  for (const s of report.stories) {
    out.push(`### ${s.id}: ${md(s.title ?? '(untitled)')}`, '');
    out.push(`Documents: ${s.documents.map((d) => `${md(d.outlet ?? 'unknown outlet')} (${d.day ?? 'undated'}${d.reprintOf ? `, reprint of ${d.reprintOf}` : ''})`).join('; ')}`, '');
    for (const i of s.incidents) {
      out.push(`#### ${i.id} ${i.type}, ${when(i)}, ${md(i.place?.name ?? 'place unknown')}`, '');
      out.push(`Sources: ${i.sources.map((src) => md(src.family)).join(', ')} (${i.independentConfirmations} independent confirmation(s))`, '');
      if (i.camps.length > 0) out.push(`Camps: ${i.camps.map((c) => `${md(c.camp)}: ${c.stance}`).join('; ')}`, '');
      for (const r of i.reports) out.push(`- **${r.certainty}** (${md(r.outlet ?? 'unknown outlet')}${r.attribution.text ? `, per ${md(r.attribution.text)}` : ''}) ${md(r.evidence)} \`${r.document}#${r.event}\``);
      out.push('');
    }
  }

  out.push('## Contradictions', '');
  let any = false;
  for (const s of report.stories) {
    for (const i of s.incidents) {
      for (const c of i.contradictions) {
        any = true;
        out.push(`- ${i.id} (${i.type}, ${md(i.place?.name ?? 'place unknown')}) **${c.kind}**: ${md(c.summary)}`);
        for (const side of c.sides) out.push(`  - ${md(side.claim)}: ${side.sources.map(md).join(', ')}`);
      }
    }
  }
  if (!any) out.push('_None found._');
  out.push('');

  out.push('## Alerts', '');
  if (report.alerts.length === 0) out.push('_None raised._');
  for (const a of report.alerts) out.push(`- ${a.day} ${md(a.region)} **${a.rule}**: ${md(a.message)} (${a.incidents.join(', ')})`);
  out.push('');

  out.push('## Framing', '');
  if (report.framingProfiles.length === 0) out.push('_No documents._');
  else {
    out.push('| outlet | documents | markers | per 1000 words | techniques | most used |', '|---|---:|---:|---:|---|---|');
    for (const p of report.framingProfiles) {
      out.push(`| ${md(p.outlet)} | ${p.documents} | ${p.markers} | ${p.perThousandWords} | ${md(Object.entries(p.techniques).map(([k, v]) => `${k} ${v}`).join(', '))} | ${md(p.top.map((t) => `${t.text} (${t.count})`).join('; '))} |`);
    }
  }
  out.push('');
  out.push('## Anomalies', '');
  if (report.anomalies.length === 0) out.push('_None flagged._');
  for (const a of report.anomalies) out.push(`- ${md(a.label)}: ${md(a.text)} \`${a.document}\``);
  out.push('');

  out.push('## Escalation', '', '| day | physical | rhetoric |', '|---|---:|---:|');
  for (const d of report.escalation) out.push(`| ${d.day} | ${d.physical} | ${d.rhetoric} |`);
  out.push('');
  return out.join('\n');
}
