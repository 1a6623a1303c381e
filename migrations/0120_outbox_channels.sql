-- The emails table becomes the outbox of every outgoing message: email,
-- and messages through a notification channel plugin (SMS, chat). The
-- table is rebuilt for two new states:
--   held     a fallback waiting for the message it backs up (waits_for):
--            queued when that one fails for good, skipped when it went out;
--   skipped  a fallback that was not needed.
-- channel is 'email' or 'instance:<plugin instance id>', address_kind the
-- kind of to_address (email, phone, or the channel's own such as xmpp).
-- provider_id and segments are the channel's answer; note says why a
-- message went by fallback or was skipped. message_id stays the
-- idempotency key: a channel gets it with every try of the message.
CREATE TABLE outbox_new (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id       TEXT NOT NULL UNIQUE,
    channel          TEXT NOT NULL DEFAULT 'email',
    channel_name     TEXT NOT NULL DEFAULT '',
    address_kind     TEXT NOT NULL DEFAULT 'email',
    to_address       TEXT NOT NULL,
    to_name          TEXT NOT NULL DEFAULT '',
    subject          TEXT NOT NULL,
    html             TEXT NOT NULL DEFAULT '',
    text             TEXT NOT NULL,
    template         TEXT NOT NULL DEFAULT '',
    contact_id       INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
    state            TEXT NOT NULL DEFAULT 'queued'
                     CHECK (state IN ('held', 'queued', 'sending', 'sent', 'failed', 'skipped')),
    -- The message a held fallback waits for (no foreign key: the table
    -- refers to itself, and rows are never deleted one by one).
    waits_for        INTEGER,
    note             TEXT NOT NULL DEFAULT '',
    transport        TEXT NOT NULL DEFAULT '',
    provider_id      TEXT NOT NULL DEFAULT '',
    segments         INTEGER NOT NULL DEFAULT 0,
    attempts         INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT NOT NULL DEFAULT '',
    next_attempt_at  TIMESTAMP NOT NULL,
    lease_expires_at TIMESTAMP,
    created_at       TIMESTAMP NOT NULL,
    sent_at          TIMESTAMP,
    link_hash        TEXT NOT NULL DEFAULT '',
    link_redacted_at TIMESTAMP
);
INSERT INTO outbox_new (id, message_id, to_address, to_name, subject, html, text, template, contact_id, state,
    transport, attempts, last_error, next_attempt_at, lease_expires_at, created_at, sent_at, link_hash, link_redacted_at)
SELECT id, message_id, to_address, to_name, subject, html, text, template, contact_id, state,
    transport, attempts, last_error, next_attempt_at, lease_expires_at, created_at, sent_at, link_hash, link_redacted_at
FROM emails;
DROP TABLE emails;
ALTER TABLE outbox_new RENAME TO emails;
CREATE INDEX emails_due ON emails (state, next_attempt_at);
CREATE INDEX emails_to ON emails (to_address);
CREATE INDEX emails_contact ON emails (contact_id);
CREATE INDEX emails_link ON emails (link_hash) WHERE link_hash <> '' AND link_redacted_at IS NULL;
CREATE INDEX emails_waiting ON emails (waits_for) WHERE state = 'held';
CREATE INDEX emails_channel ON emails (channel, id);

-- Which channels carry each kind of message, in order. channels is a JSON
-- list of {"channel": "email" | "instance:<id>", "address_kind": "..."}:
-- the first channel the contact can be reached by carries the message,
-- and an "email" after it is the fallback. A kind without a row is sent
-- by email only.
CREATE TABLE notification_rules (
    kind            TEXT PRIMARY KEY,
    channels        TEXT NOT NULL,
    updated_at      TIMESTAMP NOT NULL,
    updated_by      INTEGER REFERENCES agents (id) ON DELETE SET NULL,
    updated_by_name TEXT NOT NULL DEFAULT ''
);

-- Admins' versions of the short plain texts sent through channels, per
-- kind of message; a kind without a row uses the built-in default.
CREATE TABLE channel_templates (
    kind            TEXT PRIMARY KEY,
    text            TEXT NOT NULL,
    updated_at      TIMESTAMP NOT NULL,
    updated_by      INTEGER REFERENCES agents (id) ON DELETE SET NULL,
    updated_by_name TEXT NOT NULL DEFAULT ''
);

-- A contact's addresses of kinds a channel needs beyond email and phone
-- (a chat id): one per kind, as the channel normalized it. Phone numbers
-- are the contact's mobile.
CREATE TABLE contact_addresses (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    address    TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (contact_id, kind)
);
