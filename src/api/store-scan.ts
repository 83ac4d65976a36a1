/**
 * One pass over every current document feeding the per-revision indexes that the read routes
 * answer from (events; place and entity tallies): reading and parsing the documents is most of
 * the cost (about 100 s for 100k articles here), so it is paid once per store revision, not once
 * per index.
 */
import type { Store } from '../store/store.js';
import { createEventIndex, type EventIndex } from './events-index.js';
import { createLayerFacts, type LayerFacts } from './layer-facts.js';
import type { Derived, RevisionCache } from './revision-cache.js';

/** The indexes of one store revision. */
export interface StoreScan {
  readonly events: EventIndex;
  readonly facts: LayerFacts;
}

/** Reads every current document once. */
export async function buildStoreScan(store: Store): Promise<StoreScan> {
  const events = createEventIndex(store);
  const facts = createLayerFacts();
  for await (const doc of store.exportDocuments()) {
    events.add(doc);
    facts.add(doc);
  }
  return { events: events.done(), facts: facts.done() };
}

/** The scan of the store's current revision, built once and shared. */
export function storeScan(cache: RevisionCache): Promise<Derived<StoreScan>> {
  return cache.get('scan', buildStoreScan);
}
