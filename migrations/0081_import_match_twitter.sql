-- A contacts import can find contacts by their X handle, so match_by
-- takes 'twitter_id' too, in imports and in the wizard's drafts. SQLite
-- cannot change a CHECK constraint in place, so both tables are rebuilt
-- as 0009 rebuilt imports (new tables, copy, drop, rename), keeping every
-- row, id and sequence. The tables that refer to imports are rebuilt
-- with it and dropped before it: dropping imports while they still
-- referred to it would cascade to their rows.
CREATE TABLE imports_new (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    job_id          INTEGER REFERENCES jobs (id) ON DELETE SET NULL,
    kind            TEXT NOT NULL DEFAULT 'contacts' CHECK (kind IN ('contacts', 'companies')),
    filename        TEXT NOT NULL,
    -- Where the uploaded file is kept: <files dir>/imports/<id>.<ext>.
    path            TEXT NOT NULL DEFAULT '',
    size            INTEGER NOT NULL DEFAULT 0,
    dialect         TEXT NOT NULL DEFAULT '{}',
    -- The mapping as column=field specs, one per line.
    mapping         TEXT NOT NULL DEFAULT '',
    mode            TEXT NOT NULL DEFAULT 'upsert' CHECK (mode IN ('create', 'update', 'upsert')),
    -- Contacts match by email, external_id, twitter_id or phone; companies by name.
    match_by        TEXT NOT NULL DEFAULT 'email'
                    CHECK (match_by IN ('email', 'external_id', 'twitter_id', 'phone', 'name')),
    blank           TEXT NOT NULL DEFAULT 'keep' CHECK (blank IN ('keep', 'clear')),
    send_activation BOOLEAN NOT NULL DEFAULT FALSE,
    dry_run         BOOLEAN NOT NULL DEFAULT FALSE,
    rows_total      INTEGER NOT NULL DEFAULT 0,
    rows_done       INTEGER NOT NULL DEFAULT 0,
    -- The number of the last row committed: where a resumed run starts.
    last_row        INTEGER NOT NULL DEFAULT 0,
    created         INTEGER NOT NULL DEFAULT 0,
    updated         INTEGER NOT NULL DEFAULT 0,
    skipped         INTEGER NOT NULL DEFAULT 0,
    failed          INTEGER NOT NULL DEFAULT 0,
    state           TEXT NOT NULL DEFAULT 'queued'
                    CHECK (state IN ('queued', 'running', 'done', 'failed', 'cancelled')),
    error           TEXT NOT NULL DEFAULT '',
    created_by      INTEGER REFERENCES agents (id) ON DELETE SET NULL,
    created_at      TIMESTAMP NOT NULL,
    finished_at     TIMESTAMP,
    -- An import from an installed source (0056): the plugin instance, and
    -- its cursor and row count at the last committed batch.
    plugin_instance_id INTEGER REFERENCES plugin_instances (id) ON DELETE SET NULL,
    source_cursor   TEXT NOT NULL DEFAULT '',
    source_row      INTEGER NOT NULL DEFAULT 0
);
INSERT INTO imports_new (id, job_id, kind, filename, path, size, dialect, mapping, mode, match_by, blank,
    send_activation, dry_run, rows_total, rows_done, last_row, created, updated, skipped, failed, state, error,
    created_by, created_at, finished_at, plugin_instance_id, source_cursor, source_row)
SELECT id, job_id, kind, filename, path, size, dialect, mapping, mode, match_by, blank,
    send_activation, dry_run, rows_total, rows_done, last_row, created, updated, skipped, failed, state, error,
    created_by, created_at, finished_at, plugin_instance_id, source_cursor, source_row
FROM imports;
-- An id is never reused, also one whose import was removed.
UPDATE sqlite_sequence SET seq = (SELECT seq FROM sqlite_sequence WHERE name = 'imports') WHERE name = 'imports_new';

CREATE TABLE import_failures_new (
    import_id INTEGER NOT NULL REFERENCES imports_new (id) ON DELETE CASCADE,
    row_no    INTEGER NOT NULL,
    reason    TEXT NOT NULL,
    cells     TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (import_id, row_no)
);
INSERT INTO import_failures_new (import_id, row_no, reason, cells)
SELECT import_id, row_no, reason, cells FROM import_failures;

CREATE TABLE import_activations_new (
    import_id  INTEGER NOT NULL REFERENCES imports_new (id) ON DELETE CASCADE,
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    PRIMARY KEY (import_id, contact_id)
);
INSERT INTO import_activations_new (import_id, contact_id) SELECT import_id, contact_id FROM import_activations;

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
    -- Contacts match by email, external_id, twitter_id or phone; companies by name.
    match_by        TEXT NOT NULL DEFAULT 'email'
                    CHECK (match_by IN ('email', 'external_id', 'twitter_id', 'phone', 'name')),
    blank           TEXT NOT NULL DEFAULT 'keep' CHECK (blank IN ('keep', 'clear')),
    send_activation BOOLEAN NOT NULL DEFAULT FALSE,
    -- The dry run counting what the draft's choices would do.
    dry_run_id      INTEGER REFERENCES imports_new (id) ON DELETE SET NULL,
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL
);
INSERT INTO import_drafts_new (id, created_by, kind, filename, path, size, dialect, mapping, mode, match_by, blank,
    send_activation, dry_run_id, created_at, updated_at)
SELECT id, created_by, kind, filename, path, size, dialect, mapping, mode, match_by, blank,
    send_activation, dry_run_id, created_at, updated_at
FROM import_drafts;
UPDATE sqlite_sequence SET seq = (SELECT seq FROM sqlite_sequence WHERE name = 'import_drafts') WHERE name = 'import_drafts_new';

DROP TABLE import_failures;
DROP TABLE import_activations;
DROP TABLE import_drafts;
DROP TABLE imports;
-- Renaming imports also points the new tables' references at it.
ALTER TABLE imports_new RENAME TO imports;
ALTER TABLE import_failures_new RENAME TO import_failures;
ALTER TABLE import_activations_new RENAME TO import_activations;
ALTER TABLE import_drafts_new RENAME TO import_drafts;
CREATE INDEX imports_newest ON imports (kind, id);
CREATE INDEX import_drafts_age ON import_drafts (updated_at);
