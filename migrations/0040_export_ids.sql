-- An export of the contacts ticked on a list's page keeps their ids,
-- comma-separated, with the list's view, search and filters; empty for
-- an export of a whole list.
ALTER TABLE exports ADD COLUMN ids TEXT NOT NULL DEFAULT '';
