/**
 * The store's named error: bugs, broken invariants and an unusable database throw it with a stable
 * code and the underlying `cause`. (Kept apart from `SitrepError` because that one's code union is
 * closed and owned by `pipeline/`; both print `[CODE] message` the same way.)
 */

/** Stable store error codes. */
export const StoreErrorCodes = {
  /** The store URL is malformed or names an unsupported scheme. */
  E_STORE_URL: 'E_STORE_URL',
  /** The database could not be opened or reached. */
  E_STORE_CONNECT: 'E_STORE_CONNECT',
  /** Creating or upgrading the schema failed. */
  E_STORE_MIGRATE: 'E_STORE_MIGRATE',
  /** A write conflicts with what is stored (an id reused for other bytes), or kept losing races. */
  E_STORE_CONFLICT: 'E_STORE_CONFLICT',
  /** A listing cursor is not one this store handed out. */
  E_STORE_CURSOR: 'E_STORE_CURSOR',
  /** A value cannot be stored faithfully (U+0000, a lone surrogate, a missing id). */
  E_STORE_VALUE: 'E_STORE_VALUE',
} as const;

/** One of the stable store error codes. */
export type StoreErrorCode = (typeof StoreErrorCodes)[keyof typeof StoreErrorCodes];

/** An error raised by the store, with a stable code and an optional cause. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { readonly cause?: unknown },
  ) {
    super(`[${code}] ${message}`, options);
  }
}

/** A one-line description of a thrown value, for messages (pg's connection errors can have an empty message). */
export function describeCause(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return [...new Set(error.errors.map(describeCause))].join('; ');
  }
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    if (error.message) return error.message;
    if (typeof code === 'string') return code;
    return error.name;
  }
  return String(error);
}
