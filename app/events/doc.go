// Package events defines Portico's domain events: their type names, the
// JSON of their payloads and the envelope every event travels in. The
// store writes an event in the same transaction as the change it tells
// about; webhooks (and later plugins and CRM sync) act on it after the
// commit.
//
// The JSON field names here are a public contract with the systems that
// receive webhooks: add fields, never rename or remove one without raising
// Version.
//
// It imports only model.
package events
