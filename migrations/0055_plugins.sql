-- Plugins an admin has approved or disabled, by the id in their
-- plugin.json. A plugin folder without a row is discovered but not
-- approved: nothing of it runs.
CREATE TABLE plugins (
    id               TEXT PRIMARY KEY,
    -- The version approved and the SHA-256 of every file it names
    -- (JSON: path -> hex digest), checked before every start.
    approved_version TEXT NOT NULL DEFAULT '',
    digests          TEXT NOT NULL DEFAULT '{}',
    approved_by      INTEGER REFERENCES agents (id) ON DELETE SET NULL,
    approved_at      TIMESTAMP,
    -- Disabled by an admin, or by the host after repeated crashes; the
    -- reason is shown to admins.
    disabled         BOOLEAN NOT NULL DEFAULT FALSE,
    disabled_reason  TEXT NOT NULL DEFAULT '',
    updated_at       TIMESTAMP NOT NULL
);

-- Configured instances of a plugin (two LDAP directories, say). Secrets
-- are kept apart from the configuration so they are never rendered.
CREATE TABLE plugin_instances (
    id         INTEGER PRIMARY KEY,
    plugin_id  TEXT NOT NULL,
    name       TEXT NOT NULL,
    config     TEXT NOT NULL DEFAULT '{}',
    secrets    TEXT NOT NULL DEFAULT '{}',
    -- Bumped on every change, so the plugin rebuilds the instance.
    revision   INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (plugin_id, name)
);

-- What a plugin and its instances did: approvals, starts, crashes with
-- the plugin's last stderr lines, connection tests, imports.
CREATE TABLE plugin_activity (
    id          INTEGER PRIMARY KEY,
    plugin_id   TEXT NOT NULL,
    instance_id INTEGER REFERENCES plugin_instances (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    ok          BOOLEAN NOT NULL DEFAULT TRUE,
    message     TEXT NOT NULL,
    detail      TEXT NOT NULL DEFAULT '',
    at          TIMESTAMP NOT NULL
);
CREATE INDEX plugin_activity_by_plugin ON plugin_activity (plugin_id, id);
CREATE INDEX plugin_activity_by_instance ON plugin_activity (instance_id, id);
