/** The API on a real socket: Node's HTTP server through @hono/node-server, on localhost unless told otherwise. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { createApp, type AppOptions } from './app.js';

/** Options for startServer: createApp's, plus where to listen. */
export interface ServerOptions extends AppOptions {
  /** TCP port (default 8787; 0 picks a free one). */
  readonly port?: number;
  /** Interface to bind (default 127.0.0.1: nothing off this machine can reach it unless asked). */
  readonly host?: string;
  /** Aborting closes the server. */
  readonly signal?: AbortSignal;
}

/** A listening server. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:8787`. */
  readonly url: string;
  /** Stops accepting connections, ends idle ones, and resolves once the server has closed. */
  close(): Promise<void>;
}

/** Default port. */
export const DEFAULT_PORT = 8787;
/** Default interface. */
export const DEFAULT_HOST = '127.0.0.1';

/** Starts the API server; resolves once it listens, rejects if it cannot (e.g. the port is taken). */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const app = createApp(options);
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  const host = options.host ?? DEFAULT_HOST;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      // Keep-alive connections would hold close() open until they time out.
      server.closeIdleConnections();
    });
    return closing;
  };
  if (options.signal) {
    if (options.signal.aborted) await close();
    else options.signal.addEventListener('abort', () => void close(), { once: true });
  }

  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { url: `http://${shownHost}:${address.port}`, close };
}
