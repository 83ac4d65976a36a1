/**
 * Configuration flows one way: defaults, then a config file, then the environment, then command-line
 * overrides; validated once and frozen. This is the only module that reads process.env.
 */
import { readFileSync } from 'node:fs';
import { ErrorCodes, SitrepError } from './pipeline/errors.js';

export interface FetchConfig {
  /** Whole-request timeout, body included. */
  readonly timeoutMs: number;
  readonly maxRedirects: number;
  readonly userAgent: string;
  readonly respectRobots: boolean;
  /** Parallel fetches of feed items. */
  readonly concurrency: number;
}

export interface IngestConfig {
  /** Inputs larger than this fail with `too-large` before they are read. */
  readonly maxBytes: number;
  /** Force a character encoding for every input instead of detecting it. */
  readonly encoding: string | null;
  /** Worker threads for the per-document pipeline: a number, or 0 for "one per core beyond the first". */
  readonly workers: number;
  /** Below this many inputs the pipeline runs in-process: starting workers costs more than it saves. */
  readonly minInputsForWorkers: number;
  /** Supplied publication date/time for inputs that carry none (e.g. `--published 2022-12-10`). */
  readonly published: string | null;
  /** Supplied outlet name for inputs that carry none. */
  readonly outlet: string | null;
}

export interface ApiConfig {
  readonly port: number;
  /** Interface to bind; loopback unless the user asks otherwise. */
  readonly host: string;
  /** Bearer token for write endpoints (`SITREP_API_TOKEN`); null disables writes. */
  readonly token: string | null;
  /** Whether reads are open without the token. */
  readonly readsOpen: boolean;
  /** Origins allowed by CORS; empty keeps CORS off. */
  readonly corsOrigins: readonly string[];
  readonly maxBodyBytes: number;
  /** Whether POST /api/documents may fetch loopback, private and link-local addresses (SSRF guard off). */
  readonly allowPrivateUrls: boolean;
}

/** Escalation alert rules (see src/report/alerts.ts) and where alerts go besides the report. */
export interface AlertsConfig {
  /** Certainty-weighted physical activity in a region on one day that raises an alert; 0 turns the rule off. */
  readonly physicalThreshold: number;
  /** Alert on an actor first seen in a region. */
  readonly newActor: boolean;
  /** Alert on the first physical act after rhetoric only. */
  readonly physicalAfterRhetoric: boolean;
  /** A URL that receives `{alerts}` as a JSON POST; null sends nothing. */
  readonly webhook: string | null;
}

export interface Config {
  /** A SQLite file path, or a postgres:// URL. */
  readonly db: string;
  readonly ingest: IngestConfig;
  readonly fetch: FetchConfig;
  readonly api: ApiConfig;
  readonly alerts: AlertsConfig;
}

/** A partial Config, as a config file or command-line options give it. */
export type ConfigOverlay = {
  readonly db?: string;
  readonly ingest?: Partial<IngestConfig>;
  readonly fetch?: Partial<FetchConfig>;
  readonly api?: Partial<ApiConfig>;
  readonly alerts?: Partial<AlertsConfig>;
};

const VERSION = '0.1.0';

/** The defaults, before any overlay. */
export function defaultConfig(): Config {
  return deepFreeze({
    db: './sitrep.db',
    ingest: {
      maxBytes: 32 * 1024 * 1024,
      encoding: null,
      workers: 0,
      minInputsForWorkers: 64,
      published: null,
      outlet: null,
    },
    fetch: {
      timeoutMs: 20_000,
      maxRedirects: 5,
      userAgent: `sitrep/${VERSION} (news-analysis; +https://github.com/sitrep-project/sitrep)`,
      respectRobots: true,
      concurrency: 4,
    },
    api: {
      port: 8787,
      host: '127.0.0.1',
      token: null,
      readsOpen: true,
      corsOrigins: [],
      maxBodyBytes: 2 * 1024 * 1024,
      allowPrivateUrls: false,
    },
    alerts: {
      physicalThreshold: 2,
      newActor: true,
      physicalAfterRhetoric: true,
      webhook: null,
    },
  });
}

/** The package version, for `--version` and the User-Agent. */
export function sitrepVersion(): string {
  return VERSION;
}

/**
 * Builds the frozen Config: defaults, then the JSON file named by `SITREP_CONFIG` (if any), then
 * `SITREP_DB`, then `overrides` (command-line options).
 */
export function loadConfig(
  overrides: ConfigOverlay = {},
  env: Readonly<Record<string, string | undefined>> = process.env,
): Config {
  let config = defaultConfig();
  const file = env.SITREP_CONFIG;
  if (file) config = overlay(config, readConfigFile(file));
  if (env.SITREP_DB) config = overlay(config, { db: env.SITREP_DB });
  if (env.SITREP_API_TOKEN) config = overlay(config, { api: { token: env.SITREP_API_TOKEN } });
  config = overlay(config, overrides);
  validate(config);
  return deepFreeze(config);
}

function readConfigFile(file: string): ConfigOverlay {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ConfigOverlay;
  } catch (cause) {
    throw new SitrepError(ErrorCodes.E_CONFIG, `Cannot read config file "${file}": ${(cause as Error).message}`, { cause });
  }
}

function overlay(base: Config, top: ConfigOverlay): Config {
  return {
    db: top.db ?? base.db,
    ingest: { ...base.ingest, ...stripUndefined(top.ingest ?? {}) },
    fetch: { ...base.fetch, ...stripUndefined(top.fetch ?? {}) },
    api: { ...base.api, ...stripUndefined(top.api ?? {}) },
    alerts: { ...base.alerts, ...stripUndefined(top.alerts ?? {}) },
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function validate(config: Config): void {
  const fail = (message: string): never => {
    throw new SitrepError(ErrorCodes.E_CONFIG, message);
  };
  if (!config.db) fail('db must name a SQLite file or a postgres:// URL');
  const positive = (name: string, value: number): void => {
    if (!Number.isFinite(value) || value <= 0) fail(`${name} must be a positive number, got ${JSON.stringify(value)}`);
  };
  positive('ingest.maxBytes', config.ingest.maxBytes);
  positive('fetch.timeoutMs', config.fetch.timeoutMs);
  positive('fetch.concurrency', config.fetch.concurrency);
  if (!Number.isInteger(config.ingest.workers) || config.ingest.workers < 0) {
    fail(`ingest.workers must be a whole number >= 0, got ${JSON.stringify(config.ingest.workers)}`);
  }
  if (!Number.isInteger(config.fetch.maxRedirects) || config.fetch.maxRedirects < 0) {
    fail(`fetch.maxRedirects must be a whole number >= 0, got ${JSON.stringify(config.fetch.maxRedirects)}`);
  }
  if (!Number.isInteger(config.api.port) || config.api.port < 0 || config.api.port > 65535) {
    fail(`api.port must be a port number from 0 to 65535, got ${JSON.stringify(config.api.port)}`);
  }
  if (!Number.isFinite(config.alerts.physicalThreshold) || config.alerts.physicalThreshold < 0) {
    fail(`alerts.physicalThreshold must be a number >= 0 (0 turns the rule off), got ${JSON.stringify(config.alerts.physicalThreshold)}`);
  }
  if (config.alerts.webhook !== null && !/^https?:\/\//.test(config.alerts.webhook)) {
    fail(`alerts.webhook must be an http(s) URL, got "${config.alerts.webhook}"`);
  }
  if (config.api.token !== null && config.api.token.length < 16) {
    fail('api.token must be at least 16 characters: it guards every write endpoint');
  }
  if (config.ingest.published !== null && !/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?/.test(config.ingest.published)) {
    fail(`ingest.published must be a date like 2022-12-10 or 2022-12-10T14:30, got "${config.ingest.published}"`);
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as object)) deepFreeze(child);
  }
  return value;
}
