'use strict';
// XMPP addresses: local@domain, written as a bare JID in lower case.

const { PluginError, ErrorKind } = require('@portico/plugin-sdk');

const LOCAL = /^[^\s"&'/:<>@\u0000-\u001f\u007f]{1,1023}$/u;
const DOMAIN = /^(localhost|([a-z0-9\u00a1-\uffff]([a-z0-9\u00a1-\uffff-]{0,61}[a-z0-9\u00a1-\uffff])?\.)+[a-z\u00a1-\uffff]{2,63})$/u;

/** parseAddress returns {local, domain, bare} or throws INVALID_ADDRESS. */
function parseAddress(address) {
  const bare = String(address).trim().replace(/\/.*$/, '');
  const at = bare.lastIndexOf('@');
  const local = bare.slice(0, at).normalize('NFC').toLowerCase();
  const domain = bare.slice(at + 1).toLowerCase().replace(/\.$/, '');
  if (at <= 0) throw new PluginError(ErrorKind.INVALID_ADDRESS, 'an XMPP address looks like name@example.org');
  if (!LOCAL.test(local)) throw new PluginError(ErrorKind.INVALID_ADDRESS, 'the part before @ has a space or a character XMPP forbids');
  if (!DOMAIN.test(domain)) throw new PluginError(ErrorKind.INVALID_ADDRESS, `"${domain}" is not a domain name`);
  return { local, domain, bare: `${local}@${domain}` };
}

module.exports = { parseAddress };
