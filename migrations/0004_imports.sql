-- Contact and company imports. An import row is the durable record of one
-- file: what was asked, how far it got and what happened to its rows. A
-- batch of rows, its failures, the counters and last_row commit in one
-- transaction, so a resumed import continues exactly after last_row.
CREATE TABLE imports (
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
    match_by        TEXT NOT NULL DEFAULT 'email' CHECK (match_by IN ('email', 'external_id', 'phone')),
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
CREATE INDEX imports_newest ON imports (kind, id);

-- Every row an import could not apply, with the reason and the row's
-- cells, downloadable as a CSV to fix and import again.
CREATE TABLE import_failures (
    import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
    row_no    INTEGER NOT NULL,
    reason    TEXT NOT NULL,
    cells     TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (import_id, row_no)
);

-- Matching imported rows by phone looks contacts up by number.
CREATE INDEX contacts_phone ON contacts (phone) WHERE phone <> '';
CREATE INDEX contacts_mobile ON contacts (mobile) WHERE mobile <> '';
