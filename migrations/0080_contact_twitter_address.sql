-- A contact's X (Twitter) handle, stored without its @, and its postal
-- address. The handle can be a contact's only way to be reached, as in
-- Freshdesk, and imports find contacts by it, so it is unique; X ignores
-- the case of handles, and so does the index.
ALTER TABLE contacts ADD COLUMN twitter_id TEXT;
ALTER TABLE contacts ADD COLUMN address TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX contacts_twitter_id ON contacts (lower(twitter_id)) WHERE twitter_id IS NOT NULL;
