'use strict';
// The Notifier service: ValidateAddress, Send deduplicated by key through
// the ledger, and the optional DeliveryReports stream.

const { PluginError, ErrorKind, toServiceError } = require('./errors');
const { refFromWire } = require('./records');

const REPORT_STATUS = { delivered: 'STATUS_DELIVERED', failed: 'STATUS_FAILED', pending: 'STATUS_PENDING' };

function notifierService(instances, unary, ledger) {
  const notifier = (ref) => {
    const instance = instances.get(ref);
    if (typeof instance.send !== 'function' || typeof instance.validateAddress !== 'function') {
      throw new PluginError(ErrorKind.INTERNAL, 'the instance has no send or validateAddress method');
    }
    return instance;
  };
  return {
    ValidateAddress: unary(async (req) => {
      const instance = notifier(req.instance);
      try {
        return { valid: true, normalized: String(await instance.validateAddress(req.address_kind, req.address)) };
      } catch (e) {
        if (e instanceof PluginError && e.kind === ErrorKind.INVALID_ADDRESS) return { valid: false, reason: e.message };
        throw e;
      }
    }),
    Send: unary(async (req) => {
      const instance = notifier(req.instance);
      if (!req.message_id) throw new PluginError(ErrorKind.INVALID_REQUEST, 'message_id (the idempotency key) is empty');
      const message = { key: req.message_id, addressKind: req.address_kind, address: req.recipient,
        text: req.text, link: req.link, locale: req.locale };
      const r = await ledger.once(refFromWire(req.instance).instanceId, req.message_id, () => instance.send(message));
      return { status: 'STATUS_ACCEPTED', provider_id: r.providerId, segments: r.segments, duplicate: r.duplicate };
    }),
    DeliveryReports: (call) => reports(notifier, call),
  };
}

function reports(notifier, call) {
  const abort = new AbortController();
  call.on('cancelled', () => abort.abort());
  Promise.resolve().then(async () => {
    const instance = notifier(call.request.instance);
    if (typeof instance.deliveryReports !== 'function') {
      throw new PluginError(ErrorKind.INVALID_REQUEST, 'this channel sends no delivery reports');
    }
    await instance.deliveryReports((r) => {
      call.write({ message_id: r.key, provider_id: r.providerId || '', status: REPORT_STATUS[r.status] || 'STATUS_UNSPECIFIED',
        detail: r.detail || '', at_unix_ms: (r.at || new Date()).getTime() });
    }, { signal: abort.signal });
  }).then(
    () => { if (!abort.signal.aborted) call.end(); },
    (err) => { if (!abort.signal.aborted) call.emit('error', toServiceError(err)); });
}

/** notifierInfo converts info.notifier to the wire's NotifierInfo. */
function notifierInfo(n) {
  if (!n) return null;
  const l = n.limits || {};
  return { address_kinds: n.addressKinds, limits: {
    max_chars: l.maxChars || 0, max_segments: l.maxSegments || 0, segment_chars: l.segmentChars || 0,
    multipart_segment_chars: l.multipartSegmentChars || 0, encoding: l.encoding || '',
    unicode_segment_chars: l.unicodeSegmentChars || 0, unicode_multipart_segment_chars: l.unicodeMultipartSegmentChars || 0 } };
}

module.exports = { notifierService, notifierInfo };
