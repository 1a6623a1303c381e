'use strict';
// Unit checks of the plugin's pure parts; servertest runs the bundled
// plugin against a real Dovecot.

const test = require('node:test');
const assert = require('node:assert');
const { records, isPublic } = require('../lib/senders');
const { parseConfig } = require('../lib/config');
const cursors = require('../lib/cursor');

const cfg = { ignoreAddresses: ['boss@acme.example'], ignoreDomains: ['portico.example'], publicDomains: ['uni.example'] };
const msg = (name, address) => ({ envelope: { from: [{ name, address }] } });

test('public mail domains and their subdomains get no company', () => {
  assert.ok(isPublic('gmail.com', []) && isPublic('hanmail.net', []) && isPublic('mail.yahoo.co.uk', []));
  assert.ok(isPublic('cs.uni.example', ['uni.example']));
  assert.ok(!isPublic('acme.example', []));
});

test('each sender once, the company first, automated and ignored senders left out', () => {
  const got = records([msg('Ada', 'Ada@Acme.example'), msg('Ada L.', 'ada@acme.example'), msg('', 'bob@gmail.com'),
    msg('Bounce', 'MAILER-DAEMON@acme.example'), msg('Shop', 'no-reply@shop.example'), msg('Me', 'me@portico.example'),
    msg('Boss', 'boss@acme.example'), { envelope: { from: [] } }], cfg);
  assert.deepStrictEqual(got, [
    { company: { externalId: 'domain:acme.example', name: 'acme.example', domains: ['acme.example'] } },
    { contact: { externalId: 'ada@acme.example', name: 'Ada', emails: ['ada@acme.example'], companyExternalId: 'domain:acme.example' } },
    { contact: { externalId: 'bob@gmail.com', name: 'bob@gmail.com', emails: ['bob@gmail.com'] } },
  ]);
});

test('configuration errors name the setting', () => {
  const bad = (config, secrets, re) => assert.throws(() => parseConfig(config, secrets), re);
  bad({ user: 'u' }, { password: 'p' }, /host is required/);
  bad({ host: 'h', user: 'u', security: 'ssl' }, { password: 'p' }, /security must be one of tls, starttls, none/);
  bad({ host: 'h', user: 'u', colour: 1 }, { password: 'p' }, /unknown setting "colour"/);
  bad({ host: 'h', user: 'u' }, {}, /secret "password" is missing/);
  assert.strictEqual(parseConfig({ host: 'h', user: 'u', security: 'starttls' }, { password: 'p' }).port, 143);
  assert.strictEqual(parseConfig({ host: 'h', user: 'u' }, { password: 'p' }).port, 993);
});

test('cursors are UIDVALIDITY:UID', () => {
  assert.deepStrictEqual(cursors.parse(cursors.format('1700000000', 42)), { validity: '1700000000', lastUid: 42 });
  assert.strictEqual(cursors.parse(''), null);
  assert.throws(() => cursors.parse('42'), /not UIDVALIDITY:UID/);
});

test('plugin.json carries the schema the plugin reports', () => {
  assert.deepStrictEqual(require('../plugin.json').config_schema, require('../schema.json'));
});
