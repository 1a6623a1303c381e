'use strict';
// The keys a notifier accepted, so a retried Send is not sent twice: in
// memory for the process's lifetime and, when the host gives a data
// directory, in an append-only file there, so it survives a crash or a
// restart. The record is written right after the channel accepts, so a
// crash in between can still send a retried message twice.

const fs = require('node:fs');
const path = require('node:path');

const RETENTION_MS = 7 * 24 * 3600 * 1000;

class Ledger {
  /** @param {string} [dir] the plugin's data directory, or none */
  constructor(dir) {
    this.accepted = new Map();
    this.inflight = new Map();
    this.fd = null;
    if (dir) this.open(path.join(dir, 'notifier-ledger.jsonl'));
  }

  open(file) {
    const oldest = Date.now() - RETENTION_MS;
    let lines = [];
    try {
      lines = fs.readFileSync(file, 'utf8').split('\n');
    } catch (e) {
      if (e.code !== 'ENOENT') throw e;
    }
    for (const line of lines) {
      try {
        const e = JSON.parse(line);
        if (e.t >= oldest) this.accepted.set(`${e.i}\0${e.k}`, e);
      } catch { /* a line cut by a crash: never confirmed */ }
    }
    const tmp = `${file}.tmp`;
    fs.writeFileSync(tmp, [...this.accepted.values()].map((e) => `${JSON.stringify(e)}\n`).join(''), { mode: 0o600 });
    fs.renameSync(tmp, file);
    this.fd = fs.openSync(file, 'a', 0o600);
  }

  /**
   * once runs send for a key not accepted before, at most one at a time
   * per key, and answers a key accepted before from the ledger.
   */
  async once(instance, key, send) {
    const id = `${instance}\0${key}`;
    for (;;) {
      const done = this.accepted.get(id);
      if (done) return { providerId: done.p, segments: done.n || 0, duplicate: true };
      const busy = this.inflight.get(id);
      if (!busy) break;
      await busy.catch(() => {});
    }
    const run = Promise.resolve().then(send);
    this.inflight.set(id, run);
    try {
      const r = await run;
      this.record({ i: instance, k: key, p: String(r.providerId || ''), n: r.segments || 0, t: Date.now() });
      return { providerId: String(r.providerId || ''), segments: r.segments || 0, duplicate: false };
    } finally {
      this.inflight.delete(id);
    }
  }

  /**
   * drain resolves once no send is in flight, or after limitMs, so a
   * plugin about to exit records what the channel accepted first.
   */
  async drain(limitMs) {
    const deadline = Date.now() + limitMs;
    while (this.inflight.size > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  record(e) {
    this.accepted.set(`${e.i}\0${e.k}`, e);
    if (this.fd === null) return;
    fs.writeSync(this.fd, `${JSON.stringify(e)}\n`);
    fs.fsyncSync(this.fd);
  }
}

module.exports = { Ledger };
