'use strict';
// Importer.Import: the author's import(req, send, ctx) writes batches; send
// resolves once the stream can take more, which is the backpressure.

const { toServiceError } = require('./errors');
const { batchToWire } = require('./records');

function importHandler(instances) {
  return (call) => {
    const abort = new AbortController();
    call.on('cancelled', () => abort.abort(new Error('the host cancelled the import')));
    run(instances, call, abort.signal).then(
      () => { if (!abort.signal.aborted) call.end(); },
      (err) => { if (!abort.signal.aborted) call.emit('error', toServiceError(err)); });
  };
}

async function run(instances, call, signal) {
  const instance = instances.get(call.request.instance);
  if (typeof instance.import !== 'function') throw new Error('the instance has no import method');
  const req = { cursor: call.request.cursor, batchSize: call.request.batch_size_hint };
  await instance.import(req, (batch) => send(call, signal, batch), { signal });
}

function send(call, signal, batch) {
  if (signal.aborted) return Promise.reject(signal.reason);
  if (call.write(batchToWire(batch))) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    call.once('drain', () => { signal.removeEventListener('abort', onAbort); resolve(); });
  });
}

module.exports = { importHandler };
