-- Contact activation and the customer portal's password sign-in.

-- One-time links emailed to contacts: to activate an account, or to
-- choose a new password. Only the SHA-256 of each token is kept. Issuing
-- a link supersedes the contact's earlier unused ones, so only the newest
-- works; a used, superseded or expired link never works again.
CREATE TABLE activation_tokens (
    token_hash    TEXT PRIMARY KEY,
    contact_id    INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    purpose       TEXT NOT NULL CHECK (purpose IN ('activation', 'password_reset')),
    -- The address the link was sent to.
    email         TEXT NOT NULL,
    created_at    TIMESTAMP NOT NULL,
    expires_at    TIMESTAMP NOT NULL,
    used_at       TIMESTAMP,
    superseded_at TIMESTAMP,
    created_by    INTEGER REFERENCES agents (id) ON DELETE SET NULL
);
CREATE INDEX activation_tokens_contact ON activation_tokens (contact_id, created_at);

-- A contact's way into the portal: the password (argon2id, empty until
-- one is chosen) and how the account was verified.
CREATE TABLE portal_accounts (
    contact_id      INTEGER PRIMARY KEY REFERENCES contacts (id) ON DELETE CASCADE,
    password_hash   TEXT NOT NULL DEFAULT '',
    password_set_at TIMESTAMP,
    -- password, passkey or admin; empty while unverified.
    verified_how    TEXT NOT NULL DEFAULT ''
);

-- Customers' portal sessions, separate from agents'; only hashes of the
-- session ids are kept.
CREATE TABLE portal_sessions (
    id_hash      TEXT PRIMARY KEY,
    contact_id   INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    created_at   TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL,
    expires_at   TIMESTAMP NOT NULL,
    ip           TEXT NOT NULL DEFAULT '',
    user_agent   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX portal_sessions_contact ON portal_sessions (contact_id);

-- The contacts an import created, for imports asked to send them the
-- activation email once they finish.
CREATE TABLE import_activations (
    import_id  INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    PRIMARY KEY (import_id, contact_id)
);
