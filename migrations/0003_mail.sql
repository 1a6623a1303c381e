-- Outgoing email. Every message is written here first (a transactional
-- outbox, in the same transaction as the change it tells about) and a
-- worker of the mail.deliver job hands it to SMTP, or keeps it in the
-- built-in mailbox when no SMTP server is configured. The message id is
-- fixed when the row is written, so a message sent again after a crash
-- carries the same Message-ID and receivers can drop the duplicate.
CREATE TABLE emails (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id       TEXT NOT NULL UNIQUE,
    to_address       TEXT NOT NULL,
    to_name          TEXT NOT NULL DEFAULT '',
    subject          TEXT NOT NULL,
    html             TEXT NOT NULL DEFAULT '',
    text             TEXT NOT NULL,
    template         TEXT NOT NULL DEFAULT '',
    contact_id       INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
    state            TEXT NOT NULL DEFAULT 'queued'
                     CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
    -- smtp or mailbox, once sent.
    transport        TEXT NOT NULL DEFAULT '',
    attempts         INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT NOT NULL DEFAULT '',
    next_attempt_at  TIMESTAMP NOT NULL,
    -- While sending: when a worker that died stops holding the message.
    lease_expires_at TIMESTAMP,
    created_at       TIMESTAMP NOT NULL,
    sent_at          TIMESTAMP
);
CREATE INDEX emails_due ON emails (state, next_attempt_at);
CREATE INDEX emails_to ON emails (to_address);
CREATE INDEX emails_contact ON emails (contact_id);

-- Admins' versions of the email templates. A key with no row uses the
-- built-in default; "reset to default" deletes the row.
CREATE TABLE email_templates (
    key             TEXT PRIMARY KEY,
    subject         TEXT NOT NULL,
    html            TEXT NOT NULL,
    text            TEXT NOT NULL,
    updated_at      TIMESTAMP NOT NULL,
    updated_by      INTEGER REFERENCES agents (id) ON DELETE SET NULL,
    updated_by_name TEXT NOT NULL DEFAULT ''
);

-- What each admin last previewed in the template editor, rendered into
-- the preview frame from its own sandboxed URL; it is not used to send.
CREATE TABLE email_template_drafts (
    key        TEXT NOT NULL,
    agent_id   INTEGER NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    subject    TEXT NOT NULL,
    html       TEXT NOT NULL,
    text       TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (key, agent_id)
);
