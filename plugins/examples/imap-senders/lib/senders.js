'use strict';
// Turns messages' From addresses into contacts, and their domains into
// companies, except for public mail providers and automated senders.

const providers = require('email-providers/all.json');

const PUBLIC = new Set(providers);

// Local parts of addresses no person reads or writes from.
const AUTOMATED = /^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?|notifications?)([+._-]|$)/i;

/** underDomain tells whether domain is one of list or a subdomain of one. */
function underDomain(domain, list) {
  return list.some((d) => domain === d || domain.endsWith(`.${d}`));
}

function isPublic(domain, extra) {
  const labels = domain.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    if (PUBLIC.has(labels.slice(i).join('.'))) return true;
  }
  return underDomain(domain, extra);
}

/**
 * records returns the batch for some messages: each sender once, their
 * company just before the first contact that needs it.
 */
function records(messages, cfg) {
  const out = [];
  const seen = new Set();
  for (const msg of messages) {
    for (const from of (msg.envelope && msg.envelope.from) || []) {
      const address = String(from.address || '').trim().toLowerCase();
      const at = address.lastIndexOf('@');
      if (at < 1 || seen.has(address)) continue;
      const domain = address.slice(at + 1);
      if (cfg.ignoreAddresses.includes(address) || underDomain(domain, cfg.ignoreDomains)) continue;
      if (AUTOMATED.test(address.slice(0, at))) continue;
      seen.add(address);
      const contact = { externalId: address, name: (from.name || '').trim() || address, emails: [address] };
      if (!isPublic(domain, cfg.publicDomains)) {
        contact.companyExternalId = `domain:${domain}`;
        if (!seen.has(contact.companyExternalId)) {
          seen.add(contact.companyExternalId);
          out.push({ company: { externalId: contact.companyExternalId, name: domain, domains: [domain] } });
        }
      }
      out.push({ contact });
    }
  }
  return out;
}

module.exports = { records, isPublic };
