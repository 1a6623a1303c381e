-- An import from an installed source reads a plugin instance's stream
-- instead of a file. Its checkpoint is the plugin's cursor and the number
-- of the last row before it, written in the same transaction as the
-- batch, so a resumed import asks the plugin for exactly what follows.
ALTER TABLE imports ADD COLUMN plugin_instance_id INTEGER REFERENCES plugin_instances (id) ON DELETE SET NULL;
ALTER TABLE imports ADD COLUMN source_cursor TEXT NOT NULL DEFAULT '';
ALTER TABLE imports ADD COLUMN source_row INTEGER NOT NULL DEFAULT 0;
