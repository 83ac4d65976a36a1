/**
 * Named errors with stable codes for bugs and broken invariants. Expected, data-driven outcomes
 * (an empty body, an unreachable URL) are values, not exceptions.
 */

/** Stable error codes, in the manner of spaCy's `Errors` table. */
export const ErrorCodes = {
  /** A stage returned a span outside the text, unsorted, or non-integer. */
  E_SPAN_INVALID: 'E_SPAN_INVALID',
  /** A stage returned a layer it did not declare in `assigns`. */
  E_LAYER_UNDECLARED: 'E_LAYER_UNDECLARED',
  /** A stage ran before a layer it requires was assigned. */
  E_LAYER_MISSING: 'E_LAYER_MISSING',
  /** A stage threw. */
  E_STAGE_THREW: 'E_STAGE_THREW',
  /** Cleaning produced no usable text. */
  E_EMPTY_TEXT: 'E_EMPTY_TEXT',
  /** A configuration value is invalid. */
  E_CONFIG: 'E_CONFIG',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/** An error raised by sitrep itself, with a stable code and an optional cause. */
export class SitrepError extends Error {
  override readonly name = 'SitrepError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { readonly cause?: unknown },
  ) {
    super(`[${code}] ${message}`, options);
  }
}
