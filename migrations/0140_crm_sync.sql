-- CRM sync connectors: one row per plugin instance of kind crm_sync, with
-- what it syncs, its delete policies, whether it is paused, and where its
-- pull (the plugin's cursor) and its push (a position in the event
-- stream) stand. State "setup" waits for the admin to confirm the first
-- sync; "running" syncs by itself.
CREATE TABLE crm_connectors (
    instance_id    INTEGER PRIMARY KEY REFERENCES plugin_instances (id) ON DELETE CASCADE,
    objects        TEXT NOT NULL DEFAULT 'contacts' CHECK (objects IN ('contacts', 'companies', 'both')),
    -- A remote delete unlinks and flags the Portico record ("flag"), or
    -- deletes it too ("delete"); a Portico delete or merge reaches the
    -- remote only when portico_delete is "delete".
    remote_delete  TEXT NOT NULL DEFAULT 'flag' CHECK (remote_delete IN ('flag', 'delete')),
    portico_delete TEXT NOT NULL DEFAULT 'keep' CHECK (portico_delete IN ('keep', 'delete')),
    paused         BOOLEAN NOT NULL DEFAULT FALSE,
    state          TEXT NOT NULL DEFAULT 'setup' CHECK (state IN ('setup', 'running')),
    pull_cursor    TEXT NOT NULL DEFAULT '',
    push_position  INTEGER NOT NULL DEFAULT 0,
    -- Outages and rate limits back this connector off alone.
    backoff_until  TIMESTAMP,
    outages        INTEGER NOT NULL DEFAULT 0,
    last_run_at    TIMESTAMP,
    last_error     TEXT NOT NULL DEFAULT '',
    pulled         INTEGER NOT NULL DEFAULT 0,
    pushed         INTEGER NOT NULL DEFAULT 0,
    conflicts      INTEGER NOT NULL DEFAULT 0,
    updated_at     TIMESTAMP NOT NULL
);

-- The field mapping: a Portico field and a remote field of one object
-- type, the direction values flow and the rule for a field both sides
-- changed since the last sync.
CREATE TABLE crm_field_maps (
    instance_id   INTEGER NOT NULL REFERENCES crm_connectors (instance_id) ON DELETE CASCADE,
    object        TEXT NOT NULL CHECK (object IN ('contact', 'company')),
    portico_field TEXT NOT NULL,
    remote_field  TEXT NOT NULL,
    direction     TEXT NOT NULL CHECK (direction IN ('both', 'to_portico', 'to_remote', 'none')),
    rule          TEXT NOT NULL CHECK (rule IN ('prefer_portico', 'prefer_remote', 'prefer_non_empty', 'latest_wins')),
    PRIMARY KEY (instance_id, object, portico_field)
);

-- A Portico record linked to a remote one, with the remote version last
-- seen and the values both sides agreed on at the last sync (JSON keyed
-- by Portico field): what tells an echo from a change, and which side
-- changed a field. A link whose remote record was deleted stays, with
-- state "remote_deleted", so the Portico record is flagged and not
-- pushed again.
CREATE TABLE crm_links (
    id             INTEGER PRIMARY KEY,
    instance_id    INTEGER NOT NULL REFERENCES crm_connectors (instance_id) ON DELETE CASCADE,
    object         TEXT NOT NULL,
    local_id       INTEGER NOT NULL,
    remote_id      TEXT NOT NULL,
    remote_version TEXT NOT NULL DEFAULT '',
    synced         TEXT NOT NULL DEFAULT '{}',
    state          TEXT NOT NULL DEFAULT 'linked' CHECK (state IN ('linked', 'remote_deleted', 'deleted')),
    synced_at      TIMESTAMP NOT NULL,
    UNIQUE (instance_id, object, local_id),
    UNIQUE (instance_id, object, remote_id)
);
CREATE INDEX crm_links_by_local ON crm_links (object, local_id);

-- Records that failed to sync, with why; "retry" applies them again. A
-- pulled change keeps its data so a retry needs no new pull. An
-- ambiguous record (the first sync found several matches for it) is
-- neither pushed nor pulled until a new first sync resolves it.
CREATE TABLE crm_failures (
    id          INTEGER PRIMARY KEY,
    instance_id INTEGER NOT NULL REFERENCES crm_connectors (instance_id) ON DELETE CASCADE,
    direction   TEXT NOT NULL CHECK (direction IN ('in', 'out')),
    object      TEXT NOT NULL,
    local_id    INTEGER NOT NULL DEFAULT 0,
    remote_id   TEXT NOT NULL DEFAULT '',
    reason      TEXT NOT NULL,
    change      TEXT NOT NULL DEFAULT '',
    ambiguous   BOOLEAN NOT NULL DEFAULT FALSE,
    attempts    INTEGER NOT NULL DEFAULT 1,
    first_at    TIMESTAMP NOT NULL,
    last_at     TIMESTAMP NOT NULL,
    UNIQUE (instance_id, direction, object, local_id, remote_id)
);

-- Conflicts resolved: a field both sides changed, the two values and
-- which one the rule kept.
CREATE TABLE crm_conflicts (
    id            INTEGER PRIMARY KEY,
    instance_id   INTEGER NOT NULL REFERENCES crm_connectors (instance_id) ON DELETE CASCADE,
    object        TEXT NOT NULL,
    local_id      INTEGER NOT NULL,
    remote_id     TEXT NOT NULL,
    field         TEXT NOT NULL,
    portico_value TEXT NOT NULL,
    remote_value  TEXT NOT NULL,
    rule          TEXT NOT NULL,
    kept          TEXT NOT NULL CHECK (kept IN ('portico', 'remote')),
    at            TIMESTAMP NOT NULL
);
CREATE INDEX crm_conflicts_by_instance ON crm_conflicts (instance_id, id);
