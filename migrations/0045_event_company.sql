-- The company an event is about, as contact_id names the contact, so the
-- webhook delivery log can say which company each delivery concerns and
-- be filtered by it. Events already written get theirs from their
-- payload.
ALTER TABLE events ADD COLUMN company_id INTEGER;
UPDATE events SET company_id = json_extract(payload, '$.data.company.id')
WHERE type IN ('company.created', 'company.updated');
UPDATE events SET company_id = json_extract(payload, '$.data.company_id')
WHERE type = 'company.deleted';
CREATE INDEX events_company ON events (company_id) WHERE company_id IS NOT NULL;
