'use strict';
// Unit checks of the plugin's pure parts; servertest runs the bundled
// plugin against a real Prosody.

const test = require('node:test');
const assert = require('node:assert');
const { parseAddress } = require('../lib/address');
const { parseConfig } = require('../lib/config');

test('addresses are bare JIDs in lower case, garbage refused with a reason', () => {
  assert.strictEqual(parseAddress(' Ada@Example.ORG/phone ').bare, 'ada@example.org');
  assert.strictEqual(parseAddress('민지@localhost').bare, '민지@localhost');
  assert.throws(() => parseAddress('<not an address>'), /looks like name@example.org/);
  assert.throws(() => parseAddress('a b@example.org'), /forbids/);
  assert.throws(() => parseAddress('ada@exa mple'), /not a domain name/);
});

test('configuration errors name the setting', () => {
  assert.throws(() => parseConfig({ jid: 'bot' }, { password: 'p' }), /jid: an XMPP address/);
  assert.throws(() => parseConfig({ jid: 'bot@example.org', colour: 1 }, { password: 'p' }), /unknown setting "colour"/);
  assert.throws(() => parseConfig({ jid: 'bot@example.org' }, {}), /secret "password" is missing/);
  assert.strictEqual(parseConfig({ jid: 'bot@example.org' }, { password: 'p' }).service, 'xmpp://example.org:5222');
});

test('plugin.json carries the schema the plugin reports', () => {
  assert.deepStrictEqual(require('../plugin.json').config_schema, require('../schema.json'));
});
