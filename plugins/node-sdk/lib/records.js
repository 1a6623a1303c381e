'use strict';
// Records in JavaScript style (camelCase) converted to the wire's field
// names, which the descriptor-based loader keeps as the .proto spells them.

function contact(c) {
  return {
    external_id: c.externalId, name: c.name, emails: c.emails, phone: c.phone, mobile: c.mobile,
    job_title: c.jobTitle, language: c.language, time_zone: c.timeZone,
    company_external_id: c.companyExternalId, company_name: c.companyName,
    tags: c.tags, about: c.about, custom_fields: c.customFields,
  };
}

function company(c) {
  return {
    external_id: c.externalId, name: c.name, domains: c.domains, description: c.description,
    notes: c.notes, tags: c.tags, custom_fields: c.customFields,
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

/** refFromWire reads an InstanceRef. */
function refFromWire(ref) {
  return { instanceId: ref ? ref.instance_id : '', revision: ref ? Number(ref.config_revision) : 0 };
}

module.exports = { recordToWire, batchToWire, refFromWire };
