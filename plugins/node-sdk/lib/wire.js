'use strict';
// The services go-plugin's host calls on every plugin: health ("plugin"
// must be SERVING), the controller's Shutdown, and stdio (kept open; the
// SDK never writes to stdout after the handshake either).

function healthService() {
  const serving = { status: 'SERVING' };
  return {
    Check: (call, callback) => callback(null, serving),
    Watch: (call) => { call.write(serving); },
  };
}

function controllerService(shutdown) {
  return {
    Shutdown: (call, callback) => {
      callback(null, {});
      setImmediate(shutdown);
    },
  };
}

function stdioService(streams) {
  return {
    StreamStdio: (call) => {
      streams.add(call);
      call.on('cancelled', () => streams.delete(call));
    },
  };
}

module.exports = { healthService, controllerService, stdioService };
