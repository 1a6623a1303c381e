-- A stored email keeps a one-time link's token only as long as someone
-- may need it from there: until the message is handed to the SMTP server
-- (or fails for good), or, kept in the built-in mailbox, which is then
-- its delivery, until the link is used, ends or expires. link_hash is the
-- SHA-256 of the token the message carries, which finds the token in the
-- bodies without keeping it anywhere else; link_redacted_at is when the
-- bodies stopped holding it.
ALTER TABLE emails ADD COLUMN link_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE emails ADD COLUMN link_redacted_at TIMESTAMP;
CREATE INDEX emails_link ON emails (link_hash) WHERE link_hash <> '' AND link_redacted_at IS NULL;
