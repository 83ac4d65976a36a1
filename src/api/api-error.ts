/**
 * The API's one error shape, `{error: {code, message}}`, and the exception handlers throw to
 * produce it. Codes are stable, lower-case words a client may switch on; messages are for people.
 */
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The body of every error response. */
export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string };
}

/** An expected, client-visible failure: thrown by handlers, turned into JSON by the app's error handler. */
export class ApiError extends HTTPException {
  override readonly name = 'ApiError';
  /** Extra response headers, e.g. WWW-Authenticate on a 401. */
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    options: { readonly headers?: Readonly<Record<string, string>>; readonly cause?: unknown } = {},
  ) {
    super(status, { message, cause: options.cause });
    this.headers = options.headers ?? {};
  }
}

/** Builds an error body. */
export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}

/** A stable code for a bare HTTP status (Hono's own exceptions carry none). */
export function codeForStatus(status: number): string {
  const codes: Readonly<Record<number, string>> = {
    400: 'bad-request',
    401: 'unauthorized',
    403: 'forbidden',
    404: 'not-found',
    405: 'method-not-allowed',
    413: 'too-large',
    415: 'unsupported-media-type',
    422: 'invalid-input',
    500: 'internal',
    502: 'bad-gateway',
    503: 'unavailable',
  };
  return codes[status] ?? `http-${status}`;
}
