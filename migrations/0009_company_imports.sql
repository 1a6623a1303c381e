-- A companies import matches its rows by company name, so match_by takes
-- 'name' too. SQLite cannot change a CHECK constraint in place: imports
-- and import_failures are rebuilt as SQLite's documented procedure does
-- (new tables, copy, drop, rename), keeping every row, id and sequence.
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
    -- Contacts match by email, external_id or phone; companies by name.
    match_by        TEXT NOT NULL DEFAULT 'email' CHECK (match_by IN ('email', 'external_id', 'phone', 'name')),
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
    finished_at     TIMESTAMP
);
INSERT INTO imports_new (id, job_id, kind, filename, path, size, dialect, mapping, mode, match_by, blank,
    send_activation, dry_run, rows_total, rows_done, last_row, created, updated, skipped, failed, state, error,
    created_by, created_at, finished_at)
SELECT id, job_id, kind, filename, path, size, dialect, mapping, mode, match_by, blank,
    send_activation, dry_run, rows_total, rows_done, last_row, created, updated, skipped, failed, state, error,
    created_by, created_at, finished_at
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

DROP TABLE import_failures;
DROP TABLE imports;
-- Renaming also points import_failures' reference at the new imports.
ALTER TABLE imports_new RENAME TO imports;
ALTER TABLE import_failures_new RENAME TO import_failures;
CREATE INDEX imports_newest ON imports (kind, id);
