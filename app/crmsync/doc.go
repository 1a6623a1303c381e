// Package crmsync keeps Portico's contacts and companies and a CRM
// connector's remote records in step, both ways: the first sync that matches existing
// records (a dry run first, applied when an admin confirms), the pull of
// remote changes from the connector's cursor, the push of Portico's
// changes read from the event stream, the field mapping with its
// directions and conflict rules, the delete policies, pausing and backoff.
//
// Identity: after the first sync, a Portico record and a remote one are
// linked by their ids (crm_links) and never matched again. Each link keeps
// the remote version last seen and the values both sides agreed on; a
// change is a field that differs from them, which is how the engine tells
// which side changed a field, and why neither side's echo travels back:
// a write the connector made to Portico leaves Portico equal to the agreed
// values, so its event pushes nothing, and a write it made remotely comes
// back from the next pull with the version the link already holds.
//
// Portico's side is written through the contact and company services
// under the connector's actor, in the bulk lane, so audit entries and
// events happen as for any other change.
//
// It imports the domain services, store, events, jobs, model, pluginhost
// and the plugin SDK's plain types; it must not import web.
package crmsync
