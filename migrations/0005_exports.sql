-- Contact exports. An export row is the durable record of one file an
-- agent asked for: which contacts (the list's view, search and filters
-- when it was asked), which fields and format, how far the job got, and
-- where the finished file is kept until it expires.
CREATE TABLE exports (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    job_id      INTEGER REFERENCES jobs (id) ON DELETE SET NULL,
    -- Only this agent may see and download the export.
    agent_id    INTEGER NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    format      TEXT NOT NULL CHECK (format IN ('csv', 'xlsx')),
    -- The field keys, in column order, comma-separated.
    fields      TEXT NOT NULL,
    view        TEXT NOT NULL DEFAULT '',
    search      TEXT NOT NULL DEFAULT '',
    company_id  INTEGER NOT NULL DEFAULT 0,
    tag         TEXT NOT NULL DEFAULT '',
    -- The list in words, as the agent saw it: "Verified, tag VIP".
    scope       TEXT NOT NULL DEFAULT '',
    bom         BOOLEAN NOT NULL DEFAULT FALSE,
    neutralise  BOOLEAN NOT NULL DEFAULT TRUE,
    -- Where the file is kept: <files dir>/exports/<id>.<format>.
    path        TEXT NOT NULL DEFAULT '',
    size        INTEGER NOT NULL DEFAULT 0,
    rows_total  INTEGER NOT NULL DEFAULT 0,
    rows_done   INTEGER NOT NULL DEFAULT 0,
    state       TEXT NOT NULL DEFAULT 'queued'
                CHECK (state IN ('queued', 'running', 'done', 'failed', 'expired')),
    error       TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    -- When the file and its download link stop working.
    expires_at  TIMESTAMP
);
CREATE INDEX exports_agent ON exports (agent_id, id);
CREATE INDEX exports_expiry ON exports (state, expires_at);
