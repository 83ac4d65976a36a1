/** Output checks the runner applies after every stage, so a broken stage is named, not silently stored. */
import type { Span } from '../doc/types.js';
import { ErrorCodes, SitrepError } from './errors.js';

/**
 * Throws SitrepError E_SPAN_INVALID unless every span is an integer half-open range inside a text
 * of `textLength` code units, and spans are sorted by start, then end.
 */
export function checkSpans(layer: string, spans: readonly Span[], textLength: number): void {
  let previous: Span | undefined;
  for (const [i, span] of spans.entries()) {
    const { start, end } = span;
    if (!Number.isInteger(start) || !Number.isInteger(end)) {
      throw new SitrepError(ErrorCodes.E_SPAN_INVALID, `layer "${layer}" span ${i} has non-integer offsets [${start}, ${end})`);
    }
    if (start < 0 || end < start || end > textLength) {
      throw new SitrepError(
        ErrorCodes.E_SPAN_INVALID,
        `layer "${layer}" span ${i} [${start}, ${end}) is not inside the text of length ${textLength}`,
      );
    }
    if (typeof span.label !== 'string') {
      throw new SitrepError(ErrorCodes.E_SPAN_INVALID, `layer "${layer}" span ${i} has no string label`);
    }
    if (previous && (start < previous.start || (start === previous.start && end < previous.end))) {
      throw new SitrepError(
        ErrorCodes.E_SPAN_INVALID,
        `layer "${layer}" is not sorted: span ${i} [${start}, ${end}) comes after [${previous.start}, ${previous.end})`,
      );
    }
    previous = span;
  }
}

/** Throws SitrepError E_LAYER_UNDECLARED when a stage returned a layer it did not declare. */
export function checkDeclared(stage: string, assigns: readonly string[], returned: readonly string[]): void {
  for (const name of returned) {
    if (!assigns.includes(name)) {
      throw new SitrepError(
        ErrorCodes.E_LAYER_UNDECLARED,
        `stage "${stage}" returned layer "${name}" but declares only [${assigns.join(', ')}]`,
      );
    }
  }
}
