'use strict';
// Records in JavaScript style (camelCase) converted to the wire's field
// names, which the descriptor-based loader keeps as the .proto spells them.
// That loader also leaves proto maps as lists of {key, value} entries, so
// maps are converted both ways here.

function contact(c) {
  return {
    external_id: c.externalId, name: c.name, emails: c.emails, phone: c.phone, mobile: c.mobile,
    job_title: c.jobTitle, language: c.language, time_zone: c.timeZone,
    company_external_id: c.companyExternalId, company_name: c.companyName,
    tags: c.tags, about: c.about, custom_fields: mapToWire(c.customFields),
  };
}

function company(c) {
  return {
    external_id: c.externalId, name: c.name, domains: c.domains, description: c.description,
    notes: c.notes, tags: c.tags, custom_fields: mapToWire(c.customFields),
  };
}

/** recordToWire converts {contact} or {company} to the wire form. */
function recordToWire(r) {
  if (r.contact) return { contact: contact(r.contact) };
  if (r.company) return { company: company(r.company) };
  throw new TypeError('a record needs a contact or a company');
}

/** batchToWire converts an author's batch to an ImportBatch. */
function batchToWire(batch) {
  const p = batch.progress || {};
  return {
    records: (batch.records || []).map(recordToWire),
    cursor: String(batch.cursor ?? ''),
    progress: { done: p.done || 0, total: p.total || 0 },
  };
}

/** mapToWire turns {k: v} into the wire's map entries. */
function mapToWire(obj) {
  return Object.entries(obj || {}).map(([key, value]) => ({ key, value: String(value) }));
}

/** mapFromWire turns the wire's map entries into {k: v}. */
function mapFromWire(entries) {
  const out = {};
  for (const { key, value } of entries || []) out[key] = value;
  return out;
}

/** refFromWire reads an InstanceRef. */
function refFromWire(ref) {
  return { instanceId: ref ? ref.instance_id : '', revision: ref ? Number(ref.config_revision) : 0 };
}

module.exports = { recordToWire, batchToWire, refFromWire, mapFromWire };
