'use strict';
// One configured mailbox: "Test connection" and the import, over IMAP with
// imapflow, read-only (EXAMINE).

const { ImapFlow } = require('imapflow');
const { PluginError, ErrorKind } = require('@portico/plugin-sdk');
const cursors = require('./cursor');
const { records } = require('./senders');

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET',
  'NoConnection', 'CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'ETIMEOUT', 'EPIPE']);

class Mailbox {
  constructor(cfg) {
    this.cfg = cfg;
  }

  async checkHealth() {
    const { cfg } = this;
    return this.session(async (client) => {
      const st = await client.status(cfg.mailbox, { messages: true });
      return `Connected to ${cfg.host}:${cfg.port} as ${cfg.user}; ${cfg.mailbox} holds ${st.messages} messages`;
    });
  }

  async import({ cursor, batchSize }, send, { signal }) {
    const from = cursors.parse(cursor);
    const size = batchSize > 0 && batchSize <= 1000 ? batchSize : 500;
    return this.session(async (client) => {
      const lock = await client.getMailboxLock(this.cfg.mailbox, { readOnly: true });
      try {
        const validity = String(client.mailbox.uidValidity);
        if (from && from.validity !== validity) {
          throw new PluginError(ErrorKind.INVALID_CURSOR, `${this.cfg.mailbox} was rebuilt (UIDVALIDITY ` +
            `${from.validity} is now ${validity}); start the import from the beginning`);
        }
        const last = from ? from.lastUid : 0;
        // "n:*" also matches the highest UID when it is below n, hence the filter.
        const uids = ((await client.search({ uid: `${last + 1}:*` }, { uid: true })) || []).filter((u) => u > last);
        const total = client.mailbox.exists;
        for (let i = 0; i < uids.length && !signal.aborted; i += size) {
          const chunk = uids.slice(i, i + size);
          const range = `${chunk[0]}:${chunk[chunk.length - 1]}`;
          const msgs = await client.fetchAll(range, { uid: true, envelope: true }, { uid: true });
          const batch = records(msgs.sort((a, b) => a.uid - b.uid), this.cfg);
          const progress = { done: total - (uids.length - i - chunk.length), total };
          if (batch.length) await send({ records: batch, cursor: cursors.format(validity, chunk[chunk.length - 1]), progress });
        }
      } finally {
        lock.release();
      }
    }, signal);
  }

  /** session connects and logs in, runs fn, and always logs out. */
  async session(fn, signal) {
    const client = this.client();
    client.on('error', () => {}); // surfaced by the command that fails
    const abort = () => client.close();
    if (signal) signal.addEventListener('abort', abort, { once: true });
    try {
      await client.connect();
      return await fn(client);
    } catch (err) {
      throw classify(err, this.cfg);
    } finally {
      if (signal) signal.removeEventListener('abort', abort);
      await client.logout().catch(() => client.close());
    }
  }

  client() {
    const { cfg } = this;
    return new ImapFlow({
      host: cfg.host, port: cfg.port, secure: cfg.security === 'tls', doSTARTTLS: cfg.security === 'starttls',
      tls: cfg.ca ? { ca: cfg.ca } : {}, auth: { user: cfg.user, pass: cfg.password },
      logger: false, connectionTimeout: cfg.timeoutMs, greetingTimeout: cfg.timeoutMs, socketTimeout: 10 * cfg.timeoutMs,
    });
  }
}

/** classify says which of connection, login and mailbox failed. */
function classify(err, cfg) {
  if (err instanceof PluginError) return err;
  if (err.authenticationFailed) {
    return new PluginError(ErrorKind.UNAUTHORIZED, `${cfg.host} refused user "${cfg.user}" with this password`);
  }
  if (err.mailboxMissing || err.code === 'NotFound' || err.serverResponseCode === 'NONEXISTENT') {
    return new PluginError(ErrorKind.INVALID_CONFIG, `mailbox "${cfg.mailbox}" does not exist on ${cfg.host}`);
  }
  if (UNREACHABLE.has(err.code) || /^ERR_TLS|CERT|SSL/.test(err.code || '')) {
    return new PluginError(ErrorKind.UNREACHABLE, `cannot reach ${cfg.host}:${cfg.port}: ${err.message}`);
  }
  return err;
}

module.exports = { Mailbox };
