'use strict';
// The configured instances of one plugin process, keyed by instance id,
// each with the configuration revision it was built from.

const { PluginError, ErrorKind } = require('./errors');
const { refFromWire, mapFromWire } = require('./records');

class Instances {
  constructor(configure) {
    this.configure = configure;
    this.byId = new Map();
  }

  async set(req) {
    const { instanceId: id, revision } = refFromWire(req.instance);
    if (!id) throw new PluginError(ErrorKind.INVALID_REQUEST, 'instance_id is empty');
    let config;
    try {
      config = req.config_json ? JSON.parse(req.config_json) : {};
    } catch (e) {
      throw new PluginError(ErrorKind.INVALID_CONFIG, `configuration is not JSON: ${e.message}`);
    }
    const built = await this.configure({ instanceId: id, revision, config, secrets: mapFromWire(req.secrets) });
    const old = this.byId.get(id);
    this.byId.set(id, { revision, instance: built });
    if (old) await closeInstance(old.instance);
  }

  get(wireRef) {
    const { instanceId: id, revision: want } = refFromWire(wireRef);
    const have = this.byId.get(id);
    if (!have) throw new PluginError(ErrorKind.NOT_CONFIGURED, `instance "${id}" is not configured`);
    if (have.revision !== want) {
      throw new PluginError(ErrorKind.NOT_CONFIGURED,
        `instance "${id}" has configuration revision ${have.revision}, not ${want}`);
    }
    return have.instance;
  }

  async drop(id) {
    const have = this.byId.get(id);
    this.byId.delete(id);
    if (have) await closeInstance(have.instance);
  }
}

async function closeInstance(instance) {
  if (instance && typeof instance.close === 'function') await instance.close();
}

module.exports = { Instances };
