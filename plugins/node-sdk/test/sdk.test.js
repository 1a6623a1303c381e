'use strict';
// Unit checks of the Node SDK's pure parts; the SDK's Go tests run real
// Node plugins through the host and the conformance runner.

const test = require('node:test');
const assert = require('node:assert');
const { negotiate, handshakeLine } = require('../lib/handshake');
const { timestamp } = require('../lib/log');
const protoLoader = require('@grpc/proto-loader');
const contract = require('../lib/contract');
const { batchToWire, mapFromWire } = require('../lib/records');
const { toServiceError, PluginError, ErrorKind } = require('../lib/errors');

test('negotiate picks the highest common version, else our lowest', () => {
  assert.strictEqual(negotiate([1, 2], { PLUGIN_PROTOCOL_VERSIONS: '1,2,3' }), 2);
  assert.strictEqual(negotiate([1], { PLUGIN_PROTOCOL_VERSIONS: '1' }), 1);
  assert.strictEqual(negotiate([2, 3], { PLUGIN_PROTOCOL_VERSIONS: '1' }), 2);
});

test('the handshake line carries the certificate as a sixth field', () => {
  assert.strictEqual(handshakeLine(1, 'unix', '/s/p.sock', ''), '1|1|unix|/s/p.sock|grpc\n');
  assert.strictEqual(handshakeLine(1, 'unix', '/s/p.sock', 'QUJD'), '1|1|unix|/s/p.sock|grpc|QUJD\n');
});

test('timestamps have the six fractional digits go-plugin parses', () => {
  assert.strictEqual(timestamp(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 678))), '2026-01-02T03:04:05.678000Z');
});

test('batches convert to the wire field names', () => {
  const wire = batchToWire({ records: [{ contact: { externalId: 'c1', jobTitle: 'CTO' } }, { company: { externalId: 'k1' } }], cursor: 7 });
  assert.strictEqual(wire.records[0].contact.external_id, 'c1');
  assert.strictEqual(wire.records[0].contact.job_title, 'CTO');
  assert.strictEqual(wire.records[1].company.external_id, 'k1');
  assert.strictEqual(wire.cursor, '7');
  assert.throws(() => batchToWire({ records: [{}] }), /contact or a company/);
});

test('errors carry their kind in the trailer', () => {
  const e = toServiceError(new PluginError(ErrorKind.RATE_LIMITED, 'slow down', { retryAfterMs: 1500 }));
  assert.strictEqual(e.details, 'slow down');
  assert.deepStrictEqual(e.metadata.get('portico-error-kind'), ['rate_limited']);
  assert.deepStrictEqual(e.metadata.get('portico-retry-after-ms'), ['1500']);
  assert.deepStrictEqual(toServiceError(new Error('boom')).metadata.get('portico-error-kind'), ['internal']);
});

test('maps cross the wire: secrets in, custom fields out', () => {
  const defs = protoLoader.loadFileDescriptorSetFromBuffer(contract, { longs: Number, enums: String, defaults: true, oneofs: true });
  const req = defs['portico.plugin.v1.ConfigureRequest'];
  const wire = req.deserialize(req.serialize({ config_json: '{}', secrets: [{ key: 'password', value: 's3cret' }] }));
  assert.deepStrictEqual(mapFromWire(wire.secrets), { password: 's3cret' });
  const batch = defs['portico.plugin.v1.ImportBatch'];
  const out = batch.deserialize(batch.serialize(batchToWire({ records: [{ contact: { externalId: 'c1', customFields: { tier: 'gold' } } }] })));
  assert.deepStrictEqual(mapFromWire(out.records[0].contact.custom_fields), { tier: 'gold' });
});

test('notifiers: plain text, length, and a key sent once across a restart', async () => {
  const { plainText, checkLength } = require('../lib/text');
  const { Ledger } = require('../lib/ledger');
  assert.strictEqual(plainText('Ada\x1b[31m <b>Lovelace</b>\x07\r\nline\ttwo\u202Egnp'), 'Ada[31m <b>Lovelace</b>\nline twognp');
  assert.throws(() => checkLength({ maxChars: 3 }, '안녕하세'), /4 characters; this channel takes at most 3/);
  const dir = require('node:fs').mkdtempSync(require('node:path').join(require('node:os').tmpdir(), 'ledger-'));
  let sent = 0;
  const send = async () => { sent++; await new Promise((r) => setTimeout(r, 20)); return { providerId: `p${sent}` }; };
  const a = new Ledger(dir);
  const [one, two] = await Promise.all([a.once('i', 'k', send), a.once('i', 'k', send)]);
  assert.deepStrictEqual([one.duplicate, two.duplicate, two.providerId, sent], [false, true, 'p1', 1]);
  const again = await new Ledger(dir).once('i', 'k', send);
  assert.deepStrictEqual([again.duplicate, again.providerId, sent], [true, 'p1', 1]);
  await assert.rejects(a.once('i', 'bad', async () => { throw new Error('no'); }));
  assert.strictEqual((await a.once('i', 'bad', send)).duplicate, false);
});

test('an orphaned notifier drains its sends into the ledger before it exits', async () => {
  const { Ledger } = require('../lib/ledger');
  const dir = require('node:fs').mkdtempSync(require('node:path').join(require('node:os').tmpdir(), 'ledger-'));
  const a = new Ledger(dir);
  const slow = () => new Promise((r) => setTimeout(() => r({ providerId: 'late' }), 150));
  const pending = a.once('i', 'k', slow);
  await a.drain(5000);
  assert.strictEqual(a.inflight.size, 0, 'drain returned while a send was in flight');
  const again = await new Ledger(dir).once('i', 'k', slow);
  assert.deepStrictEqual([again.duplicate, again.providerId], [true, 'late']);
  await pending;
  const stuck = a.once('i', 'never', () => new Promise(() => {}));
  const t0 = Date.now();
  await a.drain(50);
  assert.ok(Date.now() - t0 < 1000, 'drain waited past its limit');
  void stuck;
});
