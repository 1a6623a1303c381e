-- Domain events: a transactional outbox. Every change writes its event
-- in the same transaction as the change; workers act on events after the
-- commit, reading them in position order from a cursor they keep in
-- settings. The id is stable: a webhook carries it as webhook-id on
-- every attempt, so receivers can drop duplicates.
CREATE TABLE events (
    position     INTEGER PRIMARY KEY AUTOINCREMENT,
    id           TEXT NOT NULL UNIQUE,
    type         TEXT NOT NULL,
    -- {"type", "version", "timestamp", "data"}, exactly as sent.
    payload      TEXT NOT NULL,
    -- The contact an event is about, so erasing a contact can erase the
    -- personal data its events hold.
    contact_id   INTEGER,
    created_at   TIMESTAMP NOT NULL
);
CREATE INDEX events_contact ON events (contact_id) WHERE contact_id IS NOT NULL;

-- Where external systems receive events. The signing secret is an HMAC
-- key, so it is kept as it is (it must be read back to sign); the UI
-- shows it once. After a rotation the previous secret keeps signing too
-- until previous_secret_expires_at.
CREATE TABLE webhook_endpoints (
    id                         INTEGER PRIMARY KEY AUTOINCREMENT,
    url                        TEXT NOT NULL,
    description                TEXT NOT NULL DEFAULT '',
    -- Space-separated event types; empty means every type.
    event_types                TEXT NOT NULL DEFAULT '',
    enabled                    BOOLEAN NOT NULL DEFAULT TRUE,
    disabled_reason            TEXT NOT NULL DEFAULT '',
    secret                     TEXT NOT NULL,
    previous_secret            TEXT NOT NULL DEFAULT '',
    previous_secret_expires_at TIMESTAMP,
    -- A JSON object of extra request headers.
    headers                    TEXT NOT NULL DEFAULT '{}',
    -- The first failure since the last success; an endpoint failing for
    -- five days is disabled.
    failing_since              TIMESTAMP,
    last_success_at            TIMESTAMP,
    created_at                 TIMESTAMP NOT NULL,
    updated_at                 TIMESTAMP NOT NULL
);

-- One event on its way to one endpoint. A worker claims a delivery with a
-- lease; one whose worker died is claimed again when the lease runs out,
-- so a crash can send an event twice but never loses one.
CREATE TABLE webhook_deliveries (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    endpoint_id      INTEGER NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event_id         TEXT NOT NULL REFERENCES events (id),
    event_type       TEXT NOT NULL,
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
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (endpoint_id, state, next_attempt_at);
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (endpoint_id, id);
CREATE INDEX webhook_deliveries_event ON webhook_deliveries (event_id);

-- Every attempt of a delivery, as the delivery log shows it: what was
-- sent and the first 4 KB of the answer.
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
CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id, id);
