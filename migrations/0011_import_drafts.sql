-- A file on its way through the import wizard: uploaded, being mapped and
-- reviewed, not yet started. It holds the choices made so far, so every
-- step can be left and opened again. Starting the import, or a day
-- without a change, deletes the draft and its file.
CREATE TABLE import_drafts (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    created_by      INTEGER NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    filename        TEXT NOT NULL,
    path            TEXT NOT NULL,
    size            INTEGER NOT NULL DEFAULT 0,
    dialect         TEXT NOT NULL DEFAULT '{}',
    -- The mapping as column=field specs, one per line.
    mapping         TEXT NOT NULL DEFAULT '',
    mode            TEXT NOT NULL DEFAULT 'upsert' CHECK (mode IN ('create', 'update', 'upsert')),
    match_by        TEXT NOT NULL DEFAULT 'email' CHECK (match_by IN ('email', 'external_id', 'phone')),
    blank           TEXT NOT NULL DEFAULT 'keep' CHECK (blank IN ('keep', 'clear')),
    send_activation BOOLEAN NOT NULL DEFAULT FALSE,
    -- The dry run counting what the draft's choices would do.
    dry_run_id      INTEGER REFERENCES imports (id) ON DELETE SET NULL,
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL
);
CREATE INDEX import_drafts_age ON import_drafts (updated_at);
