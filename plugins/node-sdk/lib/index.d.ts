// Types of @portico/plugin-sdk.

export type Kind = 'importer' | 'crm_sync' | 'notifier';

export interface Info {
  id: string;
  name: string;
  version: string;
  kinds: Kind[];
  /** Additive protocol features the plugin supports. */
  capabilities?: string[];
  /** JSON Schema of an instance's configuration. */
  configSchema?: object;
}

/** One instance's configuration as the host sends it. */
export interface Config {
  instanceId: string;
  revision: number;
  config: Record<string, unknown>;
  secrets: Record<string, string>;
}

export interface Contact {
  externalId: string;
  name?: string;
  /** The primary address first. */
  emails?: string[];
  phone?: string;
  mobile?: string;
  jobTitle?: string;
  language?: string;
  timeZone?: string;
  companyExternalId?: string;
  companyName?: string;
  tags?: string[];
  about?: string;
  customFields?: Record<string, string>;
}

export interface Company {
  externalId: string;
  name?: string;
  domains?: string[];
  description?: string;
  notes?: string;
  tags?: string[];
  customFields?: Record<string, string>;
}

export type PluginRecord = { contact: Contact } | { company: Company };

export interface Batch {
  records: PluginRecord[];
  /** Resuming from this cursor continues right after this batch. */
  cursor: string;
  progress?: { done: number; total?: number };
}

export interface ImportRequest {
  /** Empty to start from the beginning. */
  cursor: string;
  /** The host's preferred batch size; a hint. */
  batchSize: number;
}

/** Resolves when the host can take more: await it (backpressure). */
export type Send = (batch: Batch) => Promise<void>;

export interface Instance {
  /** "Test connection": resolve with a sentence saying what worked, or throw. */
  checkHealth(): string | Promise<string>;
  /** Importers: send every batch from req.cursor on, then return. */
  import?(req: ImportRequest, send: Send, ctx: { signal: AbortSignal }): Promise<void>;
  /** Called when the instance is reconfigured or removed. */
  close?(): void | Promise<void>;
}

export interface Plugin {
  info: Info;
  /** Builds one instance; throw PluginError(ErrorKind.INVALID_CONFIG, ...) for bad settings. */
  configure(config: Config): Instance | Promise<Instance>;
}

export declare const ErrorKind: {
  readonly INVALID_CONFIG: 'invalid_config';
  readonly UNAUTHORIZED: 'unauthorized';
  readonly UNREACHABLE: 'unreachable';
  readonly RATE_LIMITED: 'rate_limited';
  readonly NOT_CONFIGURED: 'not_configured';
  readonly INVALID_CURSOR: 'invalid_cursor';
  readonly INVALID_REQUEST: 'invalid_request';
  readonly INTERNAL: 'internal';
};

export declare class PluginError extends Error {
  constructor(kind: (typeof ErrorKind)[keyof typeof ErrorKind], message: string, opts?: { retryAfterMs?: number });
  readonly kind: string;
  readonly retryAfterMs: number;
}

export interface Logger {
  trace(message: string, fields?: object): void;
  debug(message: string, fields?: object): void;
  info(message: string, fields?: object): void;
  warn(message: string, fields?: object): void;
  error(message: string, fields?: object): void;
}

/** A logger writing JSON lines to stderr, as the host expects. Never log to stdout. */
export declare function createLogger(name: string): Logger;

/** Runs the plugin until the host stops it. */
export declare function serve(plugin: Plugin): Promise<void>;

export declare const SDK_VERSION: string;
export declare const PROTOCOL_VERSIONS: number[];
