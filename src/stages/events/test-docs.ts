/** Builds documents for the events tests by running clean and the real earlier stages on hand-written text. */
import { cleanArticle } from '../../clean/clean-article.js';
import type { Doc } from '../../doc/types.js';
import { defaultStages } from '../../pipeline/registry.js';
import { runStages } from '../../pipeline/runner.js';
import { testContext } from '../../pipeline/test-helpers.js';
import type { EventSpan } from './event-span.js';
import { eventsStage } from './events-stage.js';

/** A Doc made from `text` (first line the title) by clean, the default stages and the events stage. */
export async function eventsDoc(text: string, options: { readonly published?: string | null } = {}): Promise<Doc> {
  const cleaned = cleanArticle(
    { format: 'text', content: text, origin: { path: 'test.txt', sha256: '0'.repeat(64), fetched: '2024-01-01T00:00:00.000Z' }, meta: {}, warnings: [] },
    { published: options.published ?? null },
  );
  if (!cleaned.ok) throw new Error(`test text did not clean: ${cleaned.message}`);
  const { doc, failures } = await runStages(cleaned.doc, [...defaultStages().filter((s) => s.name !== 'events'), eventsStage], testContext());
  if (failures.length > 0) throw new Error(failures.map((f) => `${f.stage}: ${f.message}`).join('; '));
  return doc;
}

/** The events of a Doc, most salient first. */
export function eventsOf(doc: Doc): EventSpan[] {
  return [...((doc.layers.events ?? []) as readonly EventSpan[])].sort((a, b) => a.rank - b.rank);
}
