'use strict';
// @portico/plugin-sdk: serve({info, configure}) runs a Portico plugin. It
// speaks go-plugin's handshake and version negotiation, AutoMTLS, the
// health, controller and stdio services, and watches the host process, so
// the author writes only the plugin's logic.

const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const contract = require('./contract');
const hs = require('./handshake');
const { credentials } = require('./mtls');
const { createLogger } = require('./log');
const { ErrorKind, PluginError } = require('./errors');
const { Instances, pluginService, importHandler, checkPlugin, unary } = require('./services');
const { notifierService } = require('./notifier');
const { Ledger } = require('./ledger');
const { plainText, checkLength } = require('./text');
const { healthService, controllerService, stdioService } = require('./wire');

const SDK_VERSION = '1.0.0';

const defs = protoLoader.loadFileDescriptorSetFromBuffer(contract,
  { longs: Number, enums: String, defaults: true, oneofs: true });
const proto = grpc.loadPackageDefinition(defs);

/**
 * serve runs the plugin until the host asks it to stop or goes away.
 * @param {import('./index').Plugin} plugin
 */
async function serve(plugin) {
  checkPlugin(plugin);
  hs.checkCookie();
  const log = createLogger(plugin.info.id);
  catchCrashes(log);
  const version = hs.negotiate();
  const server = new grpc.Server();
  const streams = new Set();
  const stop = () => shutdown(server, streams);
  const ledger = plugin.info.kinds.includes('notifier') ? new Ledger(dataDir()) : null;
  register(server, plugin, version, streams, stop, ledger);
  const { creds, field } = await credentials(process.env.PLUGIN_CLIENT_CERT);
  const socket = hs.socketPath();
  await new Promise((resolve, reject) =>
    server.bindAsync(`unix://${socket}`, creds, (err) => (err ? reject(err) : resolve())));
  process.stdout.write(hs.handshakeLine(version, 'unix', socket, field));
  watchParent(log, process.ppid, ledger);
}

function register(server, plugin, version, streams, stop, ledger) {
  const instances = new Instances(plugin.configure);
  const v1 = proto.portico.plugin.v1;
  server.addService(v1.Plugin.service, pluginService(plugin, version, instances, SDK_VERSION));
  if (plugin.info.kinds.includes('importer')) {
    server.addService(v1.Importer.service, { Import: importHandler(instances) });
  }
  if (plugin.info.kinds.includes('notifier')) {
    server.addService(v1.Notifier.service, notifierService(instances, unary, ledger));
  }
  server.addService(proto.grpc.health.v1.Health.service, healthService());
  server.addService(proto.plugin.GRPCController.service, controllerService(stop));
  server.addService(proto.plugin.GRPCStdio.service, stdioService(streams));
}

// shutdown lets calls in flight finish for a moment, then exits.
function shutdown(server, streams) {
  for (const s of streams) s.end();
  setTimeout(() => process.exit(0), 1000).unref();
  server.tryShutdown(() => process.exit(0));
}

// watchParent exits when the host is gone: go-plugin cannot tell a plugin
// that its host was killed with SIGKILL. A notifier first lets its sends
// in flight finish and reach its ledger (for at most DRAIN_MS), so the
// host's retry of a message the channel accepted is dropped, not sent
// again.
function watchParent(log, parent, ledger) {
  const timer = setInterval(async () => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    log.error('the host process is gone; exiting', { host_pid: parent });
    if (ledger) await ledger.drain(DRAIN_MS);
    process.exit(2);
  }, 1000);
  timer.unref();
}

const DRAIN_MS = 30000;

// catchCrashes logs uncaught errors as JSON, so the host shows them at
// error level instead of as raw debug lines.
function catchCrashes(log) {
  const crash = (kind) => (err) => {
    log.error(`${kind}: ${err && err.message || err}`, { stack: String(err && err.stack || '') });
    process.exit(1);
  };
  process.on('uncaughtException', crash('uncaught exception'));
  process.on('unhandledRejection', crash('unhandled rejection'));
}

/** dataDir is the plugin's own directory from the host, or '' for none. */
function dataDir() {
  return process.env.PORTICO_PLUGIN_DATA_DIR || '';
}

module.exports = {
  serve, PluginError, ErrorKind, createLogger, SDK_VERSION, dataDir, plainText, checkLength,
  PROTOCOL_VERSIONS: hs.PROTOCOL_VERSIONS,
};
