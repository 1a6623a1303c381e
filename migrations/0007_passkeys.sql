-- Passkeys (WebAuthn credentials) of portal customers, the random user
-- handles their authenticators know them by, and the short-lived state of
-- each registration or sign-in ceremony. Binary values are stored as
-- unpadded base64url text, so the same schema runs on PostgreSQL.

-- A user handle is 64 random bytes, never the contact's id, so nothing an
-- authenticator holds reveals or guesses a contact. A contact usually has
-- one; a merge gives the kept contact the handles of the merged ones, so
-- their passkeys keep working.
CREATE TABLE webauthn_user_handles (
    handle     TEXT PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX webauthn_user_handles_contact ON webauthn_user_handles (contact_id);

CREATE TABLE passkeys (
    id                 INTEGER PRIMARY KEY,
    contact_id         INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    user_handle        TEXT NOT NULL REFERENCES webauthn_user_handles (handle) ON DELETE CASCADE,
    credential_id      TEXT NOT NULL UNIQUE,
    public_key         TEXT NOT NULL,
    sign_count         BIGINT NOT NULL DEFAULT 0,
    aaguid             TEXT NOT NULL DEFAULT '',
    transports         TEXT NOT NULL DEFAULT '',
    attestation_type   TEXT NOT NULL DEFAULT '',
    attestation_format TEXT NOT NULL DEFAULT '',
    name               TEXT NOT NULL,
    user_verified      BOOLEAN NOT NULL DEFAULT FALSE,
    backup_eligible    BOOLEAN NOT NULL DEFAULT FALSE,
    backup_state       BOOLEAN NOT NULL DEFAULT FALSE,
    -- Set when a sign-in showed a signature counter that did not move
    -- forward: a copy of the key may exist, so the passkey is refused.
    clone_warning      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at         TIMESTAMP NOT NULL,
    last_used_at       TIMESTAMP
);
CREATE INDEX passkeys_contact ON passkeys (contact_id);
CREATE INDEX passkeys_user_handle ON passkeys (user_handle);

-- One row per begun ceremony, keyed by the SHA-256 of the random id the
-- browser holds. Finishing deletes the row first, so a ceremony is used
-- once whatever the outcome; expired rows are swept when a new one begins.
CREATE TABLE webauthn_ceremonies (
    id_hash    TEXT PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('register', 'login')),
    contact_id INTEGER REFERENCES contacts (id) ON DELETE CASCADE,
    session    TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX webauthn_ceremonies_expires ON webauthn_ceremonies (expires_at);
