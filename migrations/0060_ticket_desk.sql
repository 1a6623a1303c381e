-- The agents' side of tickets: an assignee, the conversation (replies
-- from agents and customers, and agents' private notes), a subject
-- search, and the indexes the agents' list walks for each view and sort.
ALTER TABLE tickets ADD COLUMN assignee_id INTEGER REFERENCES agents (id) ON DELETE SET NULL;

-- One message of a ticket's conversation after its description. A
-- private note is an agent's and is never shown to the customer. The
-- author's name is copied, so a reply keeps it when its author is gone.
CREATE TABLE ticket_replies (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id   INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    author_kind TEXT NOT NULL CHECK (author_kind IN ('agent', 'customer')),
    agent_id    INTEGER REFERENCES agents (id) ON DELETE SET NULL,
    contact_id  INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
    author_name TEXT NOT NULL,
    body        TEXT NOT NULL,
    private     BOOLEAN NOT NULL DEFAULT FALSE CHECK (NOT private OR author_kind = 'agent'),
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX ticket_replies_ticket ON ticket_replies (ticket_id, id);

-- Each view (every status, one status, an assignee's) in each order
-- (last update, or number, which is creation order) is one index range,
-- walked from a cursor: a page costs the same at the millionth ticket.
CREATE INDEX tickets_updated ON tickets (updated_at, id);
CREATE INDEX tickets_status_updated ON tickets (status, updated_at, id);
CREATE INDEX tickets_status_id ON tickets (status, id);
CREATE INDEX tickets_assignee_updated ON tickets (assignee_id, updated_at, id) WHERE assignee_id IS NOT NULL;
CREATE INDEX tickets_assignee_id ON tickets (assignee_id, id) WHERE assignee_id IS NOT NULL;
CREATE INDEX tickets_company_updated ON tickets (company_id, updated_at, id) WHERE company_id IS NOT NULL;
CREATE INDEX tickets_contact_updated ON tickets (contact_id, updated_at, id);

-- Subjects, searched by word prefix like contacts.
CREATE VIRTUAL TABLE tickets_fts USING fts5 (
    subject,
    content = 'tickets',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
INSERT INTO tickets_fts (tickets_fts) VALUES ('rebuild');
CREATE TRIGGER tickets_fts_insert AFTER INSERT ON tickets BEGIN
    INSERT INTO tickets_fts (rowid, subject) VALUES (new.id, new.subject);
END;
CREATE TRIGGER tickets_fts_delete AFTER DELETE ON tickets BEGIN
    INSERT INTO tickets_fts (tickets_fts, rowid, subject) VALUES ('delete', old.id, old.subject);
END;
CREATE TRIGGER tickets_fts_update AFTER UPDATE OF subject ON tickets BEGIN
    INSERT INTO tickets_fts (tickets_fts, rowid, subject) VALUES ('delete', old.id, old.subject);
    INSERT INTO tickets_fts (rowid, subject) VALUES (new.id, new.subject);
END;
