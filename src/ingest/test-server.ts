/** A local HTTP server for ingest tests: routes by path, records every request, listens on 127.0.0.1:0. */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Answers one request; unknown paths get 404. */
export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** One request as the server saw it. */
export interface RecordedRequest {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
}

/** A running test server and what it has received. */
export interface TestServer {
  /** "http://127.0.0.1:PORT" */
  readonly origin: string;
  /** Every request received so far, in order. */
  readonly requests: readonly RecordedRequest[];
  /** The absolute URL of a path on this server. */
  url(path: string): string;
  close(): Promise<void>;
}

/** Starts a server for the given routes (path with query string, e.g. "/a?x=1", or path alone). */
export async function startTestServer(routes: Readonly<Record<string, Handler>>): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push({ path, headers: request.headers });
    const handler = routes[path] ?? routes[path.replace(/\?.*$/, '')];
    if (handler) handler(request, response);
    else response.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    url: (path: string) => origin + path,
    close: () =>
      new Promise<void>((resolve) => {
        // Handlers that never answer keep sockets open; close them so the test run can end.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A handler that sends a fixed body with the given headers. */
export function reply(body: string | Uint8Array, headers: Readonly<Record<string, string>> = {}, status = 200): Handler {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
    response.end(body);
  };
}

/** A handler that redirects to `location` with the given status. */
export function redirect(location: string, status = 302): Handler {
  return (_request, response) => {
    response.writeHead(status, { location });
    response.end();
  };
}
