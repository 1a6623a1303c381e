-- Tickets customers raise in the portal.
--
-- company_id is the requester's default company when the ticket was
-- created. It is copied, not looked up, so a ticket stays with that
-- company when the contact later moves to another: the contacts with
-- "can view all of this company's tickets" on it keep seeing it.
CREATE TABLE tickets (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    contact_id  INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    company_id  INTEGER REFERENCES companies (id) ON DELETE SET NULL,
    subject     TEXT NOT NULL,
    description TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'pending', 'resolved', 'closed')),
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL
);
CREATE INDEX tickets_contact ON tickets (contact_id, id);
CREATE INDEX tickets_company ON tickets (company_id, id) WHERE company_id IS NOT NULL;
