/**
 * The pipeline runner: a plain loop over stages, checking each stage's output and recording
 * per-document failures instead of stopping (spaCy's `Language.__call__` with an error handler).
 */
import type { Doc, Layers, Origin, Span } from '../doc/types.js';
import { checkDeclared, checkSpans } from './check-layers.js';
import { ErrorCodes, SitrepError } from './errors.js';
import type { Stage, StageContext } from './stage.js';

/** A per-document failure: which input, which stage, a stable code and a message. */
export interface StageFailure {
  readonly input: string;
  readonly stage: string;
  readonly code: string;
  readonly message: string;
}

export interface RunResult {
  readonly doc: Doc;
  readonly failures: readonly StageFailure[];
}

/** How an input is named in messages: its path or URL, with the record number inside a container. */
export function inputName(origin: Origin): string {
  const base = origin.url ?? origin.path ?? '-';
  return origin.item === undefined ? base : `${base}:${origin.item}`;
}

/**
 * Runs stages in order over a cleaned Doc. A stage that throws or breaks the layer contract is
 * recorded as a failure (also in Doc.errors) and its layers are dropped; later stages that require
 * them fail with E_LAYER_MISSING; the rest go on.
 */
export async function runStages(doc: Doc, stages: readonly Stage[], ctx: StageContext): Promise<RunResult> {
  const failures: StageFailure[] = [];
  let layers: Layers = doc.layers;
  const versions: Record<string, number> = { ...doc.stages };
  for (const stage of stages) {
    try {
      const missing = stage.requires.filter((name) => layers[name] === undefined);
      if (missing.length > 0) {
        throw new SitrepError(ErrorCodes.E_LAYER_MISSING, `stage "${stage.name}" requires layer(s) ${missing.join(', ')}, which no earlier stage assigned`);
      }
      const output = await stage.run({ ...doc, layers, stages: versions }, ctx);
      const returned = Object.keys(output);
      checkDeclared(stage.name, stage.assigns, returned);
      for (const name of returned) {
        checkSpans(name, (output as Record<string, readonly Span[]>)[name] ?? [], doc.text.length);
      }
      layers = { ...layers, ...output };
      versions[stage.name] = stage.version;
    } catch (error) {
      const code = error instanceof SitrepError ? error.code : ErrorCodes.E_STAGE_THREW;
      const message = error instanceof Error ? error.message : String(error);
      failures.push({ input: inputName(doc.origin), stage: stage.name, code, message });
    }
  }
  const errors = [...doc.errors, ...failures.map((f) => `stage ${f.stage} failed: ${f.message}`)];
  return { doc: { ...doc, layers, stages: versions, errors }, failures };
}
