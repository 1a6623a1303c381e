'use strict';
// One configured bot account: connects on first use, stays connected, and
// sends each message as a <message type="chat"> with a plain-text body.

const { client, xml } = require('@xmpp/client');
const { PluginError, ErrorKind, plainText, checkLength } = require('@portico/plugin-sdk');
const { parseAddress } = require('./address');
const { randomUUID } = require('node:crypto');

// Chat clients show long messages fine; servers refuse stanzas past about
// 256 KB. 4,000 characters keeps a notice readable.
const limits = { maxChars: 4000 };

class Chat {
  constructor(cfg) {
    this.cfg = cfg;
    this.online = null;
  }

  async checkHealth() {
    await this.connect();
    return `Signed in to ${this.cfg.service} as ${this.cfg.jid.bare}`;
  }

  validateAddress(kind, address) {
    if (kind !== 'xmpp') throw new PluginError(ErrorKind.INVALID_ADDRESS, 'this channel sends to XMPP addresses only');
    return parseAddress(address).bare;
  }

  /**
   * send strips control characters (XML cannot carry most of them) and
   * lets the XML library escape markup, so <b> arrives as text. Accepted
   * means written to the server's stream: XMPP acknowledges no more.
   */
  async send(m) {
    const to = this.validateAddress(m.addressKind, m.address);
    const text = [plainText(m.text).trim(), plainText(m.link).trim()].filter(Boolean).join('\n');
    checkLength(limits, text);
    const xmpp = await this.connect();
    const id = `portico-${randomUUID()}`;
    await withTimeout(xmpp.send(xml('message', { type: 'chat', to, id }, xml('body', {}, text))), this.cfg.timeoutMs,
      () => new PluginError(ErrorKind.TEMPORARY, 'the XMPP server did not take the message in time'));
    return { providerId: id, segments: 1 };
  }

  /** connect signs in once and reuses the session; a failed one is retried next time. */
  connect() {
    if (!this.online) {
      this.online = this.signIn().catch((e) => { this.online = null; throw e; });
    }
    return this.online;
  }

  async signIn() {
    const { jid, service, password, timeoutMs } = this.cfg;
    const xmpp = client({ service, domain: jid.domain, username: jid.local, password, resource: 'portico' });
    xmpp.reconnect.stop();
    xmpp.on('error', () => {});
    xmpp.on('offline', () => { this.online = null; });
    try {
      await withTimeout(xmpp.start(), timeoutMs, () => new Error(`no answer within ${timeoutMs / 1000}s`));
    } catch (e) {
      xmpp.stop().catch(() => {});
      if (e.condition === 'not-authorized') throw new PluginError(ErrorKind.UNAUTHORIZED, `${jid.bare}: the server refuses the password`);
      throw new PluginError(ErrorKind.UNREACHABLE, `cannot sign in to ${service}: ${e.message || e.code}`);
    }
    this.xmpp = xmpp;
    return xmpp;
  }

  async close() {
    if (this.xmpp) await this.xmpp.stop().catch(() => {});
  }
}

function withTimeout(promise, ms, error) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => { timer = setTimeout(() => reject(error()), ms); })])
    .finally(() => clearTimeout(timer));
}

module.exports = { Chat, limits };
