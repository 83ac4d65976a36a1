/**
 * The situation report as one self-contained HTML file: inline CSS and SVG, no scripts, no network.
 * Every string that came from an article goes through escapeHtml, and no article text becomes a
 * URL, so hostile input (`<script>`, quotes, `javascript:`) stays inert text.
 */
import type { ReportIncident, SituationReport } from './build-report.js';
import { escapeHtml as h } from './escape.js';
import { renderMapSvg } from './world-map.js';

const CSS = `body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1d232a}
h1,h2,h3{line-height:1.2}h2{border-bottom:1px solid #ccd;padding-bottom:.2rem;margin-top:2.2rem}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #e3e6ea;padding:.3rem .5rem;text-align:left;vertical-align:top}
.sea{fill:#eef4f8}.land{fill:#f7f3ea;stroke:#9aa4ad;stroke-width:.6}.incident{fill:#c0392b;fill-opacity:.75;stroke:#fff}
.c-asserted{color:#1e6b34}.c-reported{color:#2d5f9a}.c-alleged{color:#9a6a12}.c-denied{color:#a32020}.c-expected{color:#666}
.muted{color:#667}.incident-card{border:1px solid #dde;border-radius:6px;padding:.6rem .9rem;margin:.8rem 0}
.bar-p{fill:#c0392b}.bar-r{fill:#2d5f9a}code{font-size:85%}`;

function when(inc: ReportIncident): string {
  if (!inc.date) return 'date unknown';
  return inc.date.start === inc.date.end ? inc.date.start : `${inc.date.start} – ${inc.date.end}`;
}

function framingHtml(report: SituationReport): string {
  if (report.framingProfiles.length === 0) return '<p class="muted">No documents.</p>';
  const rows = report.framingProfiles
    .map((p) => `<tr><td>${h(p.outlet)}</td><td>${p.documents}</td><td>${p.markers}</td><td>${p.perThousandWords}</td><td>${h(Object.entries(p.techniques).map(([k, v]) => `${k} ${v}`).join(', '))}</td><td>${h(p.top.map((t) => `${t.text} (${t.count})`).join('; '))}</td></tr>`)
    .join('');
  return `<table><thead><tr><th>Outlet</th><th>Documents</th><th>Markers</th><th>Per 1000 words</th><th>Techniques</th><th>Most used</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function alertsHtml(report: SituationReport): string {
  if (report.alerts.length === 0) return '<p class="muted">None raised.</p>';
  return `<ul>${report.alerts.map((a) => `<li>${h(a.day)} ${h(a.region)} <strong>${h(a.rule)}</strong>: ${h(a.message)} (${h(a.incidents.join(', '))})</li>`).join('')}</ul>`;
}

function escalationSvg(report: SituationReport): string {
  const days = report.escalation;
  if (days.length === 0) return '<p class="muted">No physical or rhetorical incidents in range.</p>';
  const width = 640;
  const height = 200;
  const max = Math.max(1, ...days.map((d) => Math.max(d.physical, d.rhetoric)));
  const slot = (width - 40) / days.length;
  const bar = Math.max(2, slot / 2 - 2);
  const parts = days.map((d, i) => {
    const x = 30 + i * slot;
    const hp = (d.physical / max) * (height - 40);
    const hr = (d.rhetoric / max) * (height - 40);
    return (
      `<rect class="bar-p" x="${x.toFixed(1)}" y="${(height - 20 - hp).toFixed(1)}" width="${bar.toFixed(1)}" height="${hp.toFixed(1)}"><title>${h(d.day)} physical ${d.physical}</title></rect>` +
      `<rect class="bar-r" x="${(x + bar + 1).toFixed(1)}" y="${(height - 20 - hr).toFixed(1)}" width="${bar.toFixed(1)}" height="${hr.toFixed(1)}"><title>${h(d.day)} rhetoric ${d.rhetoric}</title></rect>` +
      `<text x="${x.toFixed(1)}" y="${height - 5}" font-size="10">${h(d.day.slice(5))}</text>`
    );
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Escalation by day"><text x="30" y="12" font-size="11"><tspan class="bar-p" fill="#c0392b">■</tspan> physical <tspan fill="#2d5f9a">■</tspan> rhetoric (certainty-weighted incidents, max ${max})</text>${parts.join('')}</svg>`;
}

function incidentCard(inc: ReportIncident): string {
  const reports = inc.reports
    .map(
      (r) =>
        `<li><span class="c-${h(r.certainty)}">${h(r.certainty)}</span> · ${h(r.outlet ?? 'unknown outlet')}${r.attribution.text ? ` · per ${h(r.attribution.text)}` : ''}${r.reprintOf ? ' · <em>reprint</em>' : ''}: ${h(r.evidence)} <code>${h(r.document)}#${h(r.event)}</code></li>`,
    )
    .join('');
  const camps = inc.camps.length > 0 ? `<p>Camps: ${inc.camps.map((c) => `${h(c.camp)}: <strong>${h(c.stance)}</strong>`).join('; ')}</p>` : '';
  return `<div class="incident-card" id="${h(inc.id)}"><h4>${h(inc.id)} · ${h(inc.type)} · ${h(when(inc))} · ${h(inc.place?.name ?? 'place unknown')}</h4>
<p>Sources: ${inc.sources.map((s) => h(s.family)).join(', ')} — <strong>${inc.independentConfirmations}</strong> independent confirmation(s)</p>${camps}
<details><summary>${inc.reports.length} report(s)</summary><ul>${reports}</ul></details></div>`;
}

/** Renders a report as a self-contained HTML document. */
export function renderHtml(report: SituationReport): string {
  const incidents = report.stories.flatMap((s) => s.incidents.map((i) => ({ s, i })));
  const points = incidents
    .filter(({ i }) => i.place && i.place.lat !== null && i.place.lon !== null && i.place.precision <= 2)
    .map(({ i }) => ({ lat: i.place!.lat!, lon: i.place!.lon!, label: `${i.id} ${i.type} ${i.place!.name} (${i.independentConfirmations})`, weight: i.independentConfirmations }));
  const timeline = incidents
    .filter(({ i }) => i.independentConfirmations >= 2 || i.contradictions.length > 0)
    .sort((a, b) => (a.i.date?.start ?? '9999').localeCompare(b.i.date?.start ?? '9999'))
    .map(({ s, i }) => `<tr><td>${h(when(i))}</td><td><a href="#${h(i.id)}">${h(i.id)}</a> ${h(i.type)}</td><td>${h(i.place?.name ?? '')}</td><td>${i.independentConfirmations}</td><td>${h(s.id)}</td></tr>`)
    .join('');
  const contradictions = incidents
    .flatMap(({ i }) =>
      i.contradictions.map(
        (c) =>
          `<tr><td><a href="#${h(i.id)}">${h(i.id)}</a> ${h(i.type)}</td><td>${h(c.kind)}</td><td>${h(c.summary)}</td><td><ul>${c.sides.map((sd) => `<li>${h(sd.claim)}: ${sd.sources.map(h).join(', ')}</li>`).join('')}</ul></td></tr>`,
      ),
    )
    .join('');
  const stories = report.stories
    .map(
      (s) =>
        `<section><h3>${h(s.id)}: ${h(s.title ?? '(untitled)')}</h3><p class="muted">${s.documents.map((d) => `${h(d.outlet ?? 'unknown outlet')} (${h(d.day ?? 'undated')}${d.reprintOf ? ', reprint' : ''})`).join(' · ')}</p>${s.incidents.map(incidentCard).join('')}</section>`,
    )
    .join('');
  const anomalies = report.anomalies.length === 0 ? '<p class="muted">None flagged.</p>' : `<ul>${report.anomalies.map((a) => `<li>${h(a.label)}: ${h(a.text)} <code>${h(a.document)}</code></li>`).join('')}</ul>`;
  const g = report.generated;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Situation report</title><style>${CSS}</style></head><body>
<h1>Situation report</h1>
<p class="muted">${g.documents} documents · ${report.stories.length} stories · ${incidents.length} incidents${g.since ? ` · since ${h(g.since)}` : ''}${g.until ? ` · until ${h(g.until)}` : ''}${g.region ? ` · region ${h(g.region)}` : ''}</p>
<h2>Map</h2>${renderMapSvg(points)}
<h2>Timeline</h2>${timeline ? `<table><thead><tr><th>Date</th><th>Incident</th><th>Place</th><th>Independent sources</th><th>Story</th></tr></thead><tbody>${timeline}</tbody></table>` : '<p class="muted">No incident with two independent sources or a contradiction.</p>'}
<h2>Contradictions</h2>${contradictions ? `<table><thead><tr><th>Incident</th><th>Kind</th><th>What</th><th>Sides</th></tr></thead><tbody>${contradictions}</tbody></table>` : '<p class="muted">None found.</p>'}
<h2>Escalation</h2>${escalationSvg(report)}
<h2>Alerts</h2>${alertsHtml(report)}
<h2>Framing</h2>${framingHtml(report)}
<h2>Anomalies</h2>${anomalies}
<h2>Stories and incidents</h2>${stories}
</body></html>
`;
}
