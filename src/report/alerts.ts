/**
 * Escalation alerts (issue 6, part 6): rules over incidents by region and day. Three rules, each
 * switchable and tunable in the report options (a config file can carry them):
 * - threshold: a region's certainty-weighted physical activity on a day reaches the threshold after
 *   a day below it (or on its first day);
 * - new-actor: an actor (with a knowledge-base id) affirmed in a physical or rhetorical incident
 *   in a region for the first time, after the region's first day;
 * - physical-after-rhetoric: the first physical incident in a region that until then had rhetoric only.
 * Every alert names its incidents, so it drills down to the evidence. Pure; delivery is
 * {@link deliverAlerts}, at the edge.
 */
import { AFFIRMING, CERTAINTY_WEIGHT, PHYSICAL, RHETORIC } from '../stories/event-families.js';
import type { Incident } from '../stories/story-index.js';

/** Which alerts to raise. */
export interface AlertRules {
  /** Certainty-weighted physical activity in a region on one day that raises an alert; 0 turns the rule off. Default 2. */
  readonly physicalThreshold?: number;
  /** Alert on an actor first seen in a region. Default true. */
  readonly newActor?: boolean;
  /** Alert on the first physical act after rhetoric only. Default true. */
  readonly physicalAfterRhetoric?: boolean;
}

/** One alert. */
export interface Alert {
  readonly rule: 'threshold' | 'new-actor' | 'physical-after-rhetoric';
  readonly region: string;
  readonly day: string;
  readonly message: string;
  readonly incidents: readonly string[];
}

interface DayTally {
  physical: number;
  rhetoric: number;
  physicalIncidents: string[];
  incidents: string[];
  actors: Map<string, string[]>;
}

/** The alerts the rules raise over these incidents, in day order. */
export function escalationAlerts(incidents: readonly Incident[], rules: AlertRules = {}): Alert[] {
  const threshold = rules.physicalThreshold ?? 2;
  const byRegion = new Map<string, Map<string, DayTally>>();
  for (const inc of incidents) {
    if (!inc.date) continue;
    const physical = PHYSICAL.has(inc.type);
    if (!physical && !RHETORIC.has(inc.type)) continue;
    const weight = Math.max(0, ...inc.reports.map((r) => CERTAINTY_WEIGHT[r.certainty]));
    if (weight === 0) continue;
    const region = inc.place?.country ?? 'unknown';
    let days = byRegion.get(region);
    if (!days) byRegion.set(region, (days = new Map()));
    let t = days.get(inc.date.start);
    if (!t) days.set(inc.date.start, (t = { physical: 0, rhetoric: 0, physicalIncidents: [], incidents: [], actors: new Map() }));
    if (physical) {
      t.physical += weight;
      t.physicalIncidents.push(inc.id);
    } else t.rhetoric += weight;
    t.incidents.push(inc.id);
    for (const r of inc.reports) {
      if (!AFFIRMING.has(r.certainty)) continue;
      for (const a of r.actors) {
        // Free-text actors ("residents", "forces") are too loose to call new.
        if (!a.startsWith('kb:')) continue;
        const list = t.actors.get(a) ?? [];
        if (!list.includes(inc.id)) list.push(inc.id);
        t.actors.set(a, list);
      }
    }
  }
  const out: Alert[] = [];
  for (const [region, days] of byRegion) {
    const ordered = [...days].sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const seen = new Set<string>();
    let before = 0;
    let hadRhetoric = false;
    let hadPhysical = false;
    ordered.forEach(([day, t], i) => {
      if (threshold > 0 && t.physical >= threshold && before < threshold) {
        out.push({ rule: 'threshold', region, day, message: `physical activity in ${region} reached ${round(t.physical)} (threshold ${threshold})`, incidents: t.physicalIncidents });
      }
      if (rules.physicalAfterRhetoric !== false && t.physical > 0 && !hadPhysical && hadRhetoric) {
        out.push({ rule: 'physical-after-rhetoric', region, day, message: `first physical act in ${region} after rhetoric only`, incidents: t.physicalIncidents });
      }
      if (rules.newActor !== false) {
        for (const [actor, ids] of t.actors) {
          if (i > 0 && !seen.has(actor)) out.push({ rule: 'new-actor', region, day, message: `${actor} active in ${region} for the first time`, incidents: ids });
        }
      }
      for (const actor of t.actors.keys()) seen.add(actor);
      hadRhetoric ||= t.rhetoric > 0;
      hadPhysical ||= t.physical > 0;
      before = t.physical;
    });
  }
  return out.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.region.localeCompare(b.region)));
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Where alerts go: a line writer (stdout) and, optionally, a webhook that receives them as JSON. */
export interface AlertDelivery {
  readonly write?: (line: string) => void;
  readonly webhook?: string;
  /** The fetch to post with (tests pass their own). */
  readonly fetch?: typeof fetch;
}

/** Writes each alert as a line and posts them all to the webhook in one JSON body `{alerts: [...]}`. */
export async function deliverAlerts(alerts: readonly Alert[], delivery: AlertDelivery): Promise<{ readonly written: number; readonly posted: boolean }> {
  for (const a of alerts) delivery.write?.(`ALERT ${a.day} ${a.region} ${a.rule}: ${a.message} [${a.incidents.join(', ')}]`);
  if (!delivery.webhook || alerts.length === 0) return { written: alerts.length, posted: false };
  const post = delivery.fetch ?? fetch;
  const response = await post(delivery.webhook, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ alerts }), signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`the alerts webhook ${delivery.webhook} answered ${response.status}`);
  return { written: alerts.length, posted: true };
}
