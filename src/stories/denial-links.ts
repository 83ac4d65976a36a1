/**
 * Denials that name the act differently from the reports they answer. One outlet reports armed
 * clashes (ASSAULT); a ministry quoted by another denies that its troops crossed the line (a denied
 * MOBILIZE): the events layer codes two acts, an analyst reads one claim and its denial. Within a
 * story, a denial whose own incident nobody else affirms is linked to the affirmed incident of a
 * compatible family that fits its days and place best, and the contradiction is recorded on both.
 */
import type { EventPlace } from '../stages/events/event-span.js';
import { AFFIRMING, type EventFamily } from './event-families.js';
import type { Contradiction, ContradictionSide, IncidentReport } from './story-index.js';

/** What linking reads of an incident. */
export interface LinkableIncident {
  readonly id: string;
  readonly family: EventFamily;
  readonly days: readonly [number, number] | null;
  readonly place: EventPlace | null;
  readonly reports: readonly IncidentReport[];
}

/** Families whose acts outlets report and deny under each other's names: force used, and force moved. */
const FORCE: ReadonlySet<EventFamily> = new Set<EventFamily>(['assault', 'mobilize']);

function compatible(a: EventFamily, b: EventFamily): boolean {
  return a === b || (FORCE.has(a) && FORCE.has(b));
}

function side(claim: string, reports: readonly IncidentReport[]): ContradictionSide {
  return {
    claim,
    reports: reports.map((r) => ({ document: r.document, event: r.event })),
    sources: [...new Set(reports.map((r) => r.family))],
  };
}

/**
 * Links each denial-only incident (no other source affirms it) to the best-fitting affirmed incident
 * of the same story; returns the contradictions to add, by incident id. `placesAgree` says whether
 * two places can be one place; `slackDays` widens date ranges on each side.
 */
export function linkDenials(
  list: readonly LinkableIncident[],
  placesAgree: (a: EventPlace | null, b: EventPlace | null) => boolean,
  slackDays: number,
): Map<string, Contradiction[]> {
  const out = new Map<string, Contradiction[]>();
  const push = (id: string, c: Contradiction): void => {
    let l = out.get(id);
    if (!l) out.set(id, (l = []));
    l.push(c);
  };
  for (const d of list) {
    const denials = d.reports.filter((r) => r.certainty === 'denied');
    if (denials.length === 0) continue;
    const denying = new Set(denials.map((r) => r.family));
    // Already answered inside its own incident by another source: findContradictions records it.
    if (d.reports.some((r) => AFFIRMING.has(r.certainty) && !denying.has(r.family))) continue;
    const deniedActors = new Set(denials.flatMap((r) => r.actors));
    let best: { inc: LinkableIncident; affirming: IncidentReport[]; score: number } | null = null;
    for (const a of list) {
      if (a === d || !compatible(a.family, d.family)) continue;
      const affirming = a.reports.filter((r) => AFFIRMING.has(r.certainty));
      const otherSources = new Set(affirming.filter((r) => !denying.has(r.family)).map((r) => r.family));
      if (otherSources.size === 0) continue;
      if (d.days && a.days && (d.days[1] + slackDays < a.days[0] || d.days[0] - slackDays > a.days[1])) continue;
      if (!placesAgree(d.place, a.place)) continue;
      const sharedActor = affirming.some((r) => r.actors.some((x) => deniedActors.has(x)));
      // The same name for the act counts most, then a shared doer, then how widely it is reported.
      const score = (a.family === d.family ? 4 : 0) + (sharedActor ? 2 : 0) + Math.min(otherSources.size, 3) * 0.5 + (d.days && a.days ? 0.5 : 0);
      if (!best || score > best.score) best = { inc: a, affirming, score };
    }
    if (!best) continue;
    const types = (rs: readonly IncidentReport[]): string => [...new Set(rs.map((r) => r.type))].join('/');
    const c: Contradiction = {
      kind: 'denial',
      summary: `${best.affirming.length} report(s) that it happened (${types(best.affirming)}) against ${denials.length} denial(s) coded as ${types(denials)}`,
      sides: [side('happened', best.affirming), side('denied', denials)],
    };
    push(best.inc.id, c);
    push(d.id, c);
  }
  return out;
}
