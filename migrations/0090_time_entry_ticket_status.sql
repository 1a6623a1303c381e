-- Each entry carries its ticket's status, kept in step in the transaction
-- that changes the ticket, so the Time Sheet Summary's status filter is
-- read from an index instead of looking up every entry's ticket. An
-- entry whose ticket is gone has no status and matches no status.
ALTER TABLE time_entries ADD COLUMN ticket_status TEXT NOT NULL DEFAULT '';
UPDATE time_entries SET ticket_status = coalesce((SELECT t.status FROM tickets t WHERE t.id = time_entries.ticket_id), '');

-- Every index the summary reads holds the columns it filters, groups and
-- sums by, the status too, so no grouping visits the table's rows: the
-- agent and contact indexes, which the planner picks to group a period
-- by agent or contact, held only their key and day before.
DROP INDEX time_entries_date;
DROP INDEX time_entries_company;
DROP INDEX time_entries_agent;
DROP INDEX time_entries_contact;
CREATE INDEX time_entries_date ON time_entries (work_date, company_id, billable, seconds, agent_id, contact_id, ticket_id, ticket_status);
CREATE INDEX time_entries_company ON time_entries (company_id, work_date, billable, seconds, agent_id, contact_id, ticket_id, ticket_status);
CREATE INDEX time_entries_agent ON time_entries (agent_id, work_date, billable, seconds, ticket_status);
CREATE INDEX time_entries_contact ON time_entries (contact_id, work_date, billable, seconds, ticket_status);
