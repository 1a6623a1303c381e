'use strict';
// Classified errors: a plugin throws PluginError(kind, message); the host
// receives the kind in the "portico-error-kind" trailer.

const grpc = require('@grpc/grpc-js');

const ErrorKind = Object.freeze({
  INVALID_CONFIG: 'invalid_config',
  UNAUTHORIZED: 'unauthorized',
  UNREACHABLE: 'unreachable',
  RATE_LIMITED: 'rate_limited',
  NOT_CONFIGURED: 'not_configured',
  INVALID_CURSOR: 'invalid_cursor',
  INVALID_REQUEST: 'invalid_request',
  INTERNAL: 'internal',
  TEMPORARY: 'temporary',
  PERMANENT: 'permanent',
  INVALID_ADDRESS: 'invalid_address',
  TOO_LONG: 'too_long',
});

const CODES = {
  invalid_config: grpc.status.INVALID_ARGUMENT,
  unauthorized: grpc.status.PERMISSION_DENIED,
  unreachable: grpc.status.UNAVAILABLE,
  rate_limited: grpc.status.RESOURCE_EXHAUSTED,
  not_configured: grpc.status.FAILED_PRECONDITION,
  invalid_cursor: grpc.status.OUT_OF_RANGE,
  invalid_request: grpc.status.INVALID_ARGUMENT,
  internal: grpc.status.INTERNAL,
  temporary: grpc.status.UNAVAILABLE,
  permanent: grpc.status.FAILED_PRECONDITION,
  invalid_address: grpc.status.INVALID_ARGUMENT,
  too_long: grpc.status.INVALID_ARGUMENT,
};

class PluginError extends Error {
  /**
   * @param {string} kind one of ErrorKind
   * @param {string} message what went wrong, for the admin
   * @param {{retryAfterMs?: number}} [opts]
   */
  constructor(kind, message, opts = {}) {
    super(message);
    this.name = 'PluginError';
    this.kind = kind in CODES ? kind : ErrorKind.INTERNAL;
    this.retryAfterMs = opts.retryAfterMs || 0;
  }
}

/** toServiceError turns anything thrown into a gRPC error with its trailer. */
function toServiceError(err) {
  const e = err instanceof PluginError ? err : new PluginError(ErrorKind.INTERNAL, String(err && err.message || err));
  const metadata = new grpc.Metadata();
  metadata.set('portico-error-kind', e.kind);
  if (e.retryAfterMs > 0) metadata.set('portico-retry-after-ms', String(e.retryAfterMs));
  return { code: CODES[e.kind], details: e.message, metadata };
}

module.exports = { ErrorKind, PluginError, toServiceError };
