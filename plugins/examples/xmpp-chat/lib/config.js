'use strict';
// An instance's configuration, checked, with defaults.

const { PluginError, ErrorKind } = require('@portico/plugin-sdk');
const { parseAddress } = require('./address');

const configSchema = require('../schema.json');

function invalid(message) {
  return new PluginError(ErrorKind.INVALID_CONFIG, message);
}

function parseConfig(config, secrets) {
  const unknown = Object.keys(config).filter((k) => !(k in configSchema.properties));
  if (unknown.length) throw invalid(`unknown setting "${unknown[0]}"`);
  let jid;
  try {
    jid = parseAddress(String(config.jid || ''));
  } catch (e) {
    throw invalid(`jid: ${e.message}`);
  }
  const service = config.service || `xmpp://${jid.domain}:5222`;
  if (!/^xmpps?:\/\/[^/]+$/.test(service)) throw invalid('service must look like xmpp://host:5222 or xmpps://host:5223');
  const timeout = config.timeout_seconds ?? 15;
  if (!Number.isInteger(timeout) || timeout < 1) throw invalid('timeout_seconds must be a positive integer');
  if (!secrets.password) throw invalid('the secret "password" is missing');
  return { jid, service, password: secrets.password, timeoutMs: timeout * 1000 };
}

module.exports = { configSchema, parseConfig };
