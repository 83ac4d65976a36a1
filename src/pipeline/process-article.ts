/** The per-document pipeline: clean, then the registered stages. Pure; runs in-process or in a worker. */
import type { Doc } from '../doc/types.js';
import type { RawArticle } from '../ingest/types.js';
import { cleanArticle } from '../clean/clean-article.js';
import type { Config } from '../config.js';
import { defaultStages, TRANSIENT_LAYERS } from './registry.js';
import { inputName, runStages, type StageFailure } from './runner.js';
import type { Stage } from './stage.js';

export type ProcessResult =
  | { readonly ok: true; readonly doc: Doc; readonly failures: readonly StageFailure[] }
  | { readonly ok: false; readonly failure: StageFailure };

/** Cleans a raw article and runs the stages over it; a document that cannot be cleaned is a failure value. */
export async function processArticle(
  raw: RawArticle,
  config: Config,
  stages: readonly Stage[] = defaultStages(),
): Promise<ProcessResult> {
  let cleaned;
  try {
    cleaned = cleanArticle(raw, { published: config.ingest.published, outlet: config.ingest.outlet });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, failure: { input: inputName(raw.origin), stage: 'clean', code: 'E_STAGE_THREW', message } };
  }
  if (!cleaned.ok) {
    return { ok: false, failure: { input: inputName(raw.origin), stage: 'clean', code: cleaned.code, message: cleaned.message } };
  }
  const { doc, failures } = await runStages(cleaned.doc, stages, { config });
  return { ok: true, doc: withoutLayers(doc, TRANSIENT_LAYERS), failures };
}

/** The document without the named layers (the transient ones are not part of Document JSON). */
function withoutLayers(doc: Doc, names: readonly string[]): Doc {
  if (!names.some((name) => doc.layers[name] !== undefined)) return doc;
  const layers = Object.fromEntries(Object.entries(doc.layers).filter(([name]) => !names.includes(name)));
  return { ...doc, layers };
}
