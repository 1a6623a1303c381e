'use strict';
// The portico.plugin.v1 services, served from the author's info and
// configure function.

const { toServiceError } = require('./errors');
const { Instances } = require('./instances');
const { importHandler } = require('./importer');
const { notifierInfo } = require('./notifier');

const KINDS = { importer: 'KIND_IMPORTER', crm_sync: 'KIND_CRM_SYNC', notifier: 'KIND_NOTIFIER' };

/** unary adapts an async handler to grpc-js's callback style. */
function unary(fn) {
  return (call, callback) => {
    Promise.resolve().then(() => fn(call.request, call)).then(
      (res) => callback(null, res),
      (err) => callback(toServiceError(err)));
  };
}

function pluginInfo(info, protocol, sdkVersion) {
  return {
    id: info.id, name: info.name, version: info.version,
    kinds: info.kinds.map((k) => KINDS[k]), capabilities: info.capabilities || [],
    config_schema_json: info.configSchema ? JSON.stringify(info.configSchema) : '',
    sdk: `node ${sdkVersion}`, protocol_version: protocol, notifier: notifierInfo(info.notifier),
  };
}

function pluginService(plugin, protocol, instances, sdkVersion) {
  return {
    GetInfo: unary(() => pluginInfo(plugin.info, protocol, sdkVersion)),
    Configure: unary(async (req) => { await instances.set(req); return {}; }),
    CheckHealth: unary(async (req) => {
      const instance = instances.get(req.instance);
      try {
        const message = await instance.checkHealth();
        return { status: 'STATUS_OK', message: String(message || 'OK') };
      } catch (e) {
        return { status: 'STATUS_ERROR', message: String(e && e.message || e) };
      }
    }),
    Unconfigure: unary(async (req) => { await instances.drop(req.instance_id); return {}; }),
  };
}

function checkPlugin(plugin) {
  const info = plugin && plugin.info;
  if (!info || !info.id || !info.version) throw new Error('serve: info.id and info.version are required');
  if (!Array.isArray(info.kinds) || info.kinds.length === 0) throw new Error('serve: info.kinds is empty');
  for (const k of info.kinds) if (!KINDS[k]) throw new Error(`serve: unknown kind "${k}"`);
  if (typeof plugin.configure !== 'function') throw new Error('serve: configure must be a function');
  const n = info.notifier;
  if (info.kinds.includes('notifier') && !(n && Array.isArray(n.addressKinds) && n.addressKinds.length)) {
    throw new Error('serve: a notifier must declare info.notifier.addressKinds (e.g. ["phone"])');
  }
}

module.exports = { Instances, pluginService, importHandler, checkPlugin, unary };
