/** Events as PLOVER-style records (the shape of the PLOVER gold-standard records: source and target actors with their text, event, mode, context, text). */
import type { Doc } from '../doc/types.js';
import type { EventSpan } from '../stages/events/event-span.js';
import { eventsBySalience } from '../stages/events/event-span.js';

/** One PLOVER-style record. */
export interface PloverRecord {
  readonly id: string;
  readonly date: string | null;
  readonly source: readonly { readonly actorText: string; readonly entity: string | null }[];
  readonly target: readonly { readonly actorText: string; readonly entity: string | null }[];
  readonly event: string;
  readonly mode: string | null;
  readonly context: string | null;
  readonly eventText: string;
  readonly text: string;
  readonly evidence: { readonly start: number; readonly end: number };
  readonly certainty: string;
  readonly attribution: { readonly kind: string; readonly text: string | null };
  readonly scope: string;
  readonly document: string;
}

/** PLOVER-style records for every event of the documents, most salient first per document. */
export function toPloverJson(docs: readonly Doc[]): PloverRecord[] {
  return docs.flatMap((doc) => eventsBySalience((doc.layers.events ?? []) as readonly EventSpan[]).map((e): PloverRecord => ({
    id: `${doc.id}-${e.id}`,
    date: e.date?.start ?? null,
    source: e.actors.map((a) => ({ actorText: a.text, entity: a.id })),
    target: e.recipients.map((a) => ({ actorText: a.text, entity: a.id })),
    event: e.type,
    mode: e.mode,
    context: e.acled?.sub_event_type ?? null,
    eventText: e.trigger,
    text: doc.text.slice(e.evidence.start, e.evidence.end),
    evidence: e.evidence,
    certainty: e.certainty,
    attribution: { kind: e.attribution.kind, text: e.attribution.text },
    scope: e.scope,
    document: doc.id,
  })));
}
