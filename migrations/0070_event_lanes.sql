-- Events travel in two lanes. An event of a person's single action is
-- one row, as before, in the interactive lane. A bulk operation (an
-- import, a bulk send, a company gaining a domain) writes its events as
-- one row per batch in the bulk lane: "batch" holds the entries, each
-- with its type, subject and payload exactly as sent, compressed; the
-- entries' ids follow from the row's id. "type" of a batch row lists its
-- entries' types, space-separated, and the contact and company ranges
-- say which subjects it may hold, so the fan-out can keep each
-- resource's order without opening it.
ALTER TABLE events ADD COLUMN lane TEXT NOT NULL DEFAULT 'interactive' CHECK (lane IN ('interactive', 'bulk'));
-- "contact:42" or "company:7": what an endpoint keeps in commit order.
ALTER TABLE events ADD COLUMN resource TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN entries INTEGER NOT NULL DEFAULT 1;
ALTER TABLE events ADD COLUMN batch BLOB;
ALTER TABLE events ADD COLUMN first_contact INTEGER;
ALTER TABLE events ADD COLUMN last_contact INTEGER;
ALTER TABLE events ADD COLUMN first_company INTEGER;
ALTER TABLE events ADD COLUMN last_company INTEGER;
-- Set once the webhook fan-out has handled the row. A flag rather than
-- a cursor, so that writers committing out of position order (as
-- PostgreSQL's do) are never skipped.
ALTER TABLE events ADD COLUMN fanned_out BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE events SET fanned_out = TRUE
    WHERE type = 'webhook.test' OR position <= coalesce((SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'webhooks.cursor'), 0);
DELETE FROM settings WHERE key = 'webhooks.cursor';
UPDATE events SET resource = 'contact:' || contact_id WHERE contact_id IS NOT NULL;
UPDATE events SET resource = 'company:' || json_extract(payload, '$.data.company.id')
    WHERE type IN ('company.created', 'company.updated');
UPDATE events SET resource = 'company:' || json_extract(payload, '$.data.company_id') WHERE type = 'company.deleted';
CREATE INDEX events_fan_out ON events (position) WHERE NOT fanned_out;

-- A bulk batch on its way to one endpoint: its entries become deliveries
-- a window at a time, as the endpoint takes them, so a million queued
-- events cost one row per batch and endpoint, and never stand in front
-- of an interactive delivery.
CREATE TABLE webhook_streams (
    endpoint_id    INTEGER NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event_position INTEGER NOT NULL,
    next_entry     INTEGER NOT NULL DEFAULT 0,
    created_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (endpoint_id, event_position)
);
CREATE INDEX webhook_streams_position ON webhook_streams (event_position);

-- A delivery now names the events row holding its payload (and the
-- entry, in a batch) instead of referring to events by id, since a bulk
-- entry's id is not a row's; its lane and resource order the claims.
-- The attempts are set aside while the table is rebuilt, so that
-- dropping the old one does not cascade to them.
CREATE TABLE webhook_attempts_kept AS SELECT * FROM webhook_attempts;
CREATE TABLE webhook_deliveries_new (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    endpoint_id      INTEGER NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event_id         TEXT NOT NULL,
    event_type       TEXT NOT NULL,
    event_position   INTEGER NOT NULL,
    entry            INTEGER NOT NULL DEFAULT 0,
    lane             TEXT NOT NULL DEFAULT 'interactive' CHECK (lane IN ('interactive', 'bulk')),
    resource         TEXT NOT NULL DEFAULT '',
    state            TEXT NOT NULL DEFAULT 'pending'
                     CHECK (state IN ('pending', 'sending', 'delivered', 'failed')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMP NOT NULL,
    lease_expires_at TIMESTAMP,
    last_status      INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT NOT NULL DEFAULT '',
    created_at       TIMESTAMP NOT NULL,
    updated_at       TIMESTAMP NOT NULL,
    delivered_at     TIMESTAMP
);
INSERT INTO webhook_deliveries_new (id, endpoint_id, event_id, event_type, event_position, resource, state, attempts,
    next_attempt_at, lease_expires_at, last_status, last_error, created_at, updated_at, delivered_at)
    SELECT d.id, d.endpoint_id, d.event_id, d.event_type, e.position, e.resource, d.state, d.attempts, d.next_attempt_at,
        d.lease_expires_at, d.last_status, d.last_error, d.created_at, d.updated_at, d.delivered_at
    FROM webhook_deliveries d JOIN events e ON e.id = d.event_id;
DROP TABLE webhook_attempts;
DROP TABLE webhook_deliveries;
ALTER TABLE webhook_deliveries_new RENAME TO webhook_deliveries;
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (endpoint_id, state, lane, next_attempt_at);
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (endpoint_id, id);
-- The log narrowed to one contact or company, and a contact's deliveries.
CREATE INDEX webhook_deliveries_about ON webhook_deliveries (resource, id);
CREATE UNIQUE INDEX webhook_deliveries_event ON webhook_deliveries (event_id, endpoint_id);
CREATE INDEX webhook_deliveries_position ON webhook_deliveries (event_position);
CREATE INDEX webhook_deliveries_order ON webhook_deliveries (endpoint_id, resource, event_position, entry)
    WHERE state IN ('pending', 'sending');

CREATE TABLE webhook_attempts (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    delivery_id     INTEGER NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempted_at    TIMESTAMP NOT NULL,
    status          INTEGER NOT NULL DEFAULT 0,
    duration_ms     INTEGER NOT NULL DEFAULT 0,
    request_headers TEXT NOT NULL DEFAULT '{}',
    request_body    TEXT NOT NULL DEFAULT '',
    response_body   TEXT NOT NULL DEFAULT '',
    error           TEXT NOT NULL DEFAULT ''
);
INSERT INTO webhook_attempts SELECT * FROM webhook_attempts_kept WHERE delivery_id IN (SELECT id FROM webhook_deliveries);
DROP TABLE webhook_attempts_kept;
CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id, id);
