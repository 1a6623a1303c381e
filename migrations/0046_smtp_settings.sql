-- The SMTP server an admin sets in Admin > Email, used while no
-- PORTICO_SMTP_URL is given: one row at most. The password is kept as it
-- is, because it must be sent to the SMTP server; the UI never shows it.
CREATE TABLE smtp_settings (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    host       TEXT NOT NULL,
    port       INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
    tls        TEXT NOT NULL CHECK (tls IN ('starttls', 'tls', 'none')),
    username   TEXT NOT NULL DEFAULT '',
    password   TEXT NOT NULL DEFAULT '',
    updated_at TIMESTAMP NOT NULL
);
