'use strict';
// An instance's configuration: checked, with defaults, and refused with a
// message that names the setting when it is wrong.

const { PluginError, ErrorKind } = require('@portico/plugin-sdk');

const configSchema = require('../schema.json');

const SECURITY = ['tls', 'starttls', 'none'];

function invalid(message) {
  return new PluginError(ErrorKind.INVALID_CONFIG, message);
}

function stringList(config, key) {
  const v = config[key] ?? [];
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) throw invalid(`${key} must be a list of strings`);
  return v.map((s) => s.trim().toLowerCase()).filter(Boolean);
}

function parseConfig(config, secrets) {
  const unknown = Object.keys(config).filter((k) => !(k in configSchema.properties));
  if (unknown.length) throw invalid(`unknown setting "${unknown[0]}"`);
  const { host, user, mailbox = 'INBOX', security = 'tls', ca_cert: ca, timeout_seconds: timeout = 15 } = config;
  if (typeof host !== 'string' || !host.trim()) throw invalid('host is required, e.g. imap.example.org');
  if (typeof user !== 'string' || !user) throw invalid('user is required');
  if (!SECURITY.includes(security)) throw invalid(`security must be one of ${SECURITY.join(', ')}, got "${security}"`);
  const port = config.port ?? (security === 'tls' ? 993 : 143);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw invalid(`port must be 1 to 65535, got ${port}`);
  if (!Number.isInteger(timeout) || timeout < 1) throw invalid(`timeout_seconds must be a positive integer, got ${timeout}`);
  if (!secrets.password) throw invalid('the secret "password" is missing');
  return {
    host, port, security, user, password: secrets.password, mailbox, ca, timeoutMs: timeout * 1000,
    ignoreDomains: stringList(config, 'ignore_domains'),
    ignoreAddresses: stringList(config, 'ignore_addresses'),
    publicDomains: stringList(config, 'public_domains'),
  };
}

module.exports = { configSchema, parseConfig };
