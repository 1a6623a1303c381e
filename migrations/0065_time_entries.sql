-- Time agents spend on tickets, and the running timers that become it.
--
-- An entry copies its ticket's company and contact when it is recorded,
-- as the ticket itself keeps the company it was raised under: the Time
-- Sheet Summary then counts a ticket's time for that company even after
-- the contact moves on. ticket_id has no foreign key, so an entry, and
-- the ticket number and subject it shows, outlive a deleted ticket.
CREATE TABLE time_entries (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id      INTEGER NOT NULL,
    ticket_subject TEXT NOT NULL,
    company_id     INTEGER REFERENCES companies (id) ON DELETE SET NULL,
    contact_id     INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
    agent_id       INTEGER NOT NULL REFERENCES agents (id),
    -- The UTC day the work was done, YYYY-MM-DD, which sorts and
    -- compares as a date on SQLite and PostgreSQL alike.
    work_date      TEXT NOT NULL,
    seconds        INTEGER NOT NULL CHECK (seconds > 0 AND seconds <= 86400),
    billable       BOOLEAN NOT NULL,
    note           TEXT NOT NULL DEFAULT '',
    created_at     TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP NOT NULL
);
CREATE INDEX time_entries_ticket ON time_entries (ticket_id, work_date);
-- The summary reads a period through the first index and one company's
-- time through the second; both hold every column it filters, groups
-- and sums by, so neither visits the table's rows.
CREATE INDEX time_entries_date ON time_entries (work_date, company_id, billable, seconds, agent_id, contact_id, ticket_id);
CREATE INDEX time_entries_company ON time_entries (company_id, work_date, billable, seconds, agent_id, contact_id, ticket_id);
CREATE INDEX time_entries_agent ON time_entries (agent_id, work_date);
CREATE INDEX time_entries_contact ON time_entries (contact_id, work_date);

-- One running timer per agent, as in Freshdesk: starting another stops
-- (and saves) the first. It becomes an entry when it is stopped.
CREATE TABLE time_timers (
    agent_id   INTEGER PRIMARY KEY REFERENCES agents (id) ON DELETE CASCADE,
    ticket_id  INTEGER NOT NULL,
    started_at TIMESTAMP NOT NULL
);

-- Whether a company's time is billable unless the agent says otherwise.
ALTER TABLE companies ADD COLUMN time_billable BOOLEAN NOT NULL DEFAULT TRUE;

-- Time Sheet Summary exports run as exports too: kind tells them from
-- contact exports, report keeps the report's filters as a query string.
ALTER TABLE exports ADD COLUMN kind TEXT NOT NULL DEFAULT 'contacts';
ALTER TABLE exports ADD COLUMN report TEXT NOT NULL DEFAULT '';
