-- The companies a plugin's stream named by external id, up to its stored
-- cursor: a resumed import links the contacts that follow to them, though
-- the plugin does not send those companies again.
CREATE TABLE import_source_companies (
  import_id   INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
  external_id TEXT NOT NULL,
  name        TEXT NOT NULL,
  PRIMARY KEY (import_id, external_id)
) WITHOUT ROWID;
