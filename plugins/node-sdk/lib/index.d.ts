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
  /** Required of notifiers. */
  notifier?: NotifierInfo;
}

/** What a notification channel declares: see MessageLimits in the proto. */
export interface NotifierInfo {
  /** e.g. ['phone'] or ['xmpp'] */
  addressKinds: string[];
  limits: {
    maxChars?: number;
    maxSegments?: number;
    segmentChars?: number;
    multipartSegmentChars?: number;
    encoding?: '' | 'gsm7';
    unicodeSegmentChars?: number;
    unicodeMultipartSegmentChars?: number;
  };
}

/** One message to deliver; key is the idempotency key. */
export interface Message {
  key: string;
  addressKind: string;
  address: string;
  text: string;
  link: string;
  locale: string;
}

export interface Receipt {
  providerId: string;
  segments?: number;
}

export interface DeliveryReport {
  key: string;
  providerId?: string;
  status: 'delivered' | 'failed' | 'pending';
  detail?: string;
  at?: Date;
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
  /** Notifiers: the address normalised, or throw PluginError(INVALID_ADDRESS, reason). */
  validateAddress?(kind: string, address: string): string | Promise<string>;
  /** Notifiers: send once; the SDK already answered keys accepted before. */
  send?(message: Message): Promise<Receipt>;
  /** Notifiers with capability notifier.delivery_reports: call send per report until signal aborts. */
  deliveryReports?(send: (r: DeliveryReport) => void, ctx: { signal: AbortSignal }): Promise<void>;
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
  readonly TEMPORARY: 'temporary';
  readonly PERMANENT: 'permanent';
  readonly INVALID_ADDRESS: 'invalid_address';
  readonly TOO_LONG: 'too_long';
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

/** Drops control and bidi characters; markup stays as text. */
export declare function plainText(s: string): string;
/** Throws PluginError(TOO_LONG) naming the limit when text exceeds limits.maxChars. */
export declare function checkLength(limits: NotifierInfo['limits'], text: string): { chars: number; segments: number };
/** The plugin's data directory from the host, or ''. */
export declare function dataDir(): string;

export declare const SDK_VERSION: string;
export declare const PROTOCOL_VERSIONS: number[];
