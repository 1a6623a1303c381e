-- The import wizard takes companies files too: a draft says which kind
-- of rows its file holds, and a companies draft matches by name. SQLite
-- cannot change a CHECK constraint in place, so import_drafts is rebuilt
-- as 0009 rebuilt imports, keeping every row, id and sequence; nothing
-- refers to it.
CREATE TABLE import_drafts_new (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    created_by      INTEGER NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    kind            TEXT NOT NULL DEFAULT 'contacts' CHECK (kind IN ('contacts', 'companies')),
    filename        TEXT NOT NULL,
    path            TEXT NOT NULL,
    size            INTEGER NOT NULL DEFAULT 0,
    dialect         TEXT NOT NULL DEFAULT '{}',
    -- The mapping as column=field specs, one per line.
    mapping         TEXT NOT NULL DEFAULT '',
    mode            TEXT NOT NULL DEFAULT 'upsert' CHECK (mode IN ('create', 'update', 'upsert')),
    -- Contacts match by email, external_id or phone; companies by name.
    match_by        TEXT NOT NULL DEFAULT 'email' CHECK (match_by IN ('email', 'external_id', 'phone', 'name')),
    blank           TEXT NOT NULL DEFAULT 'keep' CHECK (blank IN ('keep', 'clear')),
    send_activation BOOLEAN NOT NULL DEFAULT FALSE,
    -- The dry run counting what the draft's choices would do.
    dry_run_id      INTEGER REFERENCES imports (id) ON DELETE SET NULL,
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL
);
INSERT INTO import_drafts_new (id, created_by, filename, path, size, dialect, mapping, mode, match_by, blank,
    send_activation, dry_run_id, created_at, updated_at)
SELECT id, created_by, filename, path, size, dialect, mapping, mode, match_by, blank,
    send_activation, dry_run_id, created_at, updated_at
FROM import_drafts;
UPDATE sqlite_sequence SET seq = (SELECT seq FROM sqlite_sequence WHERE name = 'import_drafts') WHERE name = 'import_drafts_new';
DROP TABLE import_drafts;
ALTER TABLE import_drafts_new RENAME TO import_drafts;
CREATE INDEX import_drafts_age ON import_drafts (updated_at);
