'use strict';
// The go-plugin handshake, as a plugin speaks it: check the magic cookie,
// pick a protocol version, listen on a private socket, print one line.

const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const COOKIE_KEY = 'PORTICO_PLUGIN';
const COOKIE_VALUE = '7f3d9c1e5b2a4860a1c4e9d2b6f08a53';

/** The go-plugin protocol versions this SDK speaks, oldest first. */
const PROTOCOL_VERSIONS = [1];

function checkCookie(env = process.env) {
  if (env[COOKIE_KEY] === COOKIE_VALUE) return;
  process.stderr.write('This program is a Portico plugin. It is not meant to be run directly:\n' +
    'install it in Portico, or check it with plugincheck.\n');
  process.exit(1);
}

/**
 * negotiate picks the highest version both sides speak. With none in common
 * it answers its own lowest, as go-plugin does, so the host can report both
 * sides' versions.
 */
function negotiate(ours = PROTOCOL_VERSIONS, env = process.env) {
  const theirs = String(env.PLUGIN_PROTOCOL_VERSIONS || '').split(',').map(Number).filter(Boolean);
  const both = ours.filter((v) => theirs.includes(v));
  return both.length ? Math.max(...both) : Math.min(...ours);
}

/**
 * socketPath is a fresh socket name: in the host's private directory when
 * it gives one (kept short, as socket paths are limited to about 100
 * bytes), else in a new private directory.
 */
function socketPath(env = process.env) {
  const name = `plugin${crypto.randomBytes(6).toString('hex')}.sock`;
  if (env.PLUGIN_UNIX_SOCKET_DIR) return path.join(env.PLUGIN_UNIX_SOCKET_DIR, name);
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'plugin-')), name);
}

function handshakeLine(version, network, address, certField) {
  const parts = ['1', String(version), network, address, 'grpc'];
  if (certField) parts.push(certField);
  return parts.join('|') + '\n';
}

module.exports = { COOKIE_KEY, COOKIE_VALUE, PROTOCOL_VERSIONS, checkCookie, negotiate, socketPath, handshakeLine };
