-- Each entry carries its ticket's status, kept in step in the transaction
-- that changes the ticket, so the Time Sheet Summary's status filter is
-- read from the period index instead of looking up every entry's ticket.
-- An entry whose ticket is gone has no status and matches no status.
ALTER TABLE time_entries ADD COLUMN ticket_status TEXT NOT NULL DEFAULT '';
UPDATE time_entries SET ticket_status = coalesce((SELECT t.status FROM tickets t WHERE t.id = time_entries.ticket_id), '');

DROP INDEX time_entries_date;
DROP INDEX time_entries_company;
CREATE INDEX time_entries_date ON time_entries (work_date, company_id, billable, seconds, agent_id, contact_id, ticket_id, ticket_status);
CREATE INDEX time_entries_company ON time_entries (company_id, work_date, billable, seconds, agent_id, contact_id, ticket_id, ticket_status);
